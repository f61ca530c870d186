import Foundation
import NetcardsTestSupport
import Testing

/// The review summary's line per module the run answered cards of: estimated recall and introduced cards,
/// before the run and after it, under either scheduler.
@Suite("Review summary: recall and introduced cards per module")
struct RunSummaryRecallTests {
    /// FSRS-6's forgetting curve written out here: R(t, S) = (1 + F·t/S)^(−w20), F = 0.9^(−1/w20) − 1, w20 = 0.1542.
    static func recall(days: Double, stability: Double) -> Double {
        let w20 = 0.1542
        return pow(1 + (pow(0.9, -1 / w20) - 1) * days / stability, -w20)
    }

    @Test("two new cards passed, then two days later one of them again under FSRS")
    func recallChangesOverTwoRuns() throws {
        let sandbox = try Sandbox()
        let day0 = ["NETCARDS_NOW": "2026-11-21T09:00:00Z"]
        let first = try sandbox.run(["review", "--deck", "protocols", "--new", "2"], stdin: "\n4\n\n4\n", env: day0)
        try #require(first.status == 0, "\(first)")
        let answered = try sandbox.cards(["--deck", "protocols"], env: day0).filter { $0.state != "new" }
        try #require(answered.count == 2)
        let module = answered[0].module
        // Both new, both graded Good today: recall 1 each, nothing introduced before.
        #expect(first.stdout.contains("  \(module): recall – → 100%, introduced 0 → 2\n"), "\(first.stdout)")
        #expect(first.stdout.components(separatedBy: ": recall ").count == 2, "only the module the run touched")

        let switched = try sandbox.run(["config", "scheduler", "fsrs"])
        try #require(switched.status == 0, "\(switched)")
        // Two days on, both cards are due under FSRS (Good on a new card: S = w2 = 2.3065 days, due in 2 days).
        // Before: both at R(2, 2.3065) ≈ 0.9095 → 91%. One is graded Good: recall 1, so the mean ≈ 0.9547 → 95%.
        let day2 = ["NETCARDS_NOW": "2026-11-23T09:00:00Z"]
        let before = Self.recall(days: 2, stability: 2.3065)
        #expect(Int((before * 100).rounded()) == 91)
        #expect(Int(((before + 1) / 2 * 100).rounded()) == 95)
        let second = try sandbox.run(["review", "--deck", "protocols", "--new", "0"], stdin: "\n4\n", env: day2)
        try #require(second.status == 0, "\(second)")
        #expect(second.stdout.contains("Reviewed 1 card (1 answer)"), "\(second.stdout)")
        #expect(second.stdout.contains("  \(module): recall 91% → 95%, introduced 2 → 2\n"), "\(second.stdout)")
    }

    @Test("a run whose only grade was taken back lists no module")
    func undoneRun() throws {
        let sandbox = try Sandbox()
        // Card 1 graded, then :undo at card 2's answer prompt takes the grade back; end of input ends the run.
        let result = try sandbox.run(["review", "--deck", "protocols", "--new", "2"], stdin: "\n4\n:undo\n")
        try #require(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Reviewed 0 cards (0 answers)"), "\(result.stdout)")
        #expect(!result.stdout.contains(": recall "), "\(result.stdout)")
    }
}
