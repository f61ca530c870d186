import Foundation
import Testing
import NetcardsCore
import NetcardsStore

/// Every figure of `NetcardsStore.stats` against the known history of `StatsHistory` (see its comment for
/// what each card went through); each expected number is worked out by hand in the comments.
@Suite("Stats figures from a known history")
final class StatsReportTests {
    let history: StatsHistory
    var store: NetcardsStore { history.store }

    init() throws {
        history = try StatsHistory()
    }

    // MARK: - The history is what the figures below assume

    @Test("the fixture's cards end where its comment says")
    func historyIsAsDescribed() throws {
        func state(_ card: String) throws -> CardState { try store.state(StatsHistory.id(card)) }
        let t = StatsHistory.today
        #expect(try state("m1").interval == 50)
        #expect(try state("m1").due == t.adding(days: 34))
        #expect(try state("m2").interval == 38)
        #expect(try state("m2").due == t.adding(days: 30))
        #expect(try state("x1") == CardState(repetitions: 3, ease: 2.6, interval: 16, due: t.adding(days: 14), lapses: 3))
        #expect(try state("y1") == CardState(repetitions: 2, ease: 2.18, interval: 6, due: t.adding(days: 4), lapses: 3))
        #expect(try state("z1") == CardState(repetitions: 0, ease: 2.5, interval: 0, due: t.adding(days: -2), lapses: 1))
        #expect(try state("l1").due == t.adding(days: 2))
        #expect(try state("l2").due == t.adding(days: 2))
        #expect(try state("k1").due == t.adding(days: 1))
        #expect(try state("k2") == CardState(repetitions: 0, ease: 2.5, interval: 0, due: t, lapses: 0))
        #expect(try state("d1").due == t)
        #expect(try state("n1") == .new, "quiz answers never move a card")
        #expect(try state("k3") == .new, "quiz answers never move a card")
        let r1 = try #require(try store.card(id: "a1/r1"))
        #expect(r1.retired)
        #expect(r1.due == t.adding(days: 14))
        #expect(try #require(try store.card(id: "a1/s1")).suspended)
    }

    // MARK: - Modules

    @Test("per module: mastered / learning / new / suspended, and retention of the last 30 days")
    func modules() throws {
        let report = try history.stats()
        #expect(report.modules.map(\.module) == ["Alpha", "Beta"], "in module order")
        // Alpha: mastered m1 m2; learning l1 x1 d1 y1; new n1 n2; suspended s1 s2; r1 retired: 10 cards.
        // Review answers on T-29 … T: m1 1, m2 3 (T-30 is outside), l1 2, x1 9 (3 failed), s1 1, d1 1,
        // r1 3 (retired, still answered), y1 11 (3 failed) = 31, of which 25 graded 3 or more (81%).
        // The quiz answers on n1 and m1 are not review answers.
        #expect(report.moduleFigures["Alpha"] == [2, 4, 2, 2, 10, 31, 25])
        // Beta: learning z1 k1 k2 l2; new k3 n3 n4. Answers: z1 4 and 1, l2 4 4, k1 5, k2 2: 6, 4 passed.
        #expect(report.moduleFigures["Beta"] == [0, 4, 3, 0, 7, 6, 4])
    }

    // MARK: - Calendar and streaks

    @Test("answers per day (review and quiz) and the streaks, with gaps")
    func calendarAndStreaks() throws {
        let report = try history.stats()
        #expect(report.calendarByOffset == [
            -40: 1, -39: 1, -38: 1, -37: 1, -36: 1, -35: 1, -34: 1, -33: 1,  // m1, then quizzes on n1
            -30: 1, -29: 1, -23: 1, -20: 1, -16: 1,                          // m2, s1, m1
            -12: 1, -11: 2, -10: 3, -9: 3, -8: 2,                            // x1 (+ r1, m2)
            -6: 1, -5: 5, -4: 5, -3: 5, -2: 3, -1: 4, 0: 3,                  // y1 l1 l2 z1 r1 d1, quizzes
        ])
        // Runs: T-40…T-33 (8), T-30…T-29, T-23, T-20, T-16, T-12…T-8 (5), T-6…T (7).
        #expect(report.currentStreak == 7)
        #expect(report.longestStreak == 8)
    }

    @Test("the current streak may end yesterday; the day after, it is over")
    func streakEndingYesterday() throws {
        let tomorrow = try history.stats(today: 1)
        #expect(tomorrow.currentStreak == 7, "no answer yet on T+1: the streak ending on T still counts")
        #expect(tomorrow.longestStreak == 8)
        let dayAfter = try history.stats(today: 2)
        #expect(dayAfter.currentStreak == 0)
        #expect(dayAfter.longestStreak == 8)
    }

    // MARK: - Forecast

    @Test("cards due on each of the next 14 days")
    func forecast() throws {
        let report = try history.stats()
        #expect(report.forecast.map(\.day) == (1...14).map { StatsHistory.day($0) })
        // T+1 k1; T+2 l1 l2; T+4 y1; T+14 x1 (r1 is due then too, but retired). Due today or
        // before (d1, k2, z1, suspended s1) and later (m1, m2) are not in it.
        #expect(report.forecastCounts == [1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
    }

    // MARK: - Today

    @Test("today: answered, correct, time, due left, new left")
    func today() throws {
        let report = try history.stats(newLimit: 20)
        // Review answers on T: k1 5 (4000 ms) and k2 2 (6500 ms); the quiz answer on m1 does not count.
        // Due left: d1 (T), k2 (T), z1 (T-2); s1 is due but suspended. New left: n1 n2 k3 n3 n4 = 5,
        // under the 20 - 2 started today.
        #expect(report.todayValues == [2, 1, 10_500, 3, 5])
        #expect(try history.stats(newLimit: 3).todayFigures.newLeft == 1, "3 a day, 2 started today")
        #expect(try history.stats(newLimit: 2).todayFigures.newLeft == 0)
        #expect(try history.stats(newLimit: 1).todayFigures.newLeft == 0, "never negative")
    }

    // MARK: - Mastery trend

    @Test("mastery trend per module over 30 days, carrying the last value over days without a row")
    func trend() throws {
        let report = try history.stats()
        #expect(Set(report.trend.keys) == ["Alpha", "Beta"])
        // Alpha: 0/11 from the load; m1 mastered on T-16, m2 on T-8; the reload on T-1 retires r1 (10 cards).
        // T-29 has a row (m2's answer); T-28 … T-24 have none and carry it.
        #expect(report.trendPoints("Alpha") == trendRuns([(-29 ... -17, 0, 11), (-16 ... -9, 1, 11),
                                                           (-8 ... -2, 2, 11), (-1 ... 0, 2, 10)]))
        // Beta's first row inside the window is T-5: T-29 … T-6 carry the load's row of T-40.
        #expect(report.trendPoints("Beta") == trendRuns([(-29 ... 0, 0, 7)]))
    }

    // MARK: - Quiz and leeches

    @Test("quiz accuracy over every quiz answer")
    func quiz() throws {
        let report = try history.stats()
        // n1 3 of 5, k3 2 of 3, m1 0 of 1.
        #expect(report.quizAnswers == 9)
        #expect(report.quizCorrect == 5)
    }

    @Test("leeches: most lapses first, then lowest ease; cards that never lapsed are not leeches")
    func leeches() throws {
        let report = try history.stats()
        #expect(report.leechSummary == ["a2/y1 3 2.18", "a1/x1 3 2.60", "b1/z1 1 2.50"])
        #expect(report.leeches.first?.front == "What is y1?")
    }

    // MARK: - Narrowing

    @Test("--deck narrows every figure but the calendar and streaks")
    func narrowedToADeck() throws {
        let whole = try history.stats()
        let report = try history.stats(decks: ["a2"])
        #expect(report.modules.map(\.module) == ["Alpha"])
        // a2: y1 learning, n2 new, s2 suspended; y1's 11 answers, 8 passed.
        #expect(report.moduleFigures["Alpha"] == [0, 1, 1, 1, 3, 11, 8])
        #expect(report.forecastCounts == [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        // Nothing of a2 answered or due today; n2 is new. Started today counts every deck (as the queue does).
        #expect(report.todayValues == [0, 0, 0, 0, 1])
        #expect(report.quizAnswers == 0)
        #expect(report.quizCorrect == 0)
        #expect(report.leechSummary == ["a2/y1 3 2.18"])
        #expect(report.answersByDay == whole.answersByDay)
        #expect(report.currentStreak == 7)
        #expect(report.longestStreak == 8)
        #expect(Set(report.trend.keys) == ["Alpha"])
    }

    @Test("--deck keeps the mastery trend of the deck's whole module (README: the trend is kept per module)")
    func trendOfADecksModule() throws {
        let report = try history.stats(decks: ["a2"])
        // a2 has 3 cards and none mastered; the trend is the module's history: 2 of Alpha's 10 cards.
        #expect(report.trendPoints("Alpha").last == "0:2/10")
    }

    @Test("several decks: the figures of both")
    func narrowedToTwoDecks() throws {
        let report = try history.stats(decks: ["a1", "b1"])
        // Alpha without a2: mastered m1 m2; learning l1 x1 d1; new n1; suspended s1. 31 - 11 (y1) answers, 25 - 8 passed.
        #expect(report.moduleFigures["Alpha"] == [2, 3, 1, 1, 7, 20, 17])
        #expect(report.moduleFigures["Beta"] == [0, 4, 3, 0, 7, 6, 4])
        #expect(report.forecastCounts == [1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(report.quizAnswers == 9)
        #expect(report.leechSummary == ["a1/x1 3 2.60", "b1/z1 1 2.50"])
    }

    @Test("--module narrows to that module's decks")
    func narrowedToAModule() throws {
        let report = try history.stats(modules: ["Beta"])
        #expect(report.modules.map(\.module) == ["Beta"])
        #expect(report.moduleFigures["Beta"] == [0, 4, 3, 0, 7, 6, 4])
        #expect(report.forecastCounts == [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "k1 on T+1, l2 on T+2")
        // k1 and k2 answered today; due left z1 and k2; new k3 n3 n4.
        #expect(report.todayValues == [2, 1, 10_500, 2, 3])
        #expect(report.quizAnswers == 3)
        #expect(report.quizCorrect == 2)
        #expect(report.leechSummary == ["b1/z1 1 2.50"])
        #expect(Set(report.trend.keys) == ["Beta"])
        #expect(report.currentStreak == 7, "streaks count every answer")
        #expect(report.answersByDay.count == 25, "the calendar counts every answer")
    }

    @Test("a deck of another module than --module: nothing matches")
    func deckOutsideTheModule() throws {
        let report = try history.stats(decks: ["a1"], modules: ["Beta"])
        #expect(report.modules.isEmpty)
        #expect(report.forecastCounts == Array(repeating: 0, count: 14))
        #expect(report.todayValues == [0, 0, 0, 0, 0])
        #expect(report.quizAnswers == 0)
        #expect(report.leeches.isEmpty)
        #expect(report.trend.isEmpty)
    }

    @Test("an unknown deck or module matches nothing (the command refuses it before asking)")
    func unknownNames() throws {
        for scope in [StatsScope(decks: ["nope"]), StatsScope(modules: ["Nope"])] {
            let report = try store.stats(today: StatsHistory.today, scope: scope, newLimit: 20)
            #expect(report.modules.isEmpty)
            #expect(report.forecastCounts == Array(repeating: 0, count: 14))
            #expect(report.todayValues == [0, 0, 0, 0, 0])
            #expect(report.quizAnswers == 0)
            #expect(report.leeches.isEmpty)
        }
    }
}
