import GRDB
import NetcardsCore

/// Cards per module and `CardProgress`, counted by SQLite and classified by Core. SQLite groups cards by the
/// signs that lead the covering index `card_memory` (deck, suspended, repetitions, repeat today), so it reads the
/// index in order and never sorts; within a group it counts the two signs that vary from card to card: new, and
/// an interval at the mature threshold or over (`FILTER` stops at the first false sign, cheaper than `sum`).
/// `CardProgress`, the one definition, classifies each group and combination. (`+retired`: given `retired = 0`
/// as a term an index could use, SQLite 3.40 sorts the groups in a temporary B-tree, though the index has them in order.)
enum ProgressCounts {
    struct Module {
        var progress: [CardProgress: Int] = [:]
        /// FSRS's estimated recall on the day asked for (none: empty), summed in the same scan (as `ModuleRecall` does alone).
        var recall = EstimatedRecall()
    }

    static func byModule(deckScope: String?, scheduler: SchedulerKind, recallOn day: StudyDay?, _ db: Database) throws -> [Int64: Module] {
        if day != nil { try ModuleRecall.addRecallFunction(db) }
        let modules = try DeckModules.read(db)
        let isNew = MemoryColumns.isNew("card")
        let mature = "(\(MemoryColumns.interval("card", under: scheduler)) >= \(CardProgress.matureInterval))"
        let recall = day == nil ? "" : """
            , count(fsrs_stability) FILTER (WHERE NOT \(isNew)),
              total(netcards_recall(fsrs_stability, last_review_day, ?)) FILTER (WHERE NOT \(isNew))
            """
        var result: [Int64: Module] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT deck_id, suspended, reps, repeat_today, count(*),
                   count() FILTER (WHERE \(mature) AND \(isNew)), count() FILTER (WHERE \(isNew) AND NOT \(mature)),
                   count() FILTER (WHERE \(mature) AND NOT \(isNew))\(recall)
            FROM card INDEXED BY card_memory WHERE +retired = 0\(deckScope.map { " AND deck_id IN (\($0))" } ?? "")
            GROUP BY deck_id, retired, suspended, reps, repeat_today
            """, arguments: StatementArguments(day.map { [$0.number] } ?? []))
        while let row = try rows.next() {
            guard let module = modules[row[0]] else { continue }
            let newMature: Int = row[5], newYounger: Int = row[6], oldMature: Int = row[7]
            let oldYounger = (row[4] as Int) - newMature - newYounger - oldMature
            for (isNew, isMature, cards) in [(true, true, newMature), (true, false, newYounger), (false, true, oldMature), (false, false, oldYounger)] where cards > 0 {
                let signs = CardProgress.Signs(suspended: row[1], isNew: isNew, repetitions: row[2], repeatToday: row[3],
                                               interval: isMature ? CardProgress.matureInterval : 0)
                result[module, default: Module()].progress[CardProgress(signs, scheduler: scheduler), default: 0] += cards
            }
            // Recall counts the introduced cards that are not suspended.
            if day != nil, !(row[1] as Bool) {
                result[module, default: Module()].recall += EstimatedRecall(introduced: oldMature + oldYounger, estimated: row[8], recallSum: row[9])
            }
        }
        return result
    }
}

/// Each deck's module: grouping cards by deck (the order of the covering index), then by module here, spares
/// SQLite a join per card.
enum DeckModules {
    static func read(_ db: Database) throws -> [Int64: Int64] {
        var modules: [Int64: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, module_id FROM deck") { modules[row[0]] = row[1] }
        return modules
    }
}
