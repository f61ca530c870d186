import NetcardsCore

/// libFuzzer entry point: the bytes up to the first NUL are what the learner typed, the NUL-separated rest are
/// the accepted answers. The checker must never crash or hang, and must keep its basic promises.
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
    _ = check.verdict.suggestedGrade

    // What the learner typed, offered as the answer, is always right — unless it has no letters or digits.
    let normalized = AnswerChecker.normalize(typed)
    let itself = AnswerChecker.check(typed, against: [typed])
    precondition(normalized.isEmpty || itself.verdict == .correct, "\(typed.debugDescription) does not match itself")
    precondition(AnswerChecker.normalize(normalized) == normalized, "normalize is not idempotent on \(typed.debugDescription)")
    return 0
}
