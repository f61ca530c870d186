import GRDB
import NetcardsCore

/// A card as the store holds it: its content and both schedulers' memory of it.
public struct CardRecord: Hashable, Sendable {
    public var id: String
    public var deck: String
    public var module: String
    public var noteKey: String
    public var table: String?
    public var template: String?
    public var front: String
    public var back: String
    /// The deck's accepted answers, the first one canonical.
    public var answers: [String]
    /// Answers the learner accepted with `:accept`, oldest first.
    public var learnerAnswers: [String]
    public var mode: AnswerMode
    public var tags: [String]
    public var memory: CardMemory
    public var suspended: Bool
    public var retired: Bool
    /// The scheduler that was active when the card was read: it sets `due` and `progress`.
    public var scheduler: SchedulerKind

    /// What a typed answer is checked against: the deck's answers, then the learner's own.
    public var acceptedAnswers: [String] { answers + learnerAnswers }
    public var due: StudyDay? { memory.due(under: scheduler) }
    public var interval: Int { memory.interval(under: scheduler) }
    public var progress: CardProgress { CardProgress(memory, suspended: suspended, scheduler: scheduler) }
    public var lastReviewDay: StudyDay? { memory.lastReviewDay }
}

/// Lists (answers, tags) are stored joined by the ASCII unit separator, which no typed text contains.
enum StoredList {
    static let separator = "\u{1F}"
    static func encode(_ values: [String]) -> String { values.joined(separator: separator) }
    static func decode(_ text: String) -> [String] {
        text.isEmpty ? [] : text.components(separatedBy: separator)
    }
}

// MARK: - Database

extension CardRecord {
    static let selectSQL = """
        SELECT card.*, deck.name AS deck_name, module.name AS module_name,
            (SELECT group_concat(answer, char(31)) FROM (SELECT answer FROM learner_answer
                WHERE learner_answer.card_id = card.id ORDER BY added_at, answer)) AS learner_answers
        FROM card JOIN deck ON deck.id = card.deck_id JOIN module ON module.id = deck.module_id
        """

    init(row: Row, scheduler: SchedulerKind) {
        self.init(
            id: row["id"], deck: row["deck_name"], module: row["module_name"], noteKey: row["note_key"],
            table: row["table_name"], template: row["template"], front: row["front"], back: row["back"],
            answers: StoredList.decode(row["answers"]),
            learnerAnswers: StoredList.decode((row["learner_answers"] as String?) ?? ""), mode: AnswerMode(rawValue: row["mode"]) ?? .typed,
            tags: StoredList.decode(row["tags"]), memory: MemoryColumns.memory(row),
            suspended: row["suspended"], retired: row["retired"], scheduler: scheduler)
    }
}

extension NetcardsStore {
    /// Cards in deck order; retired cards are left out unless asked for.
    public func cards(decks: [String] = [], includeRetired: Bool = false) throws(StoreError) -> [CardRecord] {
        try read { db in
            var conditions = includeRetired ? [] : ["card.retired = 0"]
            if !decks.isEmpty {
                conditions.append("deck.name IN (\(databaseQuestionMarks(count: decks.count)))")
            }
            let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            let active = try SchedulerSetting.schedulers(db).active
            return try Row.fetchAll(db, sql: CardRecord.selectSQL + whereClause + " ORDER BY card.position",
                                    arguments: StatementArguments(decks)).map { CardRecord(row: $0, scheduler: active) }
        }
    }

    /// Calls `body` with each card in deck order without holding them all in memory.
    public func forEachCard(decks: [String] = [], _ body: (CardRecord) throws -> Void) throws(StoreError) {
        try read { db in
            var sql = CardRecord.selectSQL + " WHERE card.retired = 0"
            if !decks.isEmpty { sql += " AND deck.name IN (\(databaseQuestionMarks(count: decks.count)))" }
            let active = try SchedulerSetting.schedulers(db).active
            let rows = try Row.fetchCursor(db, sql: sql + " ORDER BY card.position", arguments: StatementArguments(decks))
            while let row = try rows.next() { try body(CardRecord(row: row, scheduler: active)) }
        }
    }

    public func card(id: String) throws(StoreError) -> CardRecord? {
        try read { db in
            let active = try SchedulerSetting.schedulers(db).active
            return try Row.fetchOne(db, sql: CardRecord.selectSQL + " WHERE card.id = ?", arguments: [id]).map { CardRecord(row: $0, scheduler: active) }
        }
    }
}
