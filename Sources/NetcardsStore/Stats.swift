import GRDB
import NetcardsCore

/// Every figure of `netcards stats`, computed in SQL over indexes (never by loading the review log).
public struct StatsReport: Sendable {
    public struct Module: Sendable {
        public var module: String
        public var new = 0, learning = 0, young = 0, mature = 0, suspended = 0
        public var reviewAnswers30Days = 0, reviewPassed30Days = 0
        /// FSRS's estimated recall today of the introduced cards.
        public var estimatedRecall = EstimatedRecall()
        /// The same for each of the last `recallDays` days, oldest first (empty unless asked for).
        public var recallTrend: [RecallPoint] = []
        public var cards: Int { new + learning + young + mature + suspended }
        /// Cards answered at least once and not suspended.
        public var introduced: Int { learning + young + mature }
        /// 0–1, averaged over the introduced cards FSRS knows; nil before any.
        public var recall: Double? { estimatedRecall.recall }
    }
    public struct RecallPoint: Sendable {
        public var day: StudyDay, recall: Double?, introduced: Int
    }
    public struct Today: Sendable {
        public var answered = 0, correct = 0, durationMs = 0, dueLeft = 0, newLeft = 0
    }
    public struct Leech: Sendable {
        public var id: String, front: String, lapses: Int, ease: Double
    }
    public struct TrendPoint: Sendable {
        public var day: StudyDay, mastered: Int, total: Int
    }

    public var today: StudyDay
    public var modules: [Module] = []
    /// Answers per studied day (review and quiz), for the calendar's 26 weeks.
    public var answersByDay: [StudyDay: Int] = [:]
    public var currentStreak = 0
    public var longestStreak = 0
    /// Cards due on each of the next 14 days, tomorrow first.
    public var forecast: [(day: StudyDay, due: Int)] = []
    public var todayFigures = Today()
    /// Mastery per module over the last 30 days (days without a row carry the previous value).
    public var trend: [String: [TrendPoint]] = [:]
    public var quizAnswers = 0
    public var quizCorrect = 0
    public var leeches: [Leech] = []
    /// Every lab, with its results (whatever the scope: labs are one deck).
    public var labs: [LabRecord] = []
}

public struct StatsScope: Sendable {
    public var decks: [String]
    public var modules: [String]
    public init(decks: [String] = [], modules: [String] = []) {
        self.decks = decks
        self.modules = modules
    }
}

extension NetcardsStore {
    public static let calendarDays = 26 * 7
    public static let recallDays = 30
    public static let leechesListed = 10

    /// `withRecallTrend`: also the 30 days of estimated recall per module (it reads every introduced card and the
    /// window's log; the 24-row `stats` leaves it out).
    public func stats(today: StudyDay, scope: StatsScope = StatsScope(), newLimit: Int, withRecallTrend: Bool = true) throws(StoreError) -> StatsReport {
        try read { db in
            var report = StatsReport(today: today)
            let deckIds = try Self.deckIds(scope, db)
            let cardScope = deckIds.map { " AND deck_id IN (\($0))" } ?? ""
            let logScope = deckIds.map { " AND review_log.deck_id IN (\($0))" } ?? ""

            var modules: [String: StatsReport.Module] = [:]
            var order: [String] = []
            let scheduler = try SchedulerSetting.schedulers(db).active
            let progress = try ProgressCounts.byModule(deckScope: deckIds, scheduler: scheduler, recallOn: today, db)
            let trend = withRecallTrend ? try RecallTrend.byModule(today: today, days: Self.recallDays, deckScope: deckIds, db) : [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM module ORDER BY position") {
                let id: Int64 = row["id"]
                guard let counts = progress[id]?.progress else { continue }
                var module = StatsReport.Module(module: row["name"])
                module.new = counts[.new] ?? 0
                module.learning = counts[.learning] ?? 0
                module.young = counts[.young] ?? 0
                module.mature = counts[.mature] ?? 0
                module.suspended = counts[.suspended] ?? 0
                module.estimatedRecall = progress[id]?.recall ?? EstimatedRecall()
                if withRecallTrend {
                    // The last day is today: the figure above.
                    var days = trend[id] ?? Array(repeating: EstimatedRecall(), count: Self.recallDays)
                    days[days.count - 1] = module.estimatedRecall
                    module.recallTrend = days.enumerated().map { index, recall in
                        StatsReport.RecallPoint(day: today.adding(days: index - Self.recallDays + 1), recall: recall.recall, introduced: recall.introduced)
                    }
                }
                modules[module.module] = module
                order.append(module.module)
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT module.name AS module, count(*) AS answers, sum(review_log.grade >= 3) AS passed
                FROM review_log JOIN deck ON deck.id = review_log.deck_id JOIN module ON module.id = deck.module_id
                WHERE review_log.kind = 'review' AND review_log.day > ?\(logScope)
                GROUP BY module.id
                """, arguments: [today.number - 30]) {
                let name: String = row["module"]
                modules[name]?.reviewAnswers30Days = row["answers"]
                modules[name]?.reviewPassed30Days = row["passed"]
            }
            report.modules = order.compactMap { modules[$0] }

            for row in try Row.fetchAll(db, sql: "SELECT day, answers FROM study_day WHERE day > ? AND day <= ?",
                                        arguments: [today.number - Self.calendarDays, today.number]) {
                report.answersByDay[StudyDay(number: row["day"])] = row["answers"]
            }
            (report.currentStreak, report.longestStreak) = try Self.streaks(today: today, db)

            var forecast: [Int: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT due, count(*) AS cards FROM card INDEXED BY card_due
                WHERE retired = 0 AND suspended = 0 AND due IS NOT NULL AND due BETWEEN ? AND ?\(cardScope)
                GROUP BY due
                """, arguments: [today.number + 1, today.number + 14]) {
                forecast[row["due"]] = row["cards"]
            }
            report.forecast = (1...14).map { (today.adding(days: $0), forecast[today.number + $0] ?? 0) }

            if let row = try Row.fetchOne(db, sql: """
                SELECT count(*) AS answered, coalesce(sum(grade >= 3), 0) AS correct, coalesce(sum(duration_ms), 0) AS ms
                FROM review_log WHERE kind = 'review' AND day = ?\(logScope)
                """, arguments: [today.number]) {
                report.todayFigures.answered = row["answered"]
                report.todayFigures.correct = row["correct"]
                report.todayFigures.durationMs = row["ms"]
            }
            report.todayFigures.dueLeft = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM card INDEXED BY card_due
                WHERE retired = 0 AND suspended = 0 AND due IS NOT NULL AND due <= ?\(cardScope)\(Self.notALab)
                """, arguments: [today.number]) ?? 0
            // The day's allowance of new cards, or fewer when fewer are left: counted only up to the allowance.
            let allowance = max(0, newLimit.addingSaturated(-(try Self.newCardsStarted(on: today, db))))
            report.todayFigures.newLeft = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT 1 FROM card INDEXED BY card_new
                WHERE retired = 0 AND suspended = 0 AND due IS NULL\(cardScope)\(Self.notALab) LIMIT ?)
                """, arguments: [allowance]) ?? 0

            report.trend = try Self.trend(today: today, modules: Set(order), db)

            if let row = try Row.fetchOne(db, sql: """
                SELECT count(*) AS answers, coalesce(sum(verdict = 'correct'), 0) AS correct
                FROM review_log WHERE kind = 'quiz'\(logScope)
                """) {
                report.quizAnswers = row["answers"]
                report.quizCorrect = row["correct"]
            }
            report.leeches = try Row.fetchAll(db, sql: """
                SELECT id, front, lapses, ease FROM card INDEXED BY card_leech
                WHERE retired = 0 AND lapses > 0\(cardScope) ORDER BY lapses DESC, ease LIMIT \(Self.leechesListed)
                """).map { StatsReport.Leech(id: $0["id"], front: $0["front"], lapses: $0["lapses"], ease: $0["ease"]) }
            report.labs = try Self.labRecords(db)
            return report
        }
    }

    private static func deckIds(_ scope: StatsScope, _ db: Database) throws -> String? {
        guard !scope.decks.isEmpty || !scope.modules.isEmpty else { return nil }
        var conditions: [String] = []
        if !scope.decks.isEmpty { conditions.append("deck.name IN (\(databaseQuestionMarks(count: scope.decks.count)))") }
        if !scope.modules.isEmpty { conditions.append("module.name IN (\(databaseQuestionMarks(count: scope.modules.count)))") }
        let ids = try Int64.fetchAll(db, sql: "SELECT deck.id FROM deck JOIN module ON module.id = deck.module_id WHERE " + conditions.joined(separator: " AND "),
                                     arguments: StatementArguments(scope.decks + scope.modules))
        return ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ",")
    }

    /// (current, longest) runs of consecutive studied days; the current one may end yesterday.
    static func streaks(today: StudyDay, _ db: Database) throws -> (current: Int, longest: Int) {
        streaks(try Int.fetchAll(db, sql: "SELECT day FROM study_day WHERE day <= ? ORDER BY day", arguments: [today.number]), today: today)
    }

    static func streaks(_ days: [Int], today: StudyDay) -> (current: Int, longest: Int) {
        var longest = 0
        var run = 0
        var previous: Int?
        for day in days {
            run = previous == day - 1 ? run + 1 : 1
            longest = max(longest, run)
            previous = day
        }
        guard let last = previous, last >= today.number - 1 else { return (0, longest) }
        return (run, longest)
    }

    private static func trend(today: StudyDay, modules: Set<String>, _ db: Database) throws -> [String: [StatsReport.TrendPoint]] {
        let start = today.number - 29
        var byModule: [String: [Int: (Int, Int)]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT module.name AS module, day, mastered, total FROM mastery_history JOIN module ON module.id = mastery_history.module_id
            WHERE day <= ? AND day >= coalesce((SELECT max(day) FROM mastery_history h WHERE h.module_id = mastery_history.module_id AND h.day <= ?), ?)
            """, arguments: [today.number, start, start]) {
            let name: String = row["module"]
            guard modules.contains(name) else { continue }
            byModule[name, default: [:]][row["day"]] = (row["mastered"], row["total"])
        }
        var result: [String: [StatsReport.TrendPoint]] = [:]
        for (module, days) in byModule {
            var current = (0, 0)
            if let first = days.keys.min(), first < start { current = days[first]! }
            result[module] = (start...today.number).map { day in
                if let value = days[day] { current = value }
                return StatsReport.TrendPoint(day: StudyDay(number: day), mastered: current.0, total: current.1)
            }
        }
        return result
    }
}
