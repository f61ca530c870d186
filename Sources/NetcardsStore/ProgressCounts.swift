import GRDB
import NetcardsCore

/// Cards per module and `CardProgress`, counted by SQLite: grouped by the signs Core's definition reads (the
/// interval capped at the mature threshold, all the definition tells apart), each group classified by Core.
enum ProgressCounts {
    static func byModule(deckScope: String?, scheduler: SchedulerKind, _ db: Database) throws -> [Int64: [CardProgress: Int]] {
        let modules = try DeckModules.read(db)
        var result: [Int64: [CardProgress: Int]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT deck_id, suspended, \(MemoryColumns.isNew("card")), min(reps, 1), repeat_today,
                   min(\(MemoryColumns.interval("card", under: scheduler)), \(CardProgress.matureInterval)), count(*)
            FROM card INDEXED BY card_memory WHERE retired = 0\(deckScope.map { " AND deck_id IN (\($0))" } ?? "")
            GROUP BY 1, 2, 3, 4, 5, 6
            """) {
            guard let module = modules[row[0]] else { continue }
            let signs = CardProgress.Signs(suspended: row[1], isNew: row[2], repetitions: row[3], repeatToday: row[4], interval: row[5])
            result[module, default: [:]][CardProgress(signs, scheduler: scheduler), default: 0] += row[6] as Int
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
