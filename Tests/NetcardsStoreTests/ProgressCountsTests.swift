import Foundation
import Testing
import NetcardsCore
import NetcardsStore

/// `stats` counts cards by progress in SQL, grouped by what `CardProgress` reads; each card's own progress
/// (what `cards` shows) must add up to the same counts under either scheduler.
@Suite("Progress counted in SQL")
final class ProgressCountsTests {
    let folder: TemporaryFolder
    let store: NetcardsStore
    let today = day1.adding(days: 60)

    init() throws {
        folder = try TemporaryFolder()
        store = try NetcardsStore(path: folder.path("netcards.sqlite"))
        try store.load([networkingDeck(), cloudDeck])
        // Mature under SM-2 (intervals 1, 6, 17, 49) and under FSRS; young; a lapse; a hard pass today;
        // a suspended card with answers; the rest new.
        for (offset, grade) in [(0, 5), (1, 5), (7, 5), (24, 5)] { try store.answer("net/ports/ssh/port", grade, on: day1.adding(days: offset)) }
        try store.answer("net/ports/dns/port", 4, on: today.adding(days: -1))
        try store.answer("net/ports/http/port", 4, on: today.adding(days: -3))
        try store.answer("net/ports/http/port", 1, on: today)
        try store.answer("net/ports/ssh/service", 3, on: today)
        try store.answer("cloud/sg-stateful", 5, on: day1)
        try store.answer("cloud/sg-stateful", 5, on: day1.adding(days: 1))
        try store.setSuspended(true, cardId: "cloud/sg-stateful", today: today)
    }

    func countsOfEachCard() throws -> [String: [CardProgress: Int]] {
        var counts: [String: [CardProgress: Int]] = [:]
        for card in try store.cards() { counts[card.module, default: [:]][card.progress, default: 0] += 1 }
        return counts
    }

    func countsOfStats() throws -> [String: [CardProgress: Int]] {
        var counts: [String: [CardProgress: Int]] = [:]
        for module in try store.stats(today: today, newLimit: 20, withRecallTrend: false).modules {
            counts[module.module] = [.new: module.new, .learning: module.learning, .young: module.young,
                                     .mature: module.mature, .suspended: module.suspended].filter { $0.value > 0 }
        }
        return counts
    }

    @Test(arguments: SchedulerKind.allCases)
    func statsCountsAgreeWithEachCardsProgress(_ scheduler: SchedulerKind) throws {
        try store.setScheduler(scheduler, today: today)
        let each = try countsOfEachCard()
        #expect(try countsOfStats() == each)
        #expect(Set(each.values.flatMap(\.keys)) == Set(CardProgress.allCases), "every progress appears: \(each)")
    }

    @Test func underSM2TheCountsAreTheOnesWorkedOut() throws {
        // Networking (7 cards): ssh/port mature (interval 49); dns/port young (1); http/port learning (lapsed);
        // ssh/service learning (hard pass today); 3 new. Cloud: sg suspended, nacl new.
        let counts = try countsOfStats()
        #expect(counts["Networking"] == [.mature: 1, .young: 1, .learning: 2, .new: 3])
        #expect(counts["Cloud"] == [.suspended: 1, .new: 1])
    }
}
