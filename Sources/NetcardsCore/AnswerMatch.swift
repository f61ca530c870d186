/// How a typed answer's shape compares with one accepted answer's shape.
enum AnswerMatch: Equatable {
    case same
    /// One typo in a word of five or more letters, or a command line with an extra option.
    case almost(extraOptions: Bool)
    /// Some items of a list, or one end of a range.
    case partly(matched: Int, of: Int)
    case different

    /// Lower is better; among partial answers, the one with more of the items.
    var rank: Double {
        switch self {
        case .same: 0
        case .almost: 1
        case .partly(let matched, let of): 3 - Double(matched) / Double(max(of, 1))
        case .different: 4
        }
    }

    static func compare(_ typed: AnswerShape, _ expected: AnswerShape, ordered: Bool) -> AnswerMatch {
        if typed.whole.isEmpty || AnswerWords.contradicts(typed.whole, expected.whole) { return .different }
        if let range = expected.range {
            if let typedRange = typed.range { return typedRange == range ? .same : .different }
            if let port = typed.port, port == range.lower || port == range.upper { return .partly(matched: 1, of: 2) }
            return .different
        }
        if let port = expected.port, let typedPort = typed.port { return port == typedPort ? .same : .different }
        let whole = AnswerWords.compare(typed.whole, expected.whole)
        if whole == .same { return .same }
        let list = compareLists(typed.items.map { $0[0] }, expected.items, ordered: ordered || expected.ordered)
        let wholeMatch: AnswerMatch = whole == .typo ? .almost(extraOptions: false) : .different
        return list.rank < wholeMatch.rank ? list : wholeMatch
    }

    private static func compareLists(_ typed: [AnswerShape.Item], _ expected: [[AnswerShape.Item]], ordered: Bool) -> AnswerMatch {
        guard !typed.isEmpty, !expected.isEmpty else { return .different }
        if typed.count == 1, expected.count > 1, segments(typed[0].words.meaningful[...], into: expected,
                                                          remaining: Array(expected.indices), ordered: ordered) {
            return .same
        }
        let pairs = ordered ? orderedPairs(typed, expected) : unorderedPairs(typed, expected)
        guard !pairs.isEmpty else { return .different }
        let extra = typed.count - pairs.count
        if pairs.count == expected.count && extra == 0 {
            if pairs.allSatisfy({ $0 == .same }) { return .same }
            return .almost(extraOptions: pairs.contains(.extraOptions))
        }
        if ordered && extra > 0 { return .different }
        return .partly(matched: pairs.count, of: expected.count + extra)
    }

    /// In order: every typed item matches the deck's item at its place, or the typed items are some of the
    /// deck's, in the deck's order. Anything out of order matches nothing.
    private static func orderedPairs(_ typed: [AnswerShape.Item], _ expected: [[AnswerShape.Item]]) -> [AnswerWords.Match] {
        var pairs: [AnswerWords.Match] = []
        var next = 0
        for item in typed {
            guard let index = (next..<expected.count).first(where: { match(item, expected[$0]) != .different }) else { return [] }
            pairs.append(match(item, expected[index]))
            next = index + 1
        }
        return pairs
    }

    /// Any order: exact pairs first, then the near ones.
    private static func unorderedPairs(_ typed: [AnswerShape.Item], _ expected: [[AnswerShape.Item]]) -> [AnswerWords.Match] {
        var pairs: [AnswerWords.Match] = []
        var freeTyped = Array(typed.indices)
        var freeExpected = Set(expected.indices)
        for wanted in [AnswerWords.Match.same, .typo, .extraOptions] {
            freeTyped.removeAll { typedIndex in
                guard let index = freeExpected.sorted().first(where: { match(typed[typedIndex], expected[$0]) == wanted })
                else { return false }
                freeExpected.remove(index)
                pairs.append(wanted)
                return true
            }
        }
        return pairs
    }

    /// "S3 DynamoDB" typed without separators still names both items of "S3 and DynamoDB".
    private static func segments(_ words: ArraySlice<String>, into expected: [[AnswerShape.Item]], remaining: [Int],
                                 ordered: Bool) -> Bool {
        if words.isEmpty { return remaining.isEmpty }
        guard remaining.count <= 8 else { return false }
        for (position, index) in remaining.enumerated() where !ordered || position == 0 {
            for reading in expected[index] {
                let itemWords = reading.words.meaningful
                guard !itemWords.isEmpty, itemWords.count <= words.count,
                      Vocabulary.shared.sameWords(Array(words.prefix(itemWords.count)), itemWords) else { continue }
                var rest = remaining
                rest.remove(at: position)
                if segments(words.dropFirst(itemWords.count), into: expected, remaining: rest, ordered: ordered) { return true }
            }
        }
        return false
    }

    /// The best of the deck item's readings.
    private static func match(_ typed: AnswerShape.Item, _ readings: [AnswerShape.Item]) -> AnswerWords.Match {
        readings.map { match(typed, $0) }.min() ?? .different
    }

    private static func match(_ typed: AnswerShape.Item, _ expected: AnswerShape.Item) -> AnswerWords.Match {
        switch (typed, expected) {
        case (.command(let given, let words), .command(let wanted, _)),
             (.command(let given, let words), .term(_, let wanted?)):
            let wordsMatch = AnswerWords.compare(words, expected.words)
            if wordsMatch == .same { return .same }
            guard given.program == wanted.program, given.arguments == wanted.arguments,
                  wanted.flags.isSubset(of: given.flags) else { return .different }
            return given.flags == wanted.flags ? .same : .extraOptions
        case (.term(let words, _), .command):
            // A command line typed without the options it needs is not the answer.
            return AnswerWords.compare(words, expected.words) == .same ? .same : .different
        default:
            return AnswerWords.compare(typed.words, expected.words)
        }
    }
}
