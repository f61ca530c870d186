import Foundation
import NetcardsTestSupport
import Testing

/// `netcards review` with stdin a pipe: plain lines, no line editor — how scripts and CI drive it.
@Suite("Review through a pipe")
struct PipedReviewTests {
    /// The first card of deck protocols in deck order: what `--deck protocols --new 1` shows on a new store.
    private func firstProtocolsCard(_ sandbox: Sandbox) throws -> StoredCard {
        try #require(try sandbox.cards(["--deck", "protocols"]).first)
    }

    @Test("answer right, grade 5: reps 1, interval 1, ease 2.6, due tomorrow")
    func gradeFive() throws {
        let sandbox = try Sandbox()
        let card = try firstProtocolsCard(sandbox)
        let before = try sandbox.cards()

        let result = try sandbox.run(["review", "--deck", "protocols", "--new", "1"], stdin: "\(card.back)\n5\n")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("1 card today."))
        #expect(result.stdout.contains(card.front))
        #expect(result.stdout.contains("answer> \(card.back)"), "the answer is echoed after the prompt")
        #expect(result.stdout.contains("✓ correct"))
        #expect(result.stdout.contains("next in 1 day (2026-11-29)"))
        #expect(result.stdout.contains("Reviewed 1 card (1 answer) · 100% correct"))
        #expect(result.stderr.isEmpty, "\(result.stderr)")

        let after = try sandbox.cards()
        let reviewed = try #require(after[id: card.id])
        #expect(reviewed.state == "young")
        #expect(reviewed.reps == 1)
        #expect(reviewed.interval == 1)
        #expect(abs(reviewed.ease - 2.6) < 1e-9)
        #expect(reviewed.due == "2026-11-29")
        #expect(reviewed.lapses == 0)
        // Nothing else moved.
        #expect(after.filter { $0.id != card.id } == before.filter { $0.id != card.id })
    }

    @Test("answer right, grade 3: learning, repeat today, ease 2.36")
    func gradeThree() throws {
        let sandbox = try Sandbox()
        let card = try firstProtocolsCard(sandbox)

        // After the 3 the card comes back the same day; the end of input then ends the run cleanly.
        let result = try sandbox.run(["review", "--deck", "protocols", "--new", "1"], stdin: "\(card.back)\n3\n")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("again later today, until you grade it 4 or 5"))
        #expect(result.stdout.contains("Reviewed 1 card"))

        let reviewed = try #require(try sandbox.cards()[id: card.id])
        #expect(reviewed.state == "learning")
        #expect(reviewed.due == "2026-11-28")
        #expect(abs(reviewed.ease - 2.36) < 1e-9)
        #expect(reviewed.reps == 1)
        #expect(reviewed.interval == 1)
    }

    @Test("a wrong answer shows the expected one and suggests a lapse")
    func wrongAnswer() throws {
        let sandbox = try Sandbox()
        let card = try firstProtocolsCard(sandbox)

        // Enter at the grade prompt takes the suggested grade.
        let result = try sandbox.run(["review", "--deck", "protocols", "--new", "1"], stdin: "zzzz\n\n")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("✗ not quite"))
        #expect(result.stdout.contains("answer:    \(card.back)"))
        #expect(result.stdout.contains("back later today"))

        let reviewed = try #require(try sandbox.cards()[id: card.id])
        #expect(reviewed.state == "learning")
        #expect(reviewed.reps == 0)
        #expect(reviewed.due == "2026-11-28")
    }

    @Test("--new 9223372036854775807 queues every new card of the deck instead of crashing")
    func theLargestNewCount() throws {
        let sandbox = try Sandbox()
        let newCards = try sandbox.cards(["--deck", "protocols"]).filter { $0.state == "new" }.count
        let result = try sandbox.run(["review", "--deck", "protocols", "--new", "9223372036854775807"], stdin: "")
        #expect(result.status == 0, "\(result)")
        // Every new card but the siblings of those chosen (one per day).
        let queued = result.stdout.split(separator: " ").first.flatMap { Int($0) } ?? 0
        #expect(queued > 0 && queued <= newCards, "\(result.stdout)")
        #expect(result.stdout.contains("\(queued) cards today."))
    }
}
