import GRDB
import NetcardsCore

extension NetcardsStore {
    /// The cards a quiz can ask: rows of the table `name` or, when no table has that name, every table row
    /// of the deck `name`; never suspended or retired ones. Read through indexes, not the whole store.
    public func quizCards(named name: String) throws(StoreError) -> [CardRecord] {
        try read { db in
            let scheduler = try SchedulerSetting.schedulers(db).active
            let active = " WHERE card.retired = 0 AND card.suspended = 0 AND card.table_name IS NOT NULL"
            var rows = try Row.fetchAll(db, sql: CardRecord.selectSQL + active + " AND card.table_name = ? ORDER BY card.position",
                                        arguments: [name])
            if rows.isEmpty {
                rows = try Row.fetchAll(db, sql: CardRecord.selectSQL + active + " AND deck.name = ? ORDER BY card.position",
                                        arguments: [name])
            }
            return rows.map { CardRecord(row: $0, scheduler: scheduler) }
        }
    }

    /// The names a quiz accepts: tables, and decks that have tables (for the message when a name matches neither).
    public func quizNames() throws(StoreError) -> (tables: [String], decks: [String]) {
        try read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT DISTINCT table_name FROM card INDEXED BY card_by_table
                WHERE table_name IS NOT NULL AND retired = 0 AND suspended = 0 ORDER BY table_name
                """)
            let decks = try String.fetchAll(db, sql: """
                SELECT DISTINCT deck.name FROM card INDEXED BY card_by_table JOIN deck ON deck.id = card.deck_id
                WHERE table_name IS NOT NULL AND retired = 0 AND suspended = 0 ORDER BY deck.name
                """)
            return (tables, decks)
        }
    }
}
