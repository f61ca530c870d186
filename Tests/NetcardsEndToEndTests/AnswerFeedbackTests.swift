import Foundation
import NetcardsTestSupport
import Testing

/// What a learner sees after typing an answer: the verdict's mark first, then the two answers word by word.
/// Each test reviews the one card of a deck of its own, so the day's queue order plays no part.
@Suite("Answer feedback in review")
struct AnswerFeedbackTests {
    /// Imports a one-card deck whose answer is `answer` and reviews it, typing `typed` then Enter.
    private func review(answer: String, typed: String, color: String = "never") throws -> String {
        let sandbox = try Sandbox()
        let deck = """
            ---
            deck: feedback
            module: Feedback
            ---

            Q: The question? {#only}
            A: \(answer)

            """
        try deck.write(toFile: sandbox.path("feedback.md"), atomically: true, encoding: .utf8)
        let imported = try sandbox.run(["import", sandbox.path("feedback.md")])
        try #require(imported.status == 0, "\(imported)")
        let result = try sandbox.run(["review", "--deck", "feedback", "--new", "1", "--color", color], stdin: "\(typed)\n\n")
        try #require(result.status == 0, "\(result)")
        return result.stdout
    }

    @Test("a missing word is marked under the answer")
    func missingWord() throws {
        let out = try review(answer: "destination IP address", typed: "destination address")
        #expect(out.contains("""
            ✗ not quite
              you typed: destination address
              answer:    destination IP address
                                     ^^

            """), "\(out)")
    }

    @Test("an extra word is marked under what was typed")
    func extraWord() throws {
        let out = try review(answer: "the IP address", typed: "the source IP address")
        #expect(out.contains("""
              you typed: the source IP address
                             ^^^^^^

            """), "\(out)")
    }

    @Test("answers sharing under half their words are shown without marks")
    func unrelated() throws {
        let out = try review(answer: "phonebook", typed: "confetti")
        #expect(out.contains("✗ not quite\n  you typed: confetti\n  answer:    phonebook\n  (:accept"), "\(out)")
    }

    @Test("part of a list is partly right, the missing item marked")
    func partly() throws {
        let out = try review(answer: "S3 and DynamoDB", typed: "S3")
        #expect(out.contains("≈ partly: 1 of 2\n  you typed: S3\n  answer:    S3 and DynamoDB\n                    ^^^^^^^^\n"), "\(out)")
        #expect(out.contains("[Enter = 3 hard]"))
    }

    @Test("a typo marks letters, not the word")
    func typo() throws {
        let out = try review(answer: "routing table", typed: "routing tabel")
        #expect(out.contains("≈ almost — one letter off\n  you typed: routing tabel\n"), "\(out)")
        let carets = try #require(out.components(separatedBy: "you typed: routing tabel\n").dropFirst().first?.split(separator: "\n").first)
        #expect(carets.trimmingCharacters(in: .whitespaces) == "^", "one letter marked: \(carets)")
    }

    @Test("also accepted: only after matching another answer, at most three, never one saying the same")
    func alsoAccepted() throws {
        let answers = "ss -tlnp | ss -lntp | netstat -tlnp | netstat -lntp | ss -tlp | ss -ltp"
        let first = try review(answer: answers, typed: "ss -lntp")
        #expect(first.contains("✓ correct  ss -lntp\n"), "\(first)")
        #expect(!first.contains("also accepted"), "the same as the first answer: \(first)")
        let other = try review(answer: answers, typed: "netstat -lntp")
        #expect(other.contains("✓ correct  netstat -lntp\n  also accepted: ss -tlnp · ss -tlp\n"), "\(other)")
    }

    @Test("in colour the verdict line still starts with its mark")
    func colouredMarkFirst() throws {
        let out = try review(answer: "stateful", typed: "statefull", color: "always")
        #expect(out.contains("\u{1B}[33m≈ almost"), "\(out)")
        let wrong = try review(answer: "stateful", typed: "not stateful", color: "always")
        #expect(wrong.contains("\u{1B}[31m✗ not quite"), "\(wrong)")
    }
}
