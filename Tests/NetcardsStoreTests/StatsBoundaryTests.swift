import Foundation
import Testing
import NetcardsCore
import NetcardsStore

/// The edges of the stats windows, the leech limit, an empty store, and undo keeping the per-day totals.
@Suite("Stats windows and limits")
final class StatsBoundaryTests {
    let folder: TemporaryFolder
    let store: NetcardsStore
    let today = StatsHistory.today

    init() throws {
        folder = try TemporaryFolder()
        store = try NetcardsStore(path: folder.path("netcards.sqlite"))
    }

    func day(_ offset: Int) -> StudyDay { today.adding(days: offset) }

    func stats(newLimit: Int = 20) throws -> StatsReport {
        try store.stats(today: today, newLimit: newLimit)
    }

    @Test("a store with no answers: zeros, empty lists, and the trend from the load")
    func emptyStore() throws {
        try store.load([statsDeck("e", module: "Edge", cards: ["a", "b", "c"])], today: day(-3))
        let report = try stats(newLimit: 2)
        #expect(report.moduleFigures == ["Edge": [0, 0, 3, 0, 3, 0, 0]])
        #expect(report.answersByDay.isEmpty)
        #expect(report.currentStreak == 0)
        #expect(report.longestStreak == 0)
        #expect(report.forecast.map(\.day) == (1...14).map(day))
        #expect(report.forecastCounts == Array(repeating: 0, count: 14))
        #expect(report.todayValues == [0, 0, 0, 0, 2], "3 new cards, 2 a day")
        #expect(report.quizAnswers == 0)
        #expect(report.leeches.isEmpty)
        // Before the module existed there is nothing to carry: 0/0, then the load's 0/3 from T-3 on.
        #expect(report.trendPoints("Edge") == trendRuns([(-29 ... -4, 0, 0), (-3 ... 0, 0, 3)]))
    }

    @Test("the calendar covers 26 weeks ending today; the forecast tomorrow to 14 days ahead")
    func windows() throws {
        let cards = ["old", "oldest", "due0", "due1", "due14", "due15"]
        try store.load([statsDeck("e", module: "Edge", cards: cards)], today: day(-200))
        func answer(_ card: String, _ grade: Int, _ offset: Int) throws { try store.answer("e/\(card)", grade, on: day(offset)) }
        try answer("oldest", 4, -182)    // one day too old for the calendar
        try answer("old", 4, -181)       // the calendar's first day
        try answer("due14", 5, -10)
        try answer("due14", 5, -9)
        try answer("due15", 5, -9)
        try answer("due15", 5, -8)
        try answer("due14", 5, -3)       // interval 17: due T+14
        try answer("due15", 5, -2)       // interval 17: due T+15
        try answer("due0", 4, -1)        // due T
        try answer("due1", 4, 0)         // due T+1
        let report = try stats()
        #expect(report.calendarByOffset == [-181: 1, -10: 1, -9: 2, -8: 1, -3: 1, -2: 1, -1: 1, 0: 1])
        #expect(report.currentStreak == 4)
        #expect(report.longestStreak == 4)
        #expect(report.forecastCounts == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
        // Due today or before: due0 (T), old (T-180), oldest (T-181).
        #expect(report.todayFigures.dueLeft == 3)
        // Every answer was a review graded 3 or more; only those of the last 30 days count.
        #expect(report.moduleFigures["Edge"]?[5 ... 6] == [8, 8])
    }

    @Test("at most 10 leeches, most lapses first, then lowest ease; retired cards are not leeches")
    func leechLimit() throws {
        // (card, lapses, first grade): a first 3 (then 4) leaves ease 2.36, a 4 leaves 2.5, a 5 leaves 2.6;
        // the lapses (1, then 4 to recover) never change it.
        let plan: [(String, Int, Int)] = [
            ("c01", 3, 5), ("c02", 3, 3), ("c03", 2, 4), ("c04", 2, 3), ("c05", 2, 5), ("c06", 1, 4),
            ("c07", 1, 5), ("c08", 1, 3), ("c09", 4, 4), ("c10", 5, 5), ("c11", 3, 4), ("c12", 0, 4), ("gone", 6, 3),
        ]
        let names = plan.map(\.0)
        try store.load([statsDeck("l", module: "Leeches", cards: names)], today: day(-20))
        for (card, lapses, first) in plan {
            let id = "l/\(card)"
            try store.answer(id, first, on: day(-10))
            if first == 3 { try store.answer(id, 4, on: day(-10)) }
            for lapse in 0..<lapses {
                try store.answer(id, 1, on: day(-9 + lapse))
                try store.answer(id, 4, on: day(-9 + lapse))
            }
        }
        try store.load([statsDeck("l", module: "Leeches", cards: names.filter { $0 != "gone" })], today: day(-1))
        #expect(try store.state("l/c02") == CardState(repetitions: 1, ease: 2.36, interval: 1, due: day(-6), lapses: 3))

        let report = try stats()
        #expect(report.leechSummary == [
            "l/c10 5 2.60", "l/c09 4 2.50", "l/c02 3 2.36", "l/c11 3 2.50", "l/c01 3 2.60",
            "l/c04 2 2.36", "l/c03 2 2.50", "l/c05 2 2.60", "l/c08 1 2.36", "l/c06 1 2.50",
        ])
    }

    @Test("undoing an answer takes it off the calendar, today's figures and retention")
    func undo() throws {
        try store.load([statsDeck("u", module: "Undo", cards: ["a", "b"])], today: day(-1))
        let first = try store.answer("u/a", 4, on: today, durationMs: 1200)
        let second = try store.answer("u/b", 1, on: today, durationMs: 800)
        let before = try stats()
        #expect(before.calendarByOffset == [0: 2])
        #expect(before.todayValues == [2, 1, 2000, 1, 0])
        try store.undoAnswer(logId: second.logId, today: today)
        let after = try stats()
        #expect(after.calendarByOffset == [0: 1])
        #expect(after.todayValues == [1, 1, 1200, 0, 1])
        #expect(after.moduleFigures["Undo"] == [0, 1, 1, 0, 2, 1, 1])
        try store.undoAnswer(logId: first.logId, today: today)
        let none = try stats()
        #expect(none.answersByDay.isEmpty, "a day whose answers are all undone is no longer studied")
        #expect(none.currentStreak == 0)
    }

    @Test("a suspended mastered card: the module bar and the trend's latest point agree")
    func suspendedMasteredCard() throws {
        try store.load([statsDeck("s", module: "Suspend", cards: ["a", "b"])], today: day(-30))
        for offset in [-25, -24, -18, -1] { try store.answer("s/a", 5, on: day(offset)) }  // intervals 1, 6, 17, 50
        try store.setSuspended(true, cardId: "s/a", today: day(0))
        let report = try stats()
        #expect(report.moduleFigures["Suspend"] == [0, 0, 1, 1, 2, 4, 4], "the bar: 1 new, 1 suspended")
        #expect(report.trendPoints("Suspend").last == "0:0/2", "a suspended card no longer counts as mastered")
        #expect(report.trendPoints("Suspend").last == "0:\(report.modules[0].mature)/\(report.modules[0].cards)")
    }
}
