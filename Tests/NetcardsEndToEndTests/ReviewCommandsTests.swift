import Foundation
import Testing

/// The review REPL's own commands and grade defaults, on a real pseudo-terminal.
@Suite("Review commands in a terminal")
struct ReviewCommandsTests {
    private static let gradePrompt = "grade 0-5 or a/h/g/e"

    @Test("a typed card revealed blank, then Enter: graded again, still due today")
    func blankThenEnterFailsTheCard() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])
        let term = try sandbox.terminal(["review", "--deck", "protocols", "--new", "1"])

        let shown = try card(shownIn: try term.expectPrompt("answer> "), among: cards)
        try term.type("\r")
        try term.expect("→ \(shown.back)")
        try term.expectPrompt("[Enter = 1 again]> ")
        try term.type("\r")
        try term.expect("back later today")
        // The lapsed card is shown again in this run, marked as a repeat.
        let again = try term.expectPrompt("answer> ")
        #expect(again.contains("[1/1 again]"))
        try term.pressControlD()
        try term.expect("Reviewed 1 card (1 answer) · 0% correct")
        #expect(try term.waitForExit() == 0)

        let after = try #require(try sandbox.cards()[id: shown.id])
        #expect(after.state == "learning")
        #expect(after.due == "2026-11-28", "due again today, not passed to tomorrow")
        #expect(after.reps == 0)
    }

    @Test(":suspend at the grade prompt, then :undo: the card is unsuspended and back at its grade prompt")
    func undoSuspend() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])
        let term = try sandbox.terminal(["review", "--deck", "protocols", "--new", "2"])

        let first = try card(shownIn: try term.expectPrompt("answer> "), among: cards)
        try term.type("not it\r")
        try term.expect("✗")
        try term.expectPrompt(Self.gradePrompt)
        try term.type(":suspend\r")
        try term.expect("Suspended \(first.id)")
        let next = try term.expectPrompt("answer> ")
        #expect(!next.contains(first.front))
        #expect(try sandbox.cards()[id: first.id]?.state == "suspended", "saved at once")

        try term.type(":undo\r")
        try term.expect("Took back the suspend of \(first.id)")
        let back = try term.expectPrompt("\(Self.gradePrompt) [Enter = 1 again]> ")
        #expect(back.contains(first.front), "the suspended card is on screen again")
        #expect(back.contains("✗"), "with the verdict of what was typed")
        #expect(try sandbox.cards()[id: first.id]?.state == "new", "no longer suspended")

        try term.type("4\r")
        try term.expect("next in 1 day (2026-11-29)")
        try term.expectPrompt("answer> ")
        try term.pressControlD()
        try term.expect("Reviewed 1 card (1 answer)")
        #expect(try term.waitForExit() == 0)
        let after = try #require(try sandbox.cards()[id: first.id])
        #expect(after.state == "review")
        #expect(after.due == "2026-11-29")
    }

    @Test(":skip puts the card at the end of the run: it comes back after the others")
    func skipComesBack() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])
        let term = try sandbox.terminal(["review", "--deck", "protocols", "--new", "2"])

        let skipped = try card(shownIn: try term.expectPrompt("answer> "), among: cards)
        try term.type(":skip\r")
        try term.expect("Skipped; it comes back at the end of this review.")
        let second = try card(shownIn: try term.expectPrompt("answer> "), among: cards)
        #expect(second.id != skipped.id)
        try term.type(second.back + "\r")
        try term.expectPrompt(Self.gradePrompt)
        try term.type("5\r")
        try term.expect("next in 1 day")

        let back = try term.expectPrompt("answer> ")
        #expect(back.contains(skipped.front), "the skipped card comes back")
        #expect(back.contains("[2/2]"), "as the second card, not a repeat")
        try term.type(skipped.back + "\r")
        try term.expectPrompt(Self.gradePrompt)
        try term.type("4\r")
        try term.expectPrompt("All done. Enter finishes")
        try term.type("\r")
        try term.expect("Reviewed 2 cards (2 answers) · 100% correct")
        #expect(try term.waitForExit() == 0)
        #expect(try sandbox.cards()[id: skipped.id]?.due == "2026-11-29")
    }
}
