import NetcardsCore

/// libFuzzer entry point: the bytes up to the first NUL are what the learner typed, the NUL-separated rest are
/// the accepted answers. The checker and the diff must never crash or hang, and must keep their basic promises.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswerChecker(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let parts = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    let typed = parts.first ?? ""
    let accepted = Array(parts.dropFirst())

    let check = AnswerChecker.check(typed, against: accepted)
    precondition(accepted.isEmpty ? check.closest.isEmpty : accepted.contains(check.closest),
                 "closest answer \(check.closest.debugDescription) is not one of the accepted ones")
    if accepted.isEmpty { precondition(check.verdict == .wrong, "no accepted answer, yet \(check.verdict)") }
    if let index = check.matchedIndex { precondition(accepted[index] == check.closest, "matchedIndex is not closest") }
    precondition((check.verdict == .partial) == (check.partly != nil), "partly given for \(check.verdict)")
    if let partly = check.partly { precondition(0 < partly.matched && partly.matched < partly.of, "partly \(partly)") }
    precondition(check.alsoAccepted.count <= 3 && check.alsoAccepted.allSatisfy(accepted.contains),
                 "also accepted \(check.alsoAccepted) is not up to 3 of the accepted answers")
    precondition(!check.alsoAccepted.contains(check.closest), "also accepted repeats the match")
    _ = check.verdict.suggestedGrade

    // What the learner typed, offered as the answer, is always right — unless it has no letters or digits.
    let normalized = AnswerChecker.normalize(typed)
    let itself = AnswerChecker.check(typed, against: [typed])
    precondition(normalized.isEmpty || itself.verdict == .correct, "\(typed.debugDescription) does not match itself")
    precondition(AnswerChecker.normalize(normalized) == normalized, "normalize is not idempotent on \(typed.debugDescription)")

    // The diff keeps every word, and marks letters only inside the word they belong to.
    let diff = AnswerDiff(typed: typed, expected: check.closest)
    precondition(diff.typed.map(\.text) == typed.split(whereSeparator: \.isWhitespace).map(String.init), "diff lost a typed word")
    precondition(diff.expected.map(\.text) == check.closest.split(whereSeparator: \.isWhitespace).map(String.init),
                 "diff lost a word of the answer")
    for word in diff.typed {
        if case .typo(let letters) = word.mark { precondition(letters.count == word.text.count, "typo marks misaligned") }
        precondition(word.mark != .missing, "a typed word marked missing")
    }
    precondition(diff.expected.allSatisfy { $0.mark != .extra }, "a word of the answer marked extra")
    return 0
}
