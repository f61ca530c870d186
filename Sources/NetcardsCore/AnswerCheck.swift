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
    /// Set when the verdict is `.almost` because a command line has an option more than the answer.
    public var extraOptions = false

    public init(verdict: AnswerVerdict, closest: String, matchedIndex: Int? = nil, partly: Partly? = nil,
                alsoAccepted: [String] = []) {
        self.verdict = verdict
        self.closest = closest
        self.matchedIndex = matchedIndex
        self.partly = partly
        self.alsoAccepted = alsoAccepted
    }
}

/// Reads a typed answer and each accepted answer into a shape (a port, a range, a set, a sequence, a command
/// line, a term) and compares the shapes. The rules, with examples, are in README.md ("Typed answers").
public enum AnswerChecker {
    public static func check(_ typed: String, against accepted: [String]) -> AnswerCheck {
        guard !accepted.isEmpty else { return AnswerCheck(verdict: .wrong, closest: "") }
        let given = AnswerShape(typed, typed: true)
        let shapes = accepted.map { AnswerShape($0, typed: false) }
        let ordered = isOrdered(shapes)
        // The answer typed word for word is the one matched, though an earlier one may say the same.
        let literal = AnswerWords.words(typed)
        var best: (match: AnswerMatch, index: Int) = (.different, 0)
        if !literal.isEmpty, let index = accepted.firstIndex(where: { AnswerWords.words($0) == literal }) { best = (.same, index) }
        for (index, shape) in shapes.enumerated() where best.match != .same {
            let match = AnswerMatch.compare(given, shape, ordered: ordered)
            if match.rank < best.match.rank { best = (match, index) }
            if match == .same { break }
        }
        if ordered, best.match != .same, let placewise = AnswerShape.placewise(shapes) {
            let match = AnswerMatch.compare(given, placewise.shape, ordered: true)
            if match.rank < best.match.rank { best = (match, placewise.first) }
        }
        switch best.match {
        case .same, .almost:
            let verdict: AnswerVerdict = best.match == .same ? .correct : .almost
            var check = AnswerCheck(verdict: verdict, closest: accepted[best.index], matchedIndex: best.index,
                                    alsoAccepted: others(accepted, shapes, besides: best.index, typed: given, ordered: ordered))
            check.extraOptions = best.match == .almost(extraOptions: true)
            return check
        case .partly(let matched, let of):
            return AnswerCheck(verdict: .partial, closest: accepted[best.index], matchedIndex: best.index,
                               partly: AnswerCheck.Partly(matched: matched, of: of))
        case .different:
            let index = closestIndex(to: given, in: shapes)
            return AnswerCheck(verdict: .wrong, closest: accepted[index], matchedIndex: index)
        }
    }

    /// The accepted answers other than the first that say something the first doesn't (at most `limit`):
    /// what to show beside an answer revealed without typing.
    public static func alternatives(to accepted: [String], limit: Int = 3) -> [String] {
        guard !accepted.isEmpty else { return [] }
        let shapes = accepted.map { AnswerShape($0, typed: false) }
        return others(accepted, shapes, besides: 0, typed: shapes[0], ordered: isOrdered(shapes), limit: limit,
                      evenAfterTheFirst: true)
    }

    /// A card with one answer written as a sequence (`→`) asks for an order: its other list answers do too.
    private static func isOrdered(_ shapes: [AnswerShape]) -> Bool {
        shapes.contains { $0.ordered && $0.items.count > 1 }
    }

    /// After a match on an answer that says something else than the first: up to three others, none saying
    /// the same as what was typed or as one already listed.
    private static func others(_ accepted: [String], _ shapes: [AnswerShape], besides matched: Int, typed: AnswerShape,
                               ordered: Bool, limit: Int = 3, evenAfterTheFirst: Bool = false) -> [String] {
        guard evenAfterTheFirst || (matched > 0 && AnswerMatch.compare(typed, shapes[0], ordered: ordered) != .same)
        else { return [] }
        var shown: [Int] = []
        for index in shapes.indices.prefix(64) where index != matched && shown.count < limit {
            let shape = shapes[index]
            let repeats = AnswerMatch.compare(shape, typed, ordered: ordered) == .same
                || AnswerMatch.compare(shape, shapes[matched], ordered: ordered) == .same
                || shown.contains { AnswerMatch.compare(shape, shapes[$0], ordered: ordered) == .same }
            if !repeats { shown.append(index) }
        }
        return shown.map { accepted[$0] }
    }

    /// For a wrong answer, the accepted answer sharing the most words with it (the first on a tie).
    private static func closestIndex(to typed: AnswerShape, in shapes: [AnswerShape]) -> Int {
        let words = typed.whole.meaningful
        let shared = shapes.map { shape in
            words.filter { word in shape.whole.meaningful.contains { Vocabulary.shared.sameWord($0, word) } }.count
        }
        return shared.indices.max { shared[$0] < shared[$1] || (shared[$0] == shared[$1] && $0 > $1) } ?? 0
    }

    /// Lowercased words of letters and digits, one space apart (number words one…twenty as digits).
    public static func normalize(_ text: String) -> String {
        AnswerWords.words(text).joined(separator: " ")
    }

    /// Whether one edit turns `a` into `b`: a letter changed, added or dropped, or two neighbours swapped
    /// (a Damerau–Levenshtein distance of exactly 1). Linear in the words' length: a pasted 4 KB word costs
    /// no more than reading it, where a full edit-distance table would cost its length times the answer's.
    static func isOneEditApart(_ a: [Character], _ b: [Character]) -> Bool {
        guard abs(a.count - b.count) <= 1, a != b else { return false }
        let i = zip(a, b).prefix { $0 == $1 }.count
        if a.count > b.count { return a[(i + 1)...] == b[i...] }
        if b.count > a.count { return a[i...] == b[(i + 1)...] }
        if a[(i + 1)...] == b[(i + 1)...] { return true }
        return i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]
    }
}

/// A port range in any common spelling: 2379-2380, 2379–2380, "2379 to 2380", 2379..2380.
struct PortRange: Equatable {
    var lower: Int
    var upper: Int

    /// What a range can be written with: digits, a sign, the separators and the letters of "to", "through", "and".
    private static let characters = Set("0123456789+-–—.,/ tohrugand")

    init?(_ text: String) {
        let lowered = text.lowercased()
        guard lowered.allSatisfy(Self.characters.contains) else { return nil }
        let spelled = lowered
            .replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
            .replacingOccurrences(of: "..", with: "-").replacingOccurrences(of: " to ", with: "-")
            .replacingOccurrences(of: " through ", with: "-").replacingOccurrences(of: " and ", with: "-")
            .replacingOccurrences(of: ",", with: "-").replacingOccurrences(of: "/", with: "-")
            .replacingOccurrences(of: " ", with: "")
        let parts = spelled.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let lower = Int(parts[0]), let upper = Int(parts[1]), lower < upper else { return nil }
        self.lower = lower
        self.upper = upper
    }
}
