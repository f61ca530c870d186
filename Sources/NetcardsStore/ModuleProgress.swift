import GRDB
import NetcardsCore

/// Per module: how many cards stand where (`CardProgress`) and FSRS's estimated recall of the introduced cards,
/// today and on each of the days before it, rebuilt from the cards' memory and the log's state before each answer.
struct ModuleProgress {
    struct Counts {
        var byProgress: [CardProgress: Int] = [:]
        /// Per day of the window, oldest first: introduced cards, and the sum and count of their recall.
        var introduced: [Int]
        var recallSum: [Double]
        var recallCounted: [Int]

        init(days: Int) {
            introduced = Array(repeating: 0, count: days)
            recallSum = Array(repeating: 0, count: days)
            recallCounted = Array(repeating: 0, count: days)
        }
    }

    /// Counts cards of the decks in `scope` (nil: all), module by module (keyed by deck's module id).
    static func count(today: StudyDay, days: Int, deckScope: String?, _ db: Database) throws -> [Int64: Counts] {
        let schedulers = try SchedulerSetting.schedulers(db)
        let window = (0..<days).map { today.adding(days: $0 - days + 1) }
        let scope = deckScope.map { " AND review_log.deck_id IN (\($0))" } ?? ""
        // The state before each answer in the window: until that answer, the card was in it.
        var changes: [String: [(day: StudyDay, before: CardMemory)]] = [:]
        let logRows = try Row.fetchCursor(db, sql: """
            SELECT card_id, day, \(MemoryColumns.logNames.joined(separator: ", ")) FROM review_log
            WHERE kind = 'review' AND day > ?\(scope) ORDER BY answered_at, id
            """, arguments: [window[0].number])
        while let row = try logRows.next() {
            changes[row["card_id"], default: []].append((StudyDay(number: row["day"]), MemoryColumns.memory(row, suffix: "_before")))
        }
        var result: [Int64: Counts] = [:]
        let cards = try Row.fetchCursor(db, sql: """
            SELECT card.id, deck.module_id, card.suspended, \(MemoryColumns.names.map { "card." + $0 }.joined(separator: ", "))
            FROM card JOIN deck ON deck.id = card.deck_id WHERE card.retired = 0\(deckScope.map { " AND card.deck_id IN (\($0))" } ?? "")
            """)
        while let row = try cards.next() {
            let module: Int64 = row["module_id"]
            let suspended: Bool = row["suspended"]
            let current = MemoryColumns.memory(row)
            var counts = result[module] ?? Counts(days: days)
            counts.byProgress[CardProgress(current, suspended: suspended, scheduler: schedulers.active), default: 0] += 1
            if !suspended && !(current.isNew && current.firstReviewDay == nil) {
                let steps = changes[row["id"]] ?? []
                var next = 0
                for (index, day) in window.enumerated() {
                    while next < steps.count && steps[next].day <= day { next += 1 }
                    let memory = next < steps.count ? steps[next].before : current
                    guard !memory.isNew else { continue }
                    counts.introduced[index] += 1
                    if memory.fsrs.memory != nil {
                        counts.recallSum[index] += schedulers.recall(of: memory, on: day)
                        counts.recallCounted[index] += 1
                    }
                }
            }
            result[module] = counts
        }
        return result
    }
}
