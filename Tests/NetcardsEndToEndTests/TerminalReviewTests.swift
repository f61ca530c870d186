import Foundation
import NetcardsTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `netcards review` on a real pseudo-terminal: libedit, Tab completion, Ctrl-C and Ctrl-D.
@Suite("Review in a terminal")
struct TerminalReviewTests {
    private static let gradePrompt = "grade 0-5 or a/h/g/e"

    /// Answers the card on screen with its canonical answer and grades it; returns that card.
    @discardableResult
    private func answer(_ term: PseudoTerminal, shownIn screen: String, among cards: [StoredCard], grade: Int,
                        expectNext next: String) throws -> StoredCard {
        let card = try card(shownIn: screen, among: cards)
        try term.type(card.back + "\r")
        try term.expect("✓ correct")
        try term.expectPrompt(Self.gradePrompt)
        try term.type("\(grade)\r")
        try term.expect(next)
        return card
    }

    /// The terminal is back in its normal (canonical, echoing) mode once netcards has exited.
    private func expectTerminalRestored(_ term: PseudoTerminal, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let modes = term.modes() else { return }
        #expect(modes.c_lflag & tcflag_t(ICANON) != 0, "ICANON left off", sourceLocation: sourceLocation)
        #expect(modes.c_lflag & tcflag_t(ECHO) != 0, "ECHO left off", sourceLocation: sourceLocation)
    }

    @Test("two typed answers, then Tab-completed :undo brings the second card back and restores its state")
    func undoAfterSecondGrade() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])
        let term = try sandbox.terminal(["review", "--deck", "protocols", "--new", "3"])

        try term.expect("3 cards today.")
        let first = try answer(term, shownIn: try term.expectPrompt("answer> "), among: cards, grade: 5,
                               expectNext: "next in 1 day (2026-11-29)")
        let second = try answer(term, shownIn: try term.expectPrompt("answer> "), among: cards, grade: 4,
                                expectNext: "next in 1 day (2026-11-29)")
        #expect(second.id != first.id)
        let third = try card(shownIn: try term.expectPrompt("answer> "), among: cards)
        #expect(![first.id, second.id].contains(third.id))

        // Each grade is saved at once: another process sees both while the run goes on.
        let during = try sandbox.cards()
        #expect(during[id: second.id]?.state == "young")
        #expect(during[id: second.id]?.reps == 1)

        // `:und` + Tab completes to `:undo ` (an unknown `:und` would print "Unknown command").
        try term.type(":und\t")
        try term.expect(":undo")
        try term.type("\r")
        try term.expect("Took back the grade 4; grade this card again.")
        let again = try term.expectPrompt(Self.gradePrompt)
        #expect(again.contains(second.front), "the second card comes back after :undo")
        #expect(again.contains("✓ correct"), "with its verdict, at its grade prompt")
        #expect(!term.transcript.contains("Unknown command"))

        let afterUndo = try sandbox.cards()
        #expect(afterUndo[id: second.id] == cards[id: second.id], "the second card is as it was before its grade")
        #expect(afterUndo[id: first.id]?.state == "young", "only the last grade is taken back")
        #expect(afterUndo[id: first.id]?.due == "2026-11-29")

        // Ctrl-D at the prompt ends the run normally.
        try term.pressControlD()
        try term.expect("Reviewed 1 card")
        #expect(try term.waitForExit() == 0)
        expectTerminalRestored(term)

        let final = try sandbox.cards()
        #expect(final[id: first.id]?.reps == 1)
        #expect(final[id: second.id]?.state == "new")
        #expect(final[id: third.id]?.state == "new")
    }

    @Test("after the last card the run waits: :undo takes back the last grade, Enter then finishes")
    func undoTheLastCard() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])
        let term = try sandbox.terminal(["review", "--deck", "protocols", "--new", "1"])

        try term.expect("1 card today.")
        let only = try answer(term, shownIn: try term.expectPrompt("answer> "), among: cards, grade: 1,
                              expectNext: "back later today")
        // The lapsed card comes back at once; answer it again, then the queue is empty.
        try answer(term, shownIn: try term.expectPrompt("answer> "), among: cards, grade: 5,
                   expectNext: "next in 1 day (2026-11-29)")
        try term.expectPrompt("All done. Enter finishes, :undo takes back the last action> ")
        try term.type(":undo\r")
        try term.expect("Took back the grade 5; grade this card again.")
        try term.expectPrompt(Self.gradePrompt)
        #expect(try sandbox.cards()[id: only.id]?.reps == 0, "the 5 is taken back: the card is in its lapsed state")

        try term.type("4\r")
        try term.expect("next in 1 day (2026-11-29)")
        try term.expectPrompt("All done. Enter finishes, :undo takes back the last action> ")
        try term.type("\r")
        try term.expect("Reviewed 1 card (2 answers)")
        #expect(try term.waitForExit() == 0)
        expectTerminalRestored(term)
        #expect(try sandbox.cards()[id: only.id]?.reps == 1)
    }

    @Test("Ctrl-C in the middle of the second card: exit 130, the first grade kept, the summary shown")
    func controlCMidCard() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])
        let term = try sandbox.terminal(["review", "--deck", "protocols", "--new", "3"])

        let first = try answer(term, shownIn: try term.expectPrompt("answer> "), among: cards, grade: 5,
                               expectNext: "next in 1 day (2026-11-29)")
        let second = try card(shownIn: try term.expectPrompt("answer> "), among: cards)
        try term.type(String(second.back.prefix(2)))  // half typed, no Enter
        try term.pressControlC()

        try term.expect("Reviewed 1 card (1 answer) · 100% correct")
        try term.expect("Due tomorrow: 1")
        #expect(try term.waitForExit() == 130)
        expectTerminalRestored(term)

        let after = try sandbox.cards()
        let kept = try #require(after[id: first.id])
        #expect(kept.state == "young")
        #expect(kept.reps == 1)
        #expect(kept.due == "2026-11-29")
        #expect(after[id: second.id] == cards[id: second.id], "the interrupted card is untouched")
        #expect(after.filter { $0.state != "new" }.map(\.id) == [first.id])
    }

    @Test("Ctrl-C at the grade prompt also ends cleanly with 130, the ungraded card untouched")
    func controlCAtGradePrompt() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])
        let term = try sandbox.terminal(["review", "--deck", "protocols", "--new", "2"])

        let card = try card(shownIn: try term.expectPrompt("answer> "), among: cards)
        try term.type(card.back + "\r")
        try term.expectPrompt(Self.gradePrompt)
        try term.pressControlC()
        try term.expect("Reviewed 0 cards (0 answers)")
        #expect(try term.waitForExit() == 130)
        #expect(try sandbox.cards(["--deck", "protocols"]) == cards, "nothing was graded")
    }

    @Test("Ctrl-D at the first prompt ends with exit 0 and changes nothing")
    func controlDAtStart() throws {
        let sandbox = try Sandbox()
        let before = try sandbox.cards()
        let term = try sandbox.terminal(["review", "--deck", "protocols", "--new", "2"])

        try term.expectPrompt("answer> ")
        try term.pressControlD()
        try term.expect("Reviewed 0 cards (0 answers)")
        #expect(try term.waitForExit() == 0)
        expectTerminalRestored(term)
        #expect(try sandbox.cards() == before)
    }

    @Test("a grade then Ctrl-D: exit 0, the grade saved")
    func gradeThenControlD() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])
        let term = try sandbox.terminal(["review", "--deck", "protocols", "--new", "2"])

        let first = try answer(term, shownIn: try term.expectPrompt("answer> "), among: cards, grade: 4,
                               expectNext: "next in 1 day (2026-11-29)")
        try term.expectPrompt("answer> ")
        try term.pressControlD()
        try term.expect("Reviewed 1 card")
        #expect(try term.waitForExit() == 0)

        let saved = try #require(try sandbox.cards()[id: first.id])
        #expect(saved.state == "young")
        #expect(saved.ease == 2.5)
        #expect(saved.due == "2026-11-29")
    }
}

extension TerminalReviewTests {
    @Test("closing the terminal mid-review (SIGHUP): netcards exits, the grades given are kept")
    func hangUp() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])
        let term = try sandbox.terminal(["review", "--deck", "protocols", "--new", "3"])

        let first = try answer(term, shownIn: try term.expectPrompt("answer> "), among: cards, grade: 5,
                               expectNext: "next in 1 day (2026-11-29)")
        try term.expectPrompt("answer> ")
        term.hangUp()
        #expect(try term.waitForExit() == 128 + SIGHUP)

        let after = try sandbox.cards()
        #expect(after[id: first.id]?.reps == 1)
        #expect(after.filter { $0.state != "new" }.map(\.id) == [first.id])
    }
}
