/// Today's review queue. Which cards: today's repeats, every due card and new cards in deck order up to the
/// day's room, leaving out siblings of cards already chosen or studied today (one per day, see
/// `SiblingMarks`). In what order: each kind spread over the day (new cards among the due ones, not after
/// them), each table or deck spread within its kind, then no two cards of one group side by side whenever
/// another card can go between. The same inputs always give the same order.
public enum ReviewQueue {
    public struct Candidate: Sendable {
        public var id: String
        public var noteKey: String
        public var due: StudyDay?
        public var lastReviewDay: StudyDay?
        /// The cards of one table of one deck, or a deck's other cards: kept apart in the day's order.
        public var group: String
        public var question: String
        public var answer: String

        public init(id: String, noteKey: String, due: StudyDay? = nil, lastReviewDay: StudyDay? = nil,
                    group: String = "", question: String = "", answer: String = "") {
            self.id = id
            self.noteKey = noteKey
            self.due = due
            self.lastReviewDay = lastReviewDay
            self.group = group
            self.question = question
            self.answer = answer
        }

        /// Worked out only for the cards the day's choice looks at: the new cards past the day's room never need it.
        var siblingMarks: SiblingMarks { SiblingMarks(note: noteKey, question: question, answer: answer) }
    }

    public struct Inputs: Sendable {
        /// Cards due today or earlier, ordered by due day then deck order.
        public var due: [Candidate]
        /// New cards in deck order (more than `newRoom`, so siblings can be passed over).
        public var new: [Candidate]
        /// How many new cards may still be started today.
        public var newRoom: Int
        /// Cards answered earlier today: their siblings wait for another day.
        public var studiedToday: [Candidate]

        public init(due: [Candidate], new: [Candidate], newRoom: Int, studiedToday: [Candidate]) {
            self.due = due
            self.new = new
            self.newRoom = newRoom
            self.studiedToday = studiedToday
        }
    }

    /// Card ids in the order to show them.
    public static func build(_ inputs: Inputs, today: StudyDay) -> [String] {
        let repeats = inputs.due.filter { $0.lastReviewDay == today }
        let repeatIds = Set(repeats.map(\.id))
        var chosen = SiblingIndex()
        inputs.studiedToday.forEach { chosen.insert($0.siblingMarks) }
        repeats.forEach { chosen.insert($0.siblingMarks) }

        func choose(_ candidates: [Candidate], limit: Int) -> [Candidate] {
            var picked: [Candidate] = []
            for card in candidates where !repeatIds.contains(card.id) {
                guard picked.count < limit else { break }
                let marks = card.siblingMarks
                guard !chosen.hasSibling(of: marks) else { continue }
                chosen.insert(marks)
                picked.append(card)
            }
            return picked
        }
        let due = choose(inputs.due, limit: .max)
        let fresh = choose(inputs.new, limit: max(0, inputs.newRoom))

        let spread = interleave([due, repeats, fresh].map(spreadByGroup))
        return separateNeighbours(spread).map(\.id)
    }

    /// Each group's cards evenly over the list, keeping their order within the group.
    private static func spreadByGroup(_ cards: [Candidate]) -> [Candidate] {
        var counts: [String: Int] = [:]
        cards.forEach { counts[$0.group, default: 0] += 1 }
        var seen: [String: Int] = [:]
        let keyed = cards.enumerated().map { index, card -> (key: Double, index: Int, card: Candidate) in
            let rank = seen[card.group, default: 0]
            seen[card.group] = rank + 1
            return ((Double(rank) + 0.5) / Double(counts[card.group]!), index, card)
        }
        return keyed.sorted { ($0.key, $0.index) < ($1.key, $1.index) }.map(\.card)
    }

    /// The lists merged so that each is spread evenly over the result, in its own order.
    private static func interleave(_ lists: [[Candidate]]) -> [Candidate] {
        var keyed: [(key: Double, list: Int, index: Int, card: Candidate)] = []
        for (list, cards) in lists.enumerated() {
            for (index, card) in cards.enumerated() {
                keyed.append(((Double(index) + 0.5) / Double(cards.count), list, index, card))
            }
        }
        return keyed.sorted { ($0.key, $0.list, $0.index) < ($1.key, $1.list, $1.index) }.map(\.card)
    }

    /// Takes the cards in order, but never one of the previous card's group while another card can go
    /// there: such a card waits (in order) for the next place it fits. At most `maxWaiting` wait, so one
    /// huge group costs no more than a short scan per card.
    private static func separateNeighbours(_ cards: [Candidate]) -> [Candidate] {
        let maxWaiting = 64
        var waiting: [Candidate] = []
        var next = 0
        var result: [Candidate] = []
        result.reserveCapacity(cards.count)
        while result.count < cards.count {
            let previous = result.last?.group
            if let index = waiting.firstIndex(where: { $0.group != previous }) {
                result.append(waiting.remove(at: index))
            } else if next < cards.count, waiting.count < maxWaiting {
                let card = cards[next]
                next += 1
                if card.group != previous { result.append(card) } else { waiting.append(card) }
            } else if !waiting.isEmpty {
                result.append(waiting.removeFirst())
            } else {
                result.append(cards[next])
                next += 1
            }
        }
        return result
    }
}
