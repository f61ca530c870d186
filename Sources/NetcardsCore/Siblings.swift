/// Cards that give each other away are siblings, shown at most one a day: the cards of one table row or note,
/// cards with the same answer, and cards whose numbers overlap (`2379-2380` in one card, `2379` in another's
/// answer). A question's numbers count against another card's answer: "What listens on 2379-2380?" gives
/// away "Which port do etcd clients use? 2379".
public struct SiblingMarks: Sendable {
    var note: String
    var answer: String
    var answerNumbers: [ClosedRange<Int>]
    var questionNumbers: [ClosedRange<Int>]

    /// `answer` is the card's canonical answer (its alternatives are spellings of it, not other answers).
    public init(note: String, question: String, answer: String) {
        self.note = note
        self.answer = AnswerChecker.normalize(answer)
        answerNumbers = NumberMentions.in(answer)
        questionNumbers = NumberMentions.in(question)
    }
}

/// The marks of the cards chosen for a day, indexed so that checking a card against thousands stays cheap.
public struct SiblingIndex: Sendable {
    private var notes: Set<String> = []
    private var answers: Set<String> = []
    private var answerNumbers = NumberSet()
    private var questionNumbers = NumberSet()

    public init() {}

    public func hasSibling(of marks: SiblingMarks) -> Bool {
        notes.contains(marks.note)
            || (!marks.answer.isEmpty && answers.contains(marks.answer))
            || marks.answerNumbers.contains { answerNumbers.overlaps($0) || questionNumbers.overlaps($0) }
            || marks.questionNumbers.contains { answerNumbers.overlaps($0) }
    }

    public mutating func insert(_ marks: SiblingMarks) {
        notes.insert(marks.note)
        if !marks.answer.isEmpty { answers.insert(marks.answer) }
        marks.answerNumbers.forEach { answerNumbers.insert($0) }
        marks.questionNumbers.forEach { questionNumbers.insert($0) }
    }
}

/// Single numbers in a set, ranges (rare: port ranges) in a list.
private struct NumberSet: Sendable {
    var singles: Set<Int> = []
    var ranges: [ClosedRange<Int>] = []

    mutating func insert(_ range: ClosedRange<Int>) {
        if range.count == 1 { singles.insert(range.lowerBound) } else { ranges.append(range) }
    }

    func overlaps(_ range: ClosedRange<Int>) -> Bool {
        if ranges.contains(where: { $0.overlaps(range) }) { return true }
        if range.count == 1 { return singles.contains(range.lowerBound) }
        return range.count <= singles.count ? range.contains(where: singles.contains) : singles.contains(where: range.contains)
    }
}

/// Numbers of two or more digits standing on their own, and ranges of them (`2379-2380`, `1024–65535`).
/// Single digits are left out: "3-way handshake", "layer 4" or "decremented by 1" give no port away, and
/// counting them would make half a deck siblings. Digits inside an address or a word (`10.0.0.0/16`, `L4`,
/// `ip6`) are not a number on their own.
/// A wide range (the ephemeral ports 1024-65535) names no one port, so it gives none away.
enum NumberMentions {
    static let maxRangeWidth = 100

    static func `in`(_ text: String) -> [ClosedRange<Int>] {
        let characters = Array(text)
        var result: [ClosedRange<Int>] = []
        var index = 0
        func isJoined(_ position: Int) -> Bool {
            guard characters.indices.contains(position) else { return false }
            let character = characters[position]
            return character.isLetter || ".:/_".contains(character)
        }
        func number(at start: Int) -> (value: Int, end: Int)? {
            var end = start
            while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
            guard end > start, end - start <= 9, let value = Int(String(characters[start..<end])) else { return nil }
            return (value, end)
        }
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber,
                  index == 0 || !(characters[index - 1].isASCII && characters[index - 1].isNumber) else {
                index += 1
                continue
            }
            guard let first = number(at: index) else { index += 1; continue }
            var range = first.value...first.value
            var end = first.end
            if end + 1 < characters.count, "-–".contains(characters[end]), let second = number(at: end + 1), second.value > first.value {
                range = first.value...second.value
                end = second.end
            }
            let standsAlone = !isJoined(index - 1) && !isJoined(end) && !(end < characters.count && characters[end].isNumber)
            let isPortLike = range.count > 1 ? range.count <= maxRangeWidth : first.end - index >= 2
            if standsAlone && isPortLike { result.append(range) }
            index = end
        }
        return result
    }
}
