/// A phrase as the answer checker compares it: lowercased words, number words as digits, glossary phrases
/// as one term; articles and leading filler ("it is", "they are") set aside.
struct AnswerWords: Hashable, Sendable {
    /// Every word, articles included.
    var all: [String]
    /// The words that decide the answer.
    var meaningful: [String]
    /// How many negations ("not", "no", "never", "n't" …) the phrase has.
    var negations: Int

    /// The meaningful words as written, before the glossary: where a typo is looked for ("routing tabel").
    var written: [String]

    init(_ text: String, vocabulary: Vocabulary = .shared) {
        let plain = Self.words(text)
        let words = vocabulary.replacingGlossaryPhrases(in: plain)
        all = words
        negations = words.filter(Self.negationWords.contains).count
        meaningful = Self.meaningful(words)
        written = Self.meaningful(plain)
    }

    private static func meaningful(_ words: [String]) -> [String] {
        let stripped = withoutFiller(withoutArticles(withoutFiller(words)))
        return stripped.isEmpty ? words : stripped
    }

    var isEmpty: Bool { all.isEmpty }

    /// Lowercased runs of letters and digits, "n't" read as "not", a possessive "'s" left out ("the upstream's
    /// logs" is "the upstream logs"), number words one…twenty as digits.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        let lowered = text.lowercased()
        let spelled = Array(lowered.contains("'") || lowered.contains("’")
            ? lowered.replacingOccurrences(of: "n't", with: " not").replacingOccurrences(of: "n’t", with: " not")
            : lowered)
        var index = 0
        while index < spelled.count {
            let char = spelled[index]
            if char.isLetter || char.isNumber, !current.isEmpty || canStartWord(char) {
                current.append(char)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
                if isApostropheS(spelled, at: index) { index += 1 }
            }
            index += 1
        }
        if !current.isEmpty { words.append(current) }
        return words.map { numberWords[$0] ?? $0 }
    }

    /// An apostrophe after a word, then an `s` that ends the word.
    private static func isApostropheS(_ chars: [Character], at index: Int) -> Bool {
        (chars[index] == "'" || chars[index] == "’") && index + 1 < chars.count && chars[index + 1] == "s"
            && (index + 2 == chars.count || !(chars[index + 2].isLetter || chars[index + 2].isNumber))
    }

    /// A letter that would join a space put before it cannot start a word: a combining mark left on its own
    /// (after a control character) would otherwise start one, and `normalize`, which joins words with spaces,
    /// would read its own output differently (found by FuzzAnswerChecker).
    private static func canStartWord(_ char: Character) -> Bool {
        (" " + String(char)).count == 2
    }

    private static let numberWords: [String: String] = Dictionary(uniqueKeysWithValues: [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ].enumerated().map { ($1, String($0)) })

    private static let negationWords: Set<String> = ["not", "no", "never", "non", "cannot", "without", "none", "nothing",
                                                     "neither", "nor"]

    /// Openings that say nothing: "it is decremented" answers as "decremented" does.
    private static let fillers: [[String]] = [
        ["the", "answer", "is"], ["it", "is"], ["they", "are"], ["they", "re"],
        ["that", "is"], ["this", "is"], ["it"], ["that"], ["both"], ["amazon"], ["aws"],
    ]

    private static func withoutFiller(_ words: [String]) -> [String] {
        var rest = words[...]
        while let filler = fillers.first(where: { rest.starts(with: $0) && rest.count > $0.count }) {
            rest = rest.dropFirst(filler.count)
        }
        return Array(rest)
    }

    /// "a", "an", "the", "its" and "their" don't decide an answer, but "A" the DNS record type does: an "a" that ends the
    /// phrase or comes before "record" stays.
    private static func withoutArticles(_ words: [String]) -> [String] {
        words.enumerated().filter { index, word in
            switch word {
            case "an", "the", "its", "their": return false
            case "a":
                let next = index + 1 < words.count ? words[index + 1] : nil
                return next == nil || next == "record" || next == "records"
            default: return true
            }
        }.map(\.element)
    }
}

extension AnswerWords {
    enum Match: Int, Comparable {
        /// `extraOptions`: a command line with every option asked for, and more.
        case same, typo, extraOptions, different
        static func < (a: Match, b: Match) -> Bool { a.rawValue < b.rawValue }
    }

    /// How `typed` compares with `expected`: the same answer, one typo off, or different.
    static func compare(_ typed: AnswerWords, _ expected: AnswerWords, vocabulary: Vocabulary = .shared) -> Match {
        if contradicts(typed, expected, vocabulary: vocabulary) { return .different }
        if vocabulary.sameWords(typed.meaningful, expected.meaningful) || vocabulary.sameWords(typed.all, expected.all) {
            return .same
        }
        // `-`, `/` or a space inside a term: "SYN-ACK" = "syn ack" = "synack" — unless numbers would merge.
        if digitRuns(typed.meaningful) == digitRuns(expected.meaningful),
           vocabulary.sameWord(typed.meaningful.joined(), expected.meaningful.joined()) {
            return .same
        }
        return isOneTypoOff(typed.meaningful, expected.meaningful, vocabulary: vocabulary)
            || isOneTypoOff(typed.written, expected.written, vocabulary: vocabulary) ? .typo : .different
    }

    /// A negation on one side only, or a word whose opposite the other side says.
    static func contradicts(_ typed: AnswerWords, _ expected: AnswerWords, vocabulary: Vocabulary = .shared) -> Bool {
        typed.negations % 2 != expected.negations % 2
            || vocabulary.namesOpposite(typed.meaningful, of: expected.meaningful)
    }

    private static func digitRuns(_ words: [String]) -> [String] {
        words.flatMap { $0.split(whereSeparator: { !$0.isNumber }).map(String.init) }
    }

    /// One edit (a swap of neighbours included) in one word of five or more letters; never in a number, never
    /// between opposites.
    private static func isOneTypoOff(_ typed: [String], _ expected: [String], vocabulary: Vocabulary) -> Bool {
        guard typed.count == expected.count else { return false }
        let differing = zip(typed, expected).filter { !vocabulary.sameWord($0, $1) }
        guard differing.count == 1, let (typedWord, word) = differing.first else { return false }
        return word.count >= 5 && word.allSatisfy(\.isLetter) && typedWord.allSatisfy(\.isLetter)
            && !vocabulary.areOpposites(typedWord, word)
            && AnswerChecker.isOneEditApart(Array(typedWord), Array(word))
    }
}
