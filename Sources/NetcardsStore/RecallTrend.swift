import GRDB
import NetcardsCore

/// Per module, FSRS's estimated recall on each of the last `days` days (oldest first): each card's memory on a
/// day is the one before its first answer after that day (from the log), or its memory now.
enum RecallTrend {
    static func byModule(today: StudyDay, days: Int, deckScope: String?, _ db: Database) throws -> [Int64: [EstimatedRecall]] {
        let window = (0..<days).map { today.adding(days: $0 - days + 1) }
        let fsrs = try SchedulerSetting.schedulers(db).fsrs
        let modules = try DeckModules.read(db)
        var result: [Int64: [EstimatedRecall]] = [:]
        func add(_ trend: [EstimatedRecall], deck: Int64) {
            guard let module = modules[deck] else { return }
            guard let total = result[module] else { result[module] = trend; return }
            result[module] = zip(total, trend).map { var sum = $0; sum += $1; return sum }
        }
        let answered = try answeredInWindow(window, fsrs: fsrs, deckScope: deckScope, db)
        for (deck, trend) in answered.trends { add(trend, deck: deck) }
        // Every other card kept the memory it has now through the window: read from the covering index, in deck order.
        let cards = try Row.fetchCursor(db, sql: """
            SELECT rowid, deck_id, fsrs_stability, last_review_day FROM card INDEXED BY card_memory
            WHERE retired = 0 AND suspended = 0 AND NOT \(MemoryColumns.isNew("card"))\(deckScope.map { " AND deck_id IN (\($0))" } ?? "")
            """)
        var deck: Int64?
        var trend = Array(repeating: EstimatedRecall(), count: days)
        while let row = try cards.next() {
            guard !answered.cards.contains(row[0]) else { continue }
            let cardDeck: Int64 = row[1]
            if cardDeck != deck {
                if let deck { add(trend, deck: deck) }
                deck = cardDeck
                trend = Array(repeating: EstimatedRecall(), count: days)
            }
            let stability: Double? = row[2]
            let lastReview = (row[3] as Int?).map(StudyDay.init(number:))
            for index in window.indices {
                trend[index].countIntroduced(stability: stability, lastReview: lastReview, on: window[index], fsrs: fsrs)
            }
        }
        if let deck { add(trend, deck: deck) }
        return result
    }

    /// The cards answered in the window (their rowids), and their trend per deck, replayed from the log: until an
    /// answer the card was in the state the log keeps from before it. Suspended cards, and cards new with no
    /// answer ever taken back, count on no day.
    private static func answeredInWindow(_ window: [StudyDay], fsrs: FSRS, deckScope: String?, _ db: Database) throws
        -> (cards: Set<Int64>, trends: [Int64: [EstimatedRecall]]) {
        let inWindow = "kind = 'review' AND day > \(window[0].number)\(deckScope.map { " AND review_log.deck_id IN (\($0))" } ?? "")"
        var changes: [String: [(day: StudyDay, before: CardMemory)]] = [:]
        let logRows = try Row.fetchCursor(db, sql: """
            SELECT card_id, day, \(MemoryColumns.logNames.joined(separator: ", ")) FROM review_log
            WHERE \(inWindow) ORDER BY answered_at, id
            """)
        while let row = try logRows.next() {
            changes[row["card_id"], default: []].append((StudyDay(number: row["day"]), MemoryColumns.memory(row, suffix: "_before")))
        }
        var cards: Set<Int64> = []
        var trends: [Int64: [EstimatedRecall]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT rowid AS card_rowid, id, deck_id, \(MemoryColumns.names.joined(separator: ", ")) FROM card
            WHERE id IN (SELECT card_id FROM review_log WHERE \(inWindow))
              AND retired = 0 AND suspended = 0 AND NOT (\(MemoryColumns.isNew("card")) AND first_review_day IS NULL)\(deckScope.map { " AND deck_id IN (\($0))" } ?? "")
            """)
        while let row = try rows.next() {
            cards.insert(row["card_rowid"])
            let current = MemoryColumns.memory(row)
            let steps = changes[row["id"]] ?? []
            var trend = trends[row["deck_id"]] ?? Array(repeating: EstimatedRecall(), count: window.count)
            var next = 0
            for (index, day) in window.enumerated() {
                while next < steps.count && steps[next].day <= day { next += 1 }
                trend[index].count(next < steps.count ? steps[next].before : current, suspended: false, on: day, fsrs: fsrs)
            }
            trends[row["deck_id"]] = trend
        }
        return (cards, trends)
    }
}
