import GRDB
import NetcardsCore

/// Per module, FSRS's estimated recall on each of the last `days` days (oldest first): each card's memory on a
/// day is the one before its first answer after that day (from the log), or its memory now.
enum RecallTrend {
    static func byModule(today: StudyDay, days: Int, deckScope: String?, _ db: Database) throws -> [Int64: [EstimatedRecall]] {
        let fsrs = try SchedulerSetting.schedulers(db).fsrs
        let window = (0..<days).map { today.adding(days: $0 - days + 1) }
        // The state before each answer in the window: until that answer, the card was in it.
        var changes: [String: [(day: StudyDay, before: CardMemory)]] = [:]
        let logRows = try Row.fetchCursor(db, sql: """
            SELECT card_id, day, \(MemoryColumns.logNames.joined(separator: ", ")) FROM review_log
            WHERE kind = 'review' AND day > ?\(deckScope.map { " AND review_log.deck_id IN (\($0))" } ?? "") ORDER BY answered_at, id
            """, arguments: [window[0].number])
        while let row = try logRows.next() {
            changes[row["card_id"], default: []].append((StudyDay(number: row["day"]), MemoryColumns.memory(row, suffix: "_before")))
        }
        var result: [Int64: [EstimatedRecall]] = [:]
        // Suspended cards, and cards new with no answer ever taken back, count on no day.
        let cards = try Row.fetchCursor(db, sql: """
            SELECT card.id, deck.module_id, \(MemoryColumns.names.map { "card." + $0 }.joined(separator: ", "))
            FROM card JOIN deck ON deck.id = card.deck_id
            WHERE card.retired = 0 AND card.suspended = 0 AND NOT (\(MemoryColumns.isNew("card")) AND card.first_review_day IS NULL)
            \(deckScope.map { " AND card.deck_id IN (\($0))" } ?? "")
            """)
        while let row = try cards.next() {
            let current = MemoryColumns.memory(row)
            let steps = changes[row["id"]] ?? []
            var trend = result[row["module_id"]] ?? Array(repeating: EstimatedRecall(), count: days)
            var next = 0
            for (index, day) in window.enumerated() {
                while next < steps.count && steps[next].day <= day { next += 1 }
                trend[index].count(next < steps.count ? steps[next].before : current, suspended: false, on: day, fsrs: fsrs)
            }
            result[row["module_id"]] = trend
        }
        return result
    }
}
