import Foundation
import NetcardsTestSupport
import Testing

/// A week of reviews under FSRS through the real binary: lapsed cards come back in the same run, the review
/// shows FSRS's next interval, and `stats --json` recall is what `cards --json` says of the same cards.
@Suite("A week under FSRS")
struct FSRSWeekTests {
    struct ModuleRecall: Decodable {
        struct Module: Decodable { var module: String, introduced: Int, recall: Double?, recallTrend: [Point] }
        struct Point: Decodable { var date: String, recall: Double?, introduced: Int }
        var modules: [Module]
    }

    static func moment(_ day: Int) -> String { "2026-11-\(String(format: "%02d", 21 + day))T09:00:00Z" }

    @Test("seven days of reviews: recall in stats agrees with cards, Again comes back in the run")
    func scriptedWeek() throws {
        let sandbox = try Sandbox()
        let switched = try sandbox.run(["config", "scheduler", "fsrs"])
        try #require(switched.status == 0, "\(switched)")
        #expect(switched.stdout.contains("scheduler = fsrs"))

        // Each day: reveal every card (empty answer) and grade it; a 1 every third card, passed later in the run.
        for day in 0..<7 {
            let grades = (0..<40).map { $0 % 3 == 1 ? "1" : ($0 % 5 == 0 ? "5" : "4") }
            let result = try sandbox.run(["review", "--new", "6"], stdin: grades.map { "\n\($0)\n" }.joined(),
                                         env: ["NETCARDS_NOW": Self.moment(day)])
            try #require(result.status == 0, "day \(day): \(result)")
            if day == 0 {
                #expect(result.stdout.contains("back later in this run"), "an Again under FSRS comes back in the run")
                // A new card graded 4 first: S = w2 = 2.3065 days, due in round(2.3065) = 2 days at 90%.
                #expect(result.stdout.contains("next in 2 days (2026-11-23)"), "\(result.stdout)")
            }
        }

        let today = Self.moment(6)
        let cards = try sandbox.cards(env: ["NETCARDS_NOW": today])
        let answered = cards.filter { $0.stability != nil }
        #expect(answered.count >= 30, "six new cards a day for a week")
        for card in answered {
            #expect((1.0...10.0).contains(card.difficulty ?? 0), "\(card.id)")
            #expect((0.0...1.0).contains(card.retrievability ?? -1), "\(card.id)")
        }
        #expect(cards.filter { $0.stability == nil }.allSatisfy { $0.state == "new" && $0.retrievability == nil })

        let stats = try JSONDecoder().decode(ModuleRecall.self, from: try sandbox.run(["stats", "--json"], env: ["NETCARDS_NOW": today]).stdoutData)
        var checked = 0
        for module in stats.modules {
            let introduced = cards.filter { $0.module == module.module && !["new", "suspended"].contains($0.state) }
            #expect(module.introduced == introduced.count, "\(module.module)")
            let recalls = introduced.compactMap(\.retrievability)
            if recalls.isEmpty {
                #expect(module.recall == nil)
                continue
            }
            let mean = recalls.reduce(0, +) / Double(recalls.count)
            #expect(abs((module.recall ?? -1) - mean) < 1e-9, "\(module.module): stats \(module.recall ?? -1), cards \(mean)")
            #expect(module.recallTrend.count == 30)
            #expect(module.recallTrend.last?.date == "2026-11-27")
            #expect(module.recallTrend.last?.recall == module.recall)
            #expect(module.recallTrend.first?.introduced == 0, "nothing was introduced 30 days ago")
            checked += 1
        }
        #expect(checked > 0)
    }
}
