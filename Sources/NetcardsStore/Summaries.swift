import GRDB
import NetcardsCore

public struct DeckSummary: Hashable, Sendable {
    public var deck: String
    public var module: String
    public var title: String?
    public var source: String
    public var cards: Int
    public var dueToday: Int
    public var new: Int
    public var suspended: Int
}

public struct ModuleMastery: Hashable, Sendable {
    public var module: String
    public var mastered: Int
    public var total: Int
}

extension NetcardsStore {
    public func deckSummaries(today: StudyDay) throws(StoreError) -> [DeckSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT deck.name, module.name AS module, deck.title, deck.source,
                       count(card.id) AS cards,
                       coalesce(sum(card.due <= ? AND card.suspended = 0), 0) AS due,
                       coalesce(sum(card.due IS NULL AND card.suspended = 0), 0) AS new,
                       coalesce(sum(card.suspended), 0) AS suspended
                FROM deck JOIN module ON module.id = deck.module_id
                LEFT JOIN card ON card.deck_id = deck.id AND card.retired = 0
                GROUP BY deck.id ORDER BY deck.position
                """, arguments: [today.number]).map { row in
                DeckSummary(deck: row["name"], module: row["module"], title: row["title"], source: row["source"],
                            cards: row["cards"], dueToday: row["due"], new: row["new"], suspended: row["suspended"])
            }
        }
    }

    /// Every deck's name in deck order: the small deck table alone, whatever the number of cards.
    public func deckNames() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT name FROM deck ORDER BY position") }
    }

    public func moduleMastery() throws(StoreError) -> [ModuleMastery] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT module.name, coalesce(mastery.mastered, 0) AS mastered, coalesce(mastery.total, 0) AS total
                FROM module LEFT JOIN mastery ON mastery.module_id = module.id ORDER BY module.position
                """).map { ModuleMastery(module: $0["name"], mastered: $0["mastered"], total: $0["total"]) }
        }
    }

    /// Cards for review (not suspended, not retired, not new, not labs) due on or before `day`.
    public func dueCount(onOrBefore day: StudyDay) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM card INDEXED BY card_due WHERE retired = 0 AND suspended = 0 AND due IS NOT NULL AND due <= ?\(Self.notALab)",
                             arguments: [day.number]) ?? 0
        }
    }

    /// Days in a row with at least one answer, ending today (or yesterday, when today has none yet).
    public func currentStreak(today: StudyDay) throws(StoreError) -> Int {
        try read { db in
            try Self.streaks(today: today, db).current
        }
    }
}
