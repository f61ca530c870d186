/// A typed answer set against the expected one word by word, so the learner sees what was extra, what was
/// missing, and which letters of a mistyped word were wrong.
public struct AnswerDiff: Equatable, Sendable {
    public enum Mark: Equatable, Sendable {
        case same
        /// Typed, but not in the answer.
        case extra
        /// In the answer, but not typed.
        case missing
        /// One word typed a letter off: for each of its characters, true when that one is wrong.
        case typo([Bool])
    }

    public struct Word: Equatable, Sendable {
        public var text: String
        public var mark: Mark
    }

    public var typed: [Word]
    public var expected: [Word]
    /// False when the two share under half their words: marks would only be noise, show both plainly.
    public var comparable: Bool

    public init(typed: String, expected: String) {
        let typedWords = typed.split(whereSeparator: \.isWhitespace).map(String.init)
        let expectedWords = expected.split(whereSeparator: \.isWhitespace).map(String.init)
        let typedKeys = typedWords.map(Self.key)
        let expectedKeys = expectedWords.map(Self.key)
        var typedMarks = typedKeys.map { $0.isEmpty ? Mark.same : .extra }
        var expectedMarks = expectedKeys.map { $0.isEmpty ? Mark.same : .missing }
        var shared = 0
        var gapStart = (typed: 0, expected: 0)
        for (i, j) in Self.commonWords(typedKeys, expectedKeys) + [(typedKeys.count, expectedKeys.count)] {
            shared += Self.markTypos((typedWords, typedKeys), (expectedWords, expectedKeys), typedRange: gapStart.typed..<i,
                                     expectedRange: gapStart.expected..<j, typedMarks: &typedMarks, expectedMarks: &expectedMarks)
            if i < typedKeys.count {
                typedMarks[i] = .same
                expectedMarks[j] = .same
                shared += 1
            }
            gapStart = (i + 1, j + 1)
        }
        let words = max(typedKeys.filter { !$0.isEmpty }.count, expectedKeys.filter { !$0.isEmpty }.count)
        let comparable = shared * 2 >= words
        self.comparable = comparable
        self.typed = zip(typedWords, typedMarks).map { Word(text: $0, mark: comparable ? $1 : .same) }
        self.expected = zip(expectedWords, expectedMarks).map { Word(text: $0, mark: comparable ? $1 : .same) }
    }

    /// What a word is compared by; empty for punctuation, articles and the words that join list items, which
    /// are never marked or counted.
    private static func key(_ word: String) -> String {
        let key = AnswerWords.words(word).joined()
        return ["a", "an", "the", "and", "or", "then"].contains(key) ? "" : key
    }

    /// Index pairs of the longest common subsequence of words (singular = plural; punctuation-only words skipped).
    private static func commonWords(_ a: [String], _ b: [String]) -> [(Int, Int)] {
        let same = { (i: Int, j: Int) in !a[i].isEmpty && Vocabulary.shared.sameWord(a[i], b[j]) }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = same(i, j) ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var pairs: [(Int, Int)] = []
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if same(i, j) { pairs.append((i, j)); i += 1; j += 1 }
            else if table[i + 1][j] >= table[i][j + 1] { i += 1 }
            else { j += 1 }
        }
        return pairs
    }

    /// Between two common words, a typed word one edit from an expected word of five or more letters is that
    /// word mistyped: its wrong letters are marked instead of the whole word. Returns how many were paired.
    private static func markTypos(_ typed: (words: [String], keys: [String]), _ expected: (words: [String], keys: [String]),
                                  typedRange: Range<Int>, expectedRange: Range<Int>,
                                  typedMarks: inout [Mark], expectedMarks: inout [Mark]) -> Int {
        let (typedKeys, expectedKeys) = (typed.keys, expected.keys)
        var paired = 0
        var next = expectedRange.lowerBound
        for i in typedRange where !typedKeys[i].isEmpty {
            guard let j = (next..<expectedRange.upperBound).first(where: { j in
                expectedKeys[j].count >= 5 && AnswerChecker.isOneEditApart(Array(typedKeys[i]), Array(expectedKeys[j]))
            }) else { continue }
            typedMarks[i] = .typo(letterMismatches(typed: typed.words[i], expected: expected.words[j]))
            expectedMarks[j] = .same
            paired += 1
            next = j + 1
        }
        return paired
    }

    /// For each character of `typed`: true when it is not part of the longest common subsequence with `expected`.
    static func letterMismatches(typed: String, expected: String) -> [Bool] {
        let a = Array(typed.lowercased())
        let b = Array(expected.lowercased())
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var marks = Array(repeating: true, count: a.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { marks[i] = false; i += 1; j += 1 }
            else if table[i + 1][j] >= table[i][j + 1] { i += 1 }
            else { j += 1 }
        }
        return marks
    }
}
