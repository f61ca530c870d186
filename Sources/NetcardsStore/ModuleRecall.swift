import GRDB
import NetcardsCore

/// FSRS's estimated recall per module, from the cards' stored memory (no replay of the log): SQLite sums the
/// retrievability that Core computes, through a function registered on the connection.
enum ModuleRecall {
    /// Per module id, the recall of its cards (of the decks in `deckScope`, nil: all) on `day`.
    static func onDay(_ day: StudyDay, deckScope: String?, _ db: Database) throws -> [Int64: EstimatedRecall] {
        try addRecallFunction(db)
        let modules = try DeckModules.read(db)
        var result: [Int64: EstimatedRecall] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT deck_id, count(*), count(fsrs_stability), total(netcards_recall(fsrs_stability, last_review_day, ?))
            FROM card INDEXED BY card_memory
            WHERE retired = 0 AND suspended = 0 AND NOT \(MemoryColumns.isNew("card"))\(deckScope.map { " AND deck_id IN (\($0))" } ?? "")
            GROUP BY deck_id
            """, arguments: [day.number]) {
            guard let module = modules[row[0]] else { continue }
            result[module, default: EstimatedRecall()] += EstimatedRecall(introduced: row[1], estimated: row[2], recallSum: row[3])
        }
        return result
    }

    /// `netcards_recall(fsrs_stability, last_review_day, day)`: Core's retrievability, for SQLite to sum (NULL
    /// when FSRS has no memory of the card, so `total` leaves it out).
    static func addRecallFunction(_ db: Database) throws {
        let fsrs = try SchedulerSetting.schedulers(db).fsrs
        db.add(function: DatabaseFunction("netcards_recall", argumentCount: 3, pure: true) { values in
            guard let stability = Double.fromDatabaseValue(values[0]) else { return nil }
            guard let lastReview = Int.fromDatabaseValue(values[1]), let day = Int.fromDatabaseValue(values[2]) else { return 0.0 }
            return fsrs.retrievability(stability: stability, elapsedDays: StudyDay(number: day) - StudyDay(number: lastReview))
        })
    }
}

extension NetcardsStore {
    /// What a review run did to each module it answered cards of: estimated recall and introduced cards on `day`,
    /// before the run and now. `logIds`: the run's answers (the review log rows it wrote).
    public func recallChanges(ofAnswers logIds: [Int64], on day: StudyDay) throws(StoreError) -> [ModuleRecallChange] {
        guard !logIds.isEmpty else { return [] }
        return try read { db in
            let modules = try Row.fetchAll(db, sql: "SELECT id, name FROM module ORDER BY position")
            let recall = try ModuleRecall.onDay(day, deckScope: nil, db)
            var answered: [String: ModuleRecallChange.AnsweredCard] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT review_log.card_id, module.name AS module, card.suspended,
                       \(MemoryColumns.logNames.map { "review_log." + $0 }.joined(separator: ", ")),
                       \(MemoryColumns.names.map { "card." + $0 }.joined(separator: ", "))
                FROM review_log JOIN card ON card.id = review_log.card_id JOIN deck ON deck.id = card.deck_id
                JOIN module ON module.id = deck.module_id
                WHERE review_log.id IN (\(logIds.map(String.init).joined(separator: ",")))
                ORDER BY review_log.answered_at, review_log.id
                """)
            // The memory before the run is the one before its first answer of the card.
            while let row = try rows.next() {
                guard answered[row["card_id"]] == nil else { continue }
                answered[row["card_id"]] = .init(module: row["module"], before: MemoryColumns.memory(row, suffix: "_before"),
                                                 now: MemoryColumns.memory(row), suspended: row["suspended"])
            }
            let now = modules.map { (module: $0["name"] as String, recall: recall[$0["id"]] ?? EstimatedRecall()) }
            return ModuleRecallChange.of(Array(answered.values), now: now, on: day, fsrs: try SchedulerSetting.schedulers(db).fsrs)
        }
    }
}
