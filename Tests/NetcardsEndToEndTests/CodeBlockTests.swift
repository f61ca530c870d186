import Foundation
import NetcardsCore
import NetcardsTestSupport
import Testing

@Suite("Code blocks: shown verbatim in review and cards; cards --json says typed or reveal")
struct CodeBlockTests {
    /// What the terminal must show for each code line: a 2-space margin, then the line with its tabs expanded to
    /// stops of 8 — worked out by coreutils' `expand`, not by netcards — and no trailing spaces.
    static func shown(_ lines: [String]) throws -> [String] {
        let expanded = try runProgram(URL(fileURLWithPath: "/usr/bin/expand"), [], stdin: Data(lines.map { $0 + "\n" }.joined().utf8),
                                      environment: ProcessInfo.processInfo.environment).stdout
        return expanded.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            var shown = "  " + line
            while shown.hasSuffix(" ") { shown.removeLast() }
            return shown
        }
    }

    static func codeCards(_ decks: [DeckDefinition]) -> [CardDefinition] {
        decks.flatMap(\.cards).filter { !CardText.codeLines(of: $0.front).isEmpty }
    }

    @Test("every code block of every bundled deck appears line for line, unbroken, on an 80-column terminal")
    func everyBundledCodeBlockIsVerbatimAt80Columns() throws {
        let decks = try DeckSources.parsed()
        let withCode = Self.codeCards(decks)
        try #require(withCode.count >= 40, "the bundled decks have \(withCode.count) cards with a code block")
        let sandbox = try Sandbox()
        for deck in decks where withCode.contains(where: { $0.id.hasPrefix(deck.name + "/") }) {
            // A day's queue holds back siblings (cards sharing an answer), so review day after day until every
            // card has been shown.
            var shownLines = Set<String>()
            var transcript = ""
            for day in 1...8 {
                let now = "2026-12-\(String(format: "%02d", day))T09:00:00Z"
                let terminal = try sandbox.terminal(["review", "--deck", deck.name, "--new", "1000"],
                                                    env: ["NETCARDS_NOW": now], columns: 80)
                try reviewEveryCard(terminal)
                #expect(try terminal.waitForExit() == 0)
                transcript += terminal.transcript
                shownLines.formUnion(terminal.transcript.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
                if withCode.allSatisfy({ !$0.id.hasPrefix(deck.name + "/") || transcript.contains(CardText.prose(of: $0.front)) }) { break }
            }
            for card in withCode where card.id.hasPrefix(deck.name + "/") {
                #expect(transcript.contains(CardText.prose(of: card.front)), "\(card.id) was never shown")
                for expected in try Self.shown(CardText.codeLines(of: card.front)) {
                    // Whole, on a line of its own: never broken at 80 columns, even when the tool's line is wider.
                    #expect(shownLines.contains(expected), "\(card.id): the line \(expected.debugDescription) is not shown whole")
                }
            }
        }
    }

    /// Enter reveals, then 5 passes the card for good (a blank typed answer suggests "again", which would bring
    /// it back); at the end Enter finishes the run. A "> " inside a card's text (curl -v prints them) is not a
    /// prompt: read on to the prompt itself.
    private func reviewEveryCard(_ terminal: PseudoTerminal) throws {
        let prompts = ["answer> ", "Enter to reveal> ", "]> "]
        var chunk = ""
        while true {
            do { chunk += try terminal.expectPrompt("> ") } catch {
                if terminal.transcript.contains("Nothing to review today") { return }
                throw error
            }
            if chunk.contains("All done. Enter finishes") {
                try terminal.type("\r")
                return
            }
            guard prompts.contains(where: chunk.hasSuffix) else { continue }
            try terminal.type(chunk.hasSuffix("]> ") ? "5\r" : "\r")
            chunk = ""
        }
    }

    static let userDeck = """
        ---
        deck: readings
        module: Readings
        ---

        Q: Which port is only reachable from this host? {#loopback-listener}
        ```
        State   Recv-Q  Send-Q   Local Address:Port   Peer Address:Port
        LISTEN  0       128          127.0.0.1:5432        0.0.0.0:*
        \tLISTEN  0       4096           0.0.0.0:22          0.0.0.0:*
        ```
        A: 5432
        Tags: output

        Q: What does a Host header name? {#host}
        Reveal: the site
        """

    @Test("cards prints a question's code block under its row, untouched; --json keeps the fences")
    func cardsListingShowsTheBlock() throws {
        let sandbox = try Sandbox()
        try Self.userDeck.write(toFile: sandbox.path("readings.md"), atomically: true, encoding: .utf8)
        let imported = try sandbox.run(["import", sandbox.path("readings.md")])
        try #require(imported.status == 0, "\(imported)")

        let listing = try sandbox.run(["cards", "--deck", "readings"])
        #expect(listing.status == 0)
        let lines = listing.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(lines.firstIndex { $0.hasPrefix("readings/loopback-listener ") })
        #expect(lines[row].hasSuffix("Which port is only reachable from this host?"))
        #expect(Array(lines[(row + 1)...(row + 3)]) == [
            "  State   Recv-Q  Send-Q   Local Address:Port   Peer Address:Port",
            "  LISTEN  0       128          127.0.0.1:5432        0.0.0.0:*",
            "          LISTEN  0       4096           0.0.0.0:22          0.0.0.0:*",
        ])
        #expect(lines[row + 4].hasPrefix("readings/host "))

        let cards = try sandbox.cards(["--deck", "readings"])
        let listener = try #require(cards[id: "readings/loopback-listener"])
        #expect(listener.front.contains("\nLISTEN  0       128          127.0.0.1:5432        0.0.0.0:*\n"))
        #expect(listener.kind == "typed" && listener.tags == ["output"])
        #expect(cards[id: "readings/host"]?.kind == "reveal")
    }

    @Test("a control character in a code block is shown escaped, never sent to the terminal")
    func controlCharactersInABlockAreEscaped() throws {
        let sandbox = try Sandbox()
        let deck = "---\ndeck: hostile\nmodule: Hostile\n---\n\nQ: What does this print? {#esc}\n```\nok \u{1B}[2Jcleared\u{07}\n```\nA: nothing\n"
        try deck.write(toFile: sandbox.path("hostile.md"), atomically: true, encoding: .utf8)
        try #require(try sandbox.run(["import", sandbox.path("hostile.md")]).status == 0)
        let listing = try sandbox.run(["cards", "--deck", "hostile"])
        #expect(listing.stdout.contains("\n  ok \\u{1b}[2Jcleared\\u{07}\n"), "\(listing.stdout.debugDescription)")
        #expect(!listing.stdoutData.containsEscape)

        let terminal = try sandbox.terminal(["review", "--deck", "hostile", "--new", "1"], env: ["NO_COLOR": "1"])
        let question = try terminal.expectPrompt("answer> ")
        #expect(question.contains("  ok \\u{1b}[2Jcleared\\u{07}"))
        #expect(!terminal.rawOutput.contains(0x07) && !terminal.rawOutput.contains(where: { $0 == 0x1B }))
        try terminal.pressControlD()
        _ = try terminal.waitForExit()
    }

    @Test("cards --json: kind and tags of every bundled card as its deck file says")
    func kindAndTagsFollowTheDeckFiles() throws {
        let sandbox = try Sandbox()
        // The labs deck comes from the lab catalogue, not from a deck file.
        let listed = try sandbox.cards().filter { $0.deck != "labs" }
        let defined = try DeckSources.parsed().flatMap(\.cards)
        try #require(listed.count == defined.count)
        for card in defined {
            let stored = try #require(listed[id: card.id])
            #expect(stored.kind == (card.mode == .typed ? "typed" : "reveal"), "\(card.id)")
            #expect(stored.tags == card.tags, "\(card.id)")
        }
    }

    @Test("review shows a typed card's block on the terminal, verbatim, then checks the answer")
    func reviewShowsTheBlock() throws {
        let sandbox = try Sandbox()
        try Self.userDeck.write(toFile: sandbox.path("readings.md"), atomically: true, encoding: .utf8)
        try #require(try sandbox.run(["import", sandbox.path("readings.md")]).status == 0)
        let terminal = try sandbox.terminal(["review", "--deck", "readings", "--new", "1"], columns: 80)
        let question = try terminal.expectPrompt("answer> ")
        #expect(question.contains("Which port is only reachable from this host?\n\n  State   Recv-Q"))
        #expect(question.contains("\n          LISTEN  0       4096           0.0.0.0:22          0.0.0.0:*\n"))
        try terminal.type("5432\r")
        try terminal.expect("✓")
        try terminal.expectPrompt("> ")
        try terminal.pressControlD()
        _ = try terminal.waitForExit()
    }
}
