/// How a typed answer compares with the accepted answers of a card.
public enum AnswerVerdict: String, Hashable, Sendable {
    case correct
    /// One wrong letter in a word of five or more letters.
    case almost
    /// Part of a list answer ("partly: 1 of 2"), or one end of a port range.
    case partial
    case wrong

    /// The grade Enter takes at the grade prompt.
    public var suggestedGrade: Grade {
        switch self {
        case .correct: .good
        case .almost, .partial: .hard
        case .wrong: .again
        }
    }
}

public struct AnswerCheck: Hashable, Sendable {
    /// How much of a list answer was given: "partly: 1 of 2".
    public struct Partly: Hashable, Sendable {
        public var matched: Int
        public var of: Int
        public init(matched: Int, of: Int) {
            self.matched = matched
            self.of = of
        }
    }

    public var verdict: AnswerVerdict
    /// The accepted answer closest to what was typed, to show beside it.
    public var closest: String
    /// Which accepted answer matched (or came closest); nil when there is none.
    public var matchedIndex: Int?
    /// Set when the verdict is `.partial`: how many items of a list answer were given.
    public var partly: Partly?
    /// Other accepted answers worth showing after a ✓ or ≈ on an answer that was not the first one (at most 3,
    /// none that say the same as what was typed).
    public var alsoAccepted: [String]

    public init(verdict: AnswerVerdict, closest: String, matchedIndex: Int? = nil, partly: Partly? = nil,
                alsoAccepted: [String] = []) {
        self.verdict = verdict
        self.closest = closest
        self.matchedIndex = matchedIndex
        self.partly = partly
        self.alsoAccepted = alsoAccepted
    }
}

public enum AnswerChecker {
    public static func check(_ typed: String, against accepted: [String]) -> AnswerCheck {
        let given = normalize(typed)
        var best = AnswerCheck(verdict: .wrong, closest: accepted.first ?? "", matchedIndex: accepted.isEmpty ? nil : 0)
        for (index, answer) in accepted.enumerated() {
            let expected = normalize(answer)
            let verdict = compare(given: given, expected: expected, typed: typed, answer: answer)
            if rank(verdict) < rank(best.verdict) {
                best = AnswerCheck(verdict: verdict, closest: answer, matchedIndex: index,
                                   partly: verdict == .partial ? AnswerCheck.Partly(matched: 1, of: 2) : nil)
            }
            if verdict == .correct { break }
        }
        return best
    }

    private static func rank(_ verdict: AnswerVerdict) -> Int {
        switch verdict { case .correct: 0; case .almost: 1; case .partial: 2; case .wrong: 3 }
    }

    private static func compare(given: String, expected: String, typed: String, answer: String) -> AnswerVerdict {
        if given.isEmpty { return .wrong }
        if given == expected || given.replacingOccurrences(of: " ", with: "") == expected.replacingOccurrences(of: " ", with: "")
            || withoutArticles(given) == withoutArticles(expected) {
            return .correct
        }
        if let range = PortRange(answer) {
            if let typedRange = PortRange(typed) { return typedRange == range ? .correct : .wrong }
            if let single = Int(given), single == range.lower || single == range.upper { return .partial }
            return .wrong
        }
        return isOneLetterOff(given: given, expected: expected) ? .almost : .wrong
    }

    /// Lowercased, punctuation turned into spaces, spaces collapsed.
    public static func normalize(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        for char in text.lowercased() {
            if char.isLetter || char.isNumber {
                current.append(char)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: " ")
    }

    /// "a route to an IGW" and "route to IGW" say the same: articles don't decide an answer.
    private static func withoutArticles(_ normalized: String) -> String {
        normalized.split(separator: " ").filter { !["a", "an", "the"].contains($0) }.joined(separator: " ")
    }

    private static func isOneLetterOff(given: String, expected: String) -> Bool {
        let givenWords = given.split(separator: " ")
        let expectedWords = expected.split(separator: " ")
        guard givenWords.count == expectedWords.count else { return false }
        var differing = 0
        for (typedWord, word) in zip(givenWords, expectedWords) where typedWord != word {
            differing += 1
            guard differing == 1, word.count >= 5, editDistance(Array(typedWord), Array(word)) == 1 else { return false }
        }
        return differing == 1
    }

    /// Levenshtein distance, with a swap of two neighbouring letters counted as one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}

/// A port range in any common spelling: 2379-2380, 2379–2380, "2379 to 2380", 2379..2380.
struct PortRange: Equatable {
    var lower: Int
    var upper: Int

    init?(_ text: String) {
        let lowered = text.lowercased()
            .replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
            .replacingOccurrences(of: "..", with: "-").replacingOccurrences(of: " to ", with: "-")
            .replacingOccurrences(of: " through ", with: "-").replacingOccurrences(of: " and ", with: "-")
            .replacingOccurrences(of: ",", with: "-").replacingOccurrences(of: "/", with: "-")
            .replacingOccurrences(of: " ", with: "")
        let parts = lowered.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let lower = Int(parts[0]), let upper = Int(parts[1]), lower < upper else { return nil }
        self.lower = lower
        self.upper = upper
    }
}
