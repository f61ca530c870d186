/// Today's review queue: due cards (most overdue first), then today's repeats, then new cards in deck
/// order up to the day's limit. Siblings (cards of one table row or note) are kept apart when possible.
public enum ReviewQueue {
    public struct Candidate: Hashable, Sendable {
        public var id: String
        public var noteKey: String
        public var due: StudyDay?
        public var lastReviewDay: StudyDay?

        public init(id: String, noteKey: String, due: StudyDay? = nil, lastReviewDay: StudyDay? = nil) {
            self.id = id
            self.noteKey = noteKey
            self.due = due
            self.lastReviewDay = lastReviewDay
        }
    }

    public struct Inputs: Sendable {
        /// Cards due today or earlier, ordered by due day then deck order.
        public var due: [Candidate]
        /// New cards in deck order (more than `newRoom`, so siblings can be skipped).
        public var new: [Candidate]
        /// How many new cards may still be started today.
        public var newRoom: Int
        public var notesStudiedToday: Set<String>

        public init(due: [Candidate], new: [Candidate], newRoom: Int, notesStudiedToday: Set<String>) {
            self.due = due
            self.new = new
            self.newRoom = newRoom
            self.notesStudiedToday = notesStudiedToday
        }
    }

    /// Card ids in the order to show them.
    public static func build(_ inputs: Inputs, today: StudyDay) -> [String] {
        let repeats = inputs.due.filter { $0.lastReviewDay == today }
        let due = inputs.due.filter { $0.lastReviewDay != today }
        var notesShown = inputs.notesStudiedToday
        var order: [String] = []
        var deferredSiblings: [String] = []
        for card in due {
            if notesShown.insert(card.noteKey).inserted { order.append(card.id) } else { deferredSiblings.append(card.id) }
        }
        order += repeats.map(\.id)
        var fresh: [String] = []
        var skipped: [String] = []
        for card in inputs.new where fresh.count < inputs.newRoom {
            if notesShown.insert(card.noteKey).inserted { fresh.append(card.id) } else { skipped.append(card.id) }
        }
        fresh += skipped.prefix(max(0, inputs.newRoom - fresh.count))
        return order + fresh + deferredSiblings
    }
}
