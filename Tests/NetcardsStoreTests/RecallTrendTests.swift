import Foundation
import Testing
import NetcardsCore
import NetcardsStore

/// `stats`' 30-day recall trend is replayed from the log and today's memory; each day of it must be what `stats`
/// said that day's recall was, read at the end of that day from the cards' memory as it then stood.
@Suite("Recall trend")
final class RecallTrendTests {
    let folder: TemporaryFolder
    let store: NetcardsStore
    static let today = StudyDay(year: 2026, month: 7, day: 15)
    static func day(_ offset: Int) -> StudyDay { today.adding(days: offset) }

    /// Per day in the window (offset from today), what each scope's `stats` said at the end of that day.
    var saidThatDay: [[String]: [Int: [String: EstimatedRecall]]] = [:]
    static let scopes = [[], ["a2"]]

    /// Cards answered before the window only (a1/old, b1/old), through it (a1/busy, b1/busy), first in it
    /// (a2/late), after a lapse in it (a2/lapse), and never (a1/never, b1/never).
    init() throws {
        folder = try TemporaryFolder()
        store = try NetcardsStore(path: folder.path("netcards.sqlite"))
        try store.load([statsDeck("a1", module: "Alpha", cards: ["old", "busy", "never"]),
                        statsDeck("a2", module: "Alpha", cards: ["late", "lapse"]),
                        statsDeck("b1", module: "Beta", cards: ["old", "busy", "never"])], today: Self.day(-60))
        let answers: [Int: [(String, Int)]] = [
            -60: [("a1/old", 4), ("b1/old", 5), ("a2/lapse", 4)], -55: [("a1/old", 4), ("b1/old", 3), ("a2/lapse", 5)],
            -40: [("a1/busy", 4), ("b1/busy", 4)], -35: [("a1/busy", 5)],
            -29: [("b1/busy", 2), ("b1/busy", 4)], -20: [("a1/busy", 4), ("a2/lapse", 1), ("a2/lapse", 4)],
            -12: [("a2/late", 4), ("b1/busy", 5)], -5: [("a2/late", 3), ("a1/busy", 4)], -1: [("a2/lapse", 5)],
            0: [("b1/busy", 4), ("a2/late", 5)],
        ]
        for offset in -60...0 {
            for (card, grade) in answers[offset] ?? [] { try store.answer(card, grade, on: Self.day(offset)) }
            guard offset > -30 else { continue }
            for scope in Self.scopes {
                let report = try store.stats(today: Self.day(offset), scope: StatsScope(decks: scope), newLimit: 20, withRecallTrend: false)
                saidThatDay[scope, default: [:]][offset] = Dictionary(uniqueKeysWithValues: report.modules.map { ($0.module, $0.estimatedRecall) })
            }
        }
    }

    @Test(arguments: scopes)
    func eachDayOfTheTrendIsWhatStatsSaidThatDay(_ scope: [String]) throws {
        let report = try store.stats(today: Self.today, scope: StatsScope(decks: scope), newLimit: 20)
        #expect(!report.modules.isEmpty)
        for module in report.modules {
            #expect(module.recallTrend.count == NetcardsStore.recallDays)
            for point in module.recallTrend {
                let said = try #require(saidThatDay[scope]?[point.day - Self.today]?[module.module])
                #expect(point.introduced == said.introduced, "\(module.module) on \(point.day - Self.today)")
                #expect(abs((point.recall ?? -1) - (said.recall ?? -1)) < 1e-12, "\(module.module) on \(point.day - Self.today): \(point.recall ?? -1) vs \(said.recall ?? -1)")
            }
        }
    }

    @Test func theTrendMovesWhereTheWorkedOutHistorySaysItDoes() throws {
        let alpha = try #require(try store.stats(today: Self.today, newLimit: 20).modules.first { $0.module == "Alpha" })
        // Introduced in Alpha: old, busy and lapse before the window; late from day -12.
        let introduced = Dictionary(uniqueKeysWithValues: alpha.recallTrend.map { ($0.day - Self.today, $0.introduced) })
        #expect(introduced[-29] == 3 && introduced[-13] == 3 && introduced[-12] == 4 && introduced[0] == 4)
        // Recall only falls between answers: from day -19 to -13 nobody in Alpha is answered.
        let recall = Dictionary(uniqueKeysWithValues: alpha.recallTrend.map { ($0.day - Self.today, $0.recall ?? -1) })
        for offset in -19 ... -14 { #expect(recall[offset + 1]! < recall[offset]!, "day \(offset + 1)") }
    }
}
