import Foundation
import Testing
import NetcardsCore
import NetcardsStore

/// A deck of free cards `Q: <id>? {#<id>}` in `module`, so card ids read `<deck>/<id>`.
func statsDeck(_ name: String, module: String, cards: [String]) -> String {
    """
    ---
    deck: \(name)
    module: \(module)
    ---

    \(cards.map { "Q: What is \($0)? {#\($0)}\nA: \($0)" }.joined(separator: "\n\n"))
    """
}

/// The store of the stats tests: a known 41-day history (T-40 … T) built through the public API only
/// (`load`, `recordAnswer`, `setSuspended`), with every figure of `stats` worked out by hand below.
///
/// Modules and decks (deck order = load order, module Alpha before Beta):
///
///     Alpha  a1: m1 m2 l1 x1 s1 d1 r1 n1   (r1 is retired by a reload on T-1)
///     Alpha  a2: y1 n2 s2
///     Beta   b1: z1 k1 k2 k3 l2 n3 n4
///
/// What each card goes through (grades per day; "g1,g4" = two answers that day), and where it ends:
///
///     m1  T-40 5, T-39 5, T-33 5, T-16 5      intervals 1, 6, 17, 50 → mastered on T-16, due T+34, ease 2.9
///     m2  T-30 4, T-29 4, T-23 4, T-8 4       intervals 1, 6, 15, 38 → mastered on T-8, due T+30 (T-30 is
///                                             just outside the 30-day retention window; T-29 just inside)
///     l1  T-5 4, T-4 4                        interval 6, due T+2
///     l2  T-5 4, T-4 4                        interval 6, due T+2 (Beta)
///     x1  T-12 5; T-11 1,4; T-10 1,4; T-9 0,4; T-8 4; T-2 4
///                                             3 lapses, ease 2.6, interval 16, due T+14 (last forecast day)
///     y1  T-6 5; T-5 1,3,4; T-4 1,3,4; T-3 2,3,4; T-2 4
///                                             3 lapses, ease 2.46 → 2.32 → 2.18, interval 6, due T+4
///     z1  T-3 4, T-2 1                        1 lapse, ease 2.5, due T-2 (overdue: due left today)
///     r1  T-10 5, T-9 5, T-3 5                interval 17, due T+14, then retired on T-1: counts nowhere but
///                                             in the log (retention, calendar)
///     s1  T-20 4, then suspended              due T-19 but suspended: not due left
///     s2  suspended while new
///     d1  T-1 4                               due T: due left today
///     k1  T 5 (4000 ms)                       due T+1; started today
///     k2  T 2 (6500 ms)                       no lapse (it was new), due T; started today
///     n1  quiz only: T-38 ✓, T-37 ✓, T-36 ✗, T-35 ✓, T-34 ✗ (stays new)
///     k3  quiz only: T-1 ✓ ✗ ✓ (stays new)
///     m1  quiz on T: ✗ (3000 ms; a quiz answer: not in today's review figures)
///     n2 n3 n4  new
final class StatsHistory {
    static let today = StudyDay(year: 2026, month: 7, day: 15)
    static func day(_ offset: Int) -> StudyDay { today.adding(days: offset) }

    static let a1 = ["m1", "m2", "l1", "x1", "s1", "d1", "r1", "n1"]
    static let a2 = ["y1", "n2", "s2"]
    static let b1 = ["z1", "k1", "k2", "k3", "l2", "n3", "n4"]

    static func decks(a1 cards: [String] = a1) -> [String] {
        [statsDeck("a1", module: "Alpha", cards: cards), statsDeck("a2", module: "Alpha", cards: a2),
         statsDeck("b1", module: "Beta", cards: b1)]
    }

    let folder: TemporaryFolder
    let store: NetcardsStore

    init() throws {
        folder = try TemporaryFolder()
        store = try NetcardsStore(path: folder.path("netcards.sqlite"))
        try store.load(Self.decks(), today: Self.day(-40))
        try build()
    }

    private func review(_ card: String, _ grades: [Int], on offset: Int, durationMs: Int? = nil) throws {
        for grade in grades {
            try store.answer(card.contains("/") ? card : Self.id(card), grade, on: Self.day(offset), durationMs: durationMs)
        }
    }

    private func quiz(_ card: String, correct: Bool, on offset: Int, durationMs: Int? = nil) throws {
        try store.answer(Self.id(card), correct ? 5 : 1, on: Self.day(offset), kind: .quiz,
                         typed: correct ? card : "nope", verdict: correct ? "correct" : "wrong", durationMs: durationMs)
    }

    static func id(_ card: String) -> String {
        if a1.contains(card) { return "a1/\(card)" }
        if a2.contains(card) { return "a2/\(card)" }
        return "b1/\(card)"
    }

    private func build() throws {
        try review("m1", [5], on: -40)
        try review("m1", [5], on: -39)
        for (offset, correct) in zip(-38 ... -34, [true, true, false, true, false]) {
            try quiz("n1", correct: correct, on: offset)
        }
        try review("m1", [5], on: -33)
        try review("m2", [4], on: -30)
        try review("m2", [4], on: -29)
        try review("m2", [4], on: -23)
        try review("s1", [4], on: -20)
        try store.setSuspended(true, cardId: Self.id("s1"), today: Self.day(-20))
        try store.setSuspended(true, cardId: Self.id("s2"), today: Self.day(-20))
        try review("m1", [5], on: -16)
        try review("x1", [5], on: -12)
        try review("x1", [1, 4], on: -11)
        try review("x1", [1, 4], on: -10)
        try review("r1", [5], on: -10)
        try review("x1", [0, 4], on: -9)
        try review("r1", [5], on: -9)
        try review("m2", [4], on: -8)
        try review("x1", [4], on: -8)
        try review("y1", [5], on: -6)
        try review("y1", [1, 3, 4], on: -5)
        try review("l1", [4], on: -5)
        try review("l2", [4], on: -5)
        try review("y1", [1, 3, 4], on: -4)
        try review("l1", [4], on: -4)
        try review("l2", [4], on: -4)
        try review("y1", [2, 3, 4], on: -3)
        try review("z1", [4], on: -3)
        try review("r1", [5], on: -3)
        try review("x1", [4], on: -2)
        try review("y1", [4], on: -2)
        try review("z1", [1], on: -2)
        try review("d1", [4], on: -1)
        for correct in [true, false, true] { try quiz("k3", correct: correct, on: -1) }
        // r1 leaves deck a1: retired with its history.
        try store.load(Self.decks(a1: Self.a1.filter { $0 != "r1" }), today: Self.day(-1))
        try review("k1", [5], on: 0, durationMs: 4000)
        try review("k2", [2], on: 0, durationMs: 6500)
        try quiz("m1", correct: false, on: 0, durationMs: 3000)
    }

    func stats(today offset: Int = 0, decks: [String] = [], modules: [String] = [], newLimit: Int = 20) throws -> StatsReport {
        try store.stats(today: Self.day(offset), scope: StatsScope(decks: decks, modules: modules), newLimit: newLimit)
    }
}

/// Figures of a report as plain values, so expectations read as tables and failures print them.
extension StatsReport {
    /// Per module: [mature, answered but not mature (learning + young), new, suspended, cards, review answers (30 days), passed].
    var moduleFigures: [String: [Int]] {
        Dictionary(uniqueKeysWithValues: modules.map {
            ($0.module, [$0.mature, $0.learning + $0.young, $0.new, $0.suspended, $0.cards, $0.reviewAnswers30Days, $0.reviewPassed30Days])
        })
    }

    /// Answers per day, keyed by the offset from `today`.
    var calendarByOffset: [Int: Int] {
        Dictionary(uniqueKeysWithValues: answersByDay.map { ($0.key - today, $0.value) })
    }

    /// Due cards on each of the 14 forecast days, tomorrow first.
    var forecastCounts: [Int] { forecast.map(\.due) }

    /// [answered, correct, durationMs, dueLeft, newLeft]
    var todayValues: [Int] {
        [todayFigures.answered, todayFigures.correct, todayFigures.durationMs, todayFigures.dueLeft, todayFigures.newLeft]
    }

    /// A module's trend as "offset:mastered/total" for each day.
    func trendPoints(_ module: String) -> [String] {
        (trend[module] ?? []).map { "\($0.day - today):\($0.mastered)/\($0.total)" }
    }

    /// Leeches as "id lapses ease".
    var leechSummary: [String] {
        leeches.map { "\($0.id) \($0.lapses) \(String(format: "%.2f", $0.ease))" }
    }
}

/// The expected trend, from runs of (first offset, last offset, mastered, total).
func trendRuns(_ runs: [(ClosedRange<Int>, Int, Int)]) -> [String] {
    runs.flatMap { range, mastered, total in range.map { "\($0):\(mastered)/\(total)" } }
}
