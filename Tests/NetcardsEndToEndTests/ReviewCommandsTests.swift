import Foundation
import NetcardsTestSupport
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
        #expect(after.state == "young")
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

extension ReviewCommandsTests {
    @Test(":accept after ✗: the answer is kept, logged as accepted, Enter grades 4; the next day it is ✓")
    func acceptThenNextDay() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])
        let mine = "my own phrasing"
        let term = try sandbox.terminal(["review", "--deck", "protocols", "--new", "1"])

        let shown = try card(shownIn: try term.expectPrompt("answer> "), among: cards)
        try term.type(mine + "\r")
        try term.expect("✗")
        try term.expectPrompt("\(Self.gradePrompt) [Enter = 1 again]> ")
        try term.type(":accept\r")
        try term.expect("✓ accepted")
        try term.expectPrompt("\(Self.gradePrompt) [Enter = 4 good]> ")
        try term.type("\r")
        try term.expect("next in 1 day (2026-11-29)")
        try term.expectPrompt("All done.")
        try term.type("\r")
        try term.expect("Reviewed 1 card (1 answer) · 100% correct")
        #expect(try term.waitForExit() == 0)

        let listed = try sandbox.run(["cards", "--json", "--search", mine])
        let objects = try #require(try JSONSerialization.jsonObject(with: listed.stdoutData) as? [[String: Any]])
        #expect(objects.count == 1)
        #expect(objects.first?["id"] as? String == shown.id)
        #expect(objects.first?["accepted"] as? [String] == [mine])

        let log = sandbox.path("log.csv")
        #expect(try sandbox.run(["export", "--format", "log", log]).status == 0)
        let rows = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(rows.first?.contains("verdict") == true)
        #expect(rows.dropFirst().map { $0.contains("\(mine),accepted,") } == [true], "\(rows)")

        // The next day the card is due and the same answer is right.
        let nextDay = try sandbox.terminal(["review", "--deck", "protocols", "--new", "0"],
                                           env: ["NETCARDS_NOW": "2026-11-29T09:00:00Z"])
        let again = try nextDay.expectPrompt("answer> ")
        #expect(again.contains(shown.front))
        try nextDay.type(mine + "\r")
        try nextDay.expect("✓")
        try nextDay.expectPrompt("\(Self.gradePrompt) [Enter = 4 good]> ")
        try nextDay.pressControlD()
        #expect(try nextDay.waitForExit() == 0)
    }

    @Test(":undo after :accept takes the answer back out of the store")
    func undoAccept() throws {
        let sandbox = try Sandbox()
        let term = try sandbox.terminal(["review", "--deck", "protocols", "--new", "1"])
        try term.expectPrompt("answer> ")
        try term.type("something else\r")
        try term.expectPrompt(Self.gradePrompt)
        try term.type(":accept\r")
        try term.expectPrompt("[Enter = 4 good]> ")
        #expect(try sandbox.run(["cards", "--json", "--search", "something else"]).stdout.contains("\"accepted\":[\"something else\"]"))
        try term.type(":undo\r")
        try term.expect("Took back :accept")
        try term.expectPrompt("[Enter = 1 again]> ")
        #expect(try sandbox.cards(["--search", "something else"]).isEmpty, "no card holds the answer any more")
        try term.pressControlD()
        #expect(try term.waitForExit() == 0)
    }
}

@Suite("suspend, unsuspend and cards filters")
struct CardStateCommandsTests {
    @Test("suspend then unsuspend by id; cards --state and --search narrow the list")
    func suspendAndUnsuspend() throws {
        let sandbox = try Sandbox()
        let peer = "protocols/etcd-peer-port"
        let client = "protocols/etcd-client-port"
        let suspended = try sandbox.run(["suspend", peer, client])
        #expect(suspended.status == 0, "\(suspended)")
        #expect(suspended.stdout.contains("Suspended 2 cards"))
        #expect(try sandbox.cards(["--state", "suspended"]).map(\.id).sorted() == [client, peer])

        let etcd = try sandbox.cards(["--search", "ETCD"])
        #expect(Set(etcd.map(\.id)).isSuperset(of: [peer, client]))
        #expect(etcd.allSatisfy { "\($0.id) \($0.front) \($0.back)".lowercased().contains("etcd") })
        #expect(try sandbox.cards(["--search", "etcd", "--state", "new"]).allSatisfy { $0.state == "new" && $0.id != peer })

        let back = try sandbox.run(["unsuspend", peer])
        #expect(back.status == 0)
        #expect(try sandbox.cards()[id: peer]?.state == "new")
        #expect(try sandbox.cards()[id: client]?.state == "suspended")
    }

    @Test("an unknown id: exit 1, the id named, nothing changed")
    func unknownId() throws {
        let sandbox = try Sandbox()
        let before = try sandbox.cards()
        let result = try sandbox.run(["suspend", "protocols/etcd-peer-port", "protocols/no-such-card"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no card with id protocols/no-such-card"))
        #expect(try sandbox.cards() == before, "the known id was not suspended either")
        #expect(try sandbox.run(["unsuspend", "nope"]).status == 1)
        #expect(try sandbox.run(["cards", "--state", "asleep"]).status == 2, "an unknown state is a usage error")
    }
}

@Suite("The day's order in a terminal")
struct DayOrderTests {
    /// A first day of 60 new cards over every bundled deck. In deck order (before) 20 of the 59 neighbouring
    /// pairs shared a table; interleaved, the bundled decks give none. The bar is at most 3 pairs (5%): only a
    /// table holding more than half of the day's cards can force neighbours, which no bundled table comes
    /// near, and the slack keeps deck edits from breaking the test while a return to deck order (a run of
    /// 8 port cards alone is 7 pairs) fails it.
    @Test("the neighbours of a 60-card first day rarely share a table")
    func firstDayNeighbours() throws {
        let sandbox = try Sandbox()
        let term = try sandbox.terminal(["review", "--new", "60"])
        try term.expect("60 cards today.")
        for index in 1...60 {
            try term.expect("[\(index)/60]")
            try term.expectPrompt("> ")  // the answer prompt, or Enter to reveal
            try term.type("\r")
            try term.expectPrompt("]> ")  // the grade prompt
            try term.type("4\r")
        }
        try term.expectPrompt("All done.")
        try term.type("\r")
        try term.expect("Reviewed 60 cards (60 answers)")
        #expect(try term.waitForExit() == 0)

        // Each card's header: "[i/60] deck · table", or "[i/60] deck" for a card of no table.
        let headers = term.transcript.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("[") && $0.contains("/60] ") }
        #expect(headers.count == 60)
        let places = headers.map { String($0[$0.range(of: "] ")!.upperBound...]) }
        let sharedTable = zip(places, places.dropFirst()).filter { $0.contains(" · ") && $0 == $1 }.count
        #expect(sharedTable <= 3, "neighbours sharing a table: \(sharedTable)\n\(places.joined(separator: "\n"))")
        #expect(Set(places.map { $0.split(separator: " ").first! }).count >= 3, "the day mixes decks")
        // New cards of every deck are spread: the first ten already hold cards of two decks or more.
        #expect(Set(places.prefix(10).map { $0.split(separator: " ").first! }).count >= 2)
    }
}

extension ReviewCommandsTests {
    @Test("a reveal card: what was typed before revealing is shown beside the answer; Enter grades 4")
    func revealCardKeepsWhatWasTyped() throws {
        let sandbox = try Sandbox()
        let deck = sandbox.path("mine.md")
        try """
            ---
            deck: mine
            module: Mine
            ---

            Q: Why does a NAT gateway live in a public subnet? {#nat-public}
            Reveal: It needs a route to the internet gateway to reach the internet.
            """.write(toFile: deck, atomically: true, encoding: .utf8)
        #expect(try sandbox.run(["import", deck]).status == 0)

        let term = try sandbox.terminal(["review", "--deck", "mine"])
        try term.expectPrompt("Enter to reveal> ")
        try term.type("it needs the IGW\r")
        try term.expect("→ It needs a route to the internet gateway to reach the internet.")
        try term.expect("you wrote: it needs the IGW")
        try term.expectPrompt("\(Self.gradePrompt) [Enter = 4 good]> ")
        try term.type("\r")
        try term.expect("next in 1 day (2026-11-29)")
        try term.expectPrompt("All done.")
        try term.type("\r")
        #expect(try term.waitForExit() == 0)
        #expect(try sandbox.cards(["--deck", "mine"]).first?.state == "young")
    }

    @Test("time spent is one measure: the summary and stats show the same seconds, card shown → grade")
    func oneTimeMeasure() throws {
        let sandbox = try Sandbox()
        let term = try sandbox.terminal(["review", "--deck", "protocols", "--new", "1"])
        try term.expectPrompt("answer> ")
        Thread.sleep(forTimeInterval: 2.2)  // thinking before answering counts
        try term.type("\r")
        try term.expectPrompt(Self.gradePrompt)
        try term.type("1\r")
        try term.expectPrompt("answer> ")  // the lapsed card again
        try term.pressControlD()
        let summary = try term.expect("Due tomorrow")
        #expect(try term.waitForExit() == 0)

        let stats = try sandbox.run(["stats", "--json"])
        let today = try #require((try JSONSerialization.jsonObject(with: stats.stdoutData) as? [String: Any])?["today"] as? [String: Any])
        let seconds = try #require(today["seconds"] as? Int)
        #expect(seconds >= 2)
        #expect(summary.contains("· \(seconds)s"), "stats says \(seconds)s; the summary:\n\(summary)")
    }
}
