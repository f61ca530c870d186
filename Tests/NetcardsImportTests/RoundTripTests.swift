import Foundation
import NetcardsCore
import NetcardsDecks
import NetcardsImport
import NetcardsStore
import Testing

/// export → import gives back the same cards.
@Suite struct RoundTripTests {
    /// What a card is, apart from its progress, its position and its siblings: a free card is its own note in
    /// Markdown, so the cards of one Anki cloze note come back as separate notes.
    struct Content: Hashable {
        var id, deck, module, front, back: String
        var answers, tags: [String]
        var mode: AnswerMode
        init(_ card: CardRecord) {
            (id, deck, module, front, back) = (card.id, card.deck, card.module, card.front, card.back)
            (answers, tags, mode) = (card.answers, card.tags, card.mode)
        }
    }

    /// Every fixture that imports: each of its cards comes back from Markdown exactly.
    @Test(arguments: ["legacy.apkg", "legacy-history.apkg", "modern.apkg", "notes.txt", "notes-full.txt", "cards.csv",
                      "cards.tsv", "huge-schedule.apkg"])
    func markdown(_ name: String) throws {
        let source = try ImportHarness()
        defer { source.remove() }
        try source.importFixtures(name, options: source.options(withHistory: true))
        try expectMarkdownRoundTrip(source)
    }

    /// Every bundled deck, table cards (ids `DECK/TABLE/ROW/TEMPLATE`) included.
    @Test func markdownOfTheBundledDecks() throws {
        let source = try ImportHarness()
        defer { source.remove() }
        let decks = try BundledDecks.files.map { try DeckParser.parse($0.text, file: $0.name) }
        try source.store.load(decks.map { DeckToLoad($0) }, source: .imported, today: ImportHarness.today)
        #expect(try source.store.cards().count == decks.map(\.cards.count).reduce(0, +))
        try expectMarkdownRoundTrip(source)
    }

    /// What Markdown export used to lose: a front of several lines, a typed answer holding ` | `, backslashes.
    @Test func markdownKeepsLinesPipesAndBackslashes() throws {
        let source = try ImportHarness()
        defer { source.remove() }
        let path = try source.write("tricky.csv", #"""
            front,back
            "Which command lists listening sockets?
            (show the numeric ports)",ss -ltn
            Which separator does this deck use between alternatives?,x | y | z
            Which path?,C:\Windows\ | a\|b \\
            Rows of a pipe table?,"| a | b |
            |---|---|"

            """#)
        try source.importFiles([path])
        let cards = try source.store.cards()
        #expect(cards.map(\.front)[0] == "Which command lists listening sockets?\n(show the numeric ports)")
        #expect(cards.map(\.answers) == [["ss -ltn"], ["x | y | z"], [#"C:\Windows\ | a\|b \\"#], ["| a | b |\n|---|---|"]])
        try expectMarkdownRoundTrip(source)
    }

    /// Exports every deck of `source` as Markdown, imports the files into a new store and compares every card;
    /// then imports them over `source` itself, which must add and retire nothing and keep all progress (a card
    /// may count as changed: a free card is its own note, so siblings of a table row or a cloze note part).
    private func expectMarkdownRoundTrip(_ source: ImportHarness, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let target = try ImportHarness()
        defer { target.remove() }
        var paths: [String] = []
        for summary in try source.store.deckSummaries(today: ImportHarness.today) {
            let cards = try source.store.cards(decks: [summary.deck])
            let text = MarkdownDeckWriter.text(deck: summary.deck, module: summary.module, title: summary.title, cards: cards)
            let path = try source.write("\(summary.deck).md", text)
            paths.append(path)
            let report = try target.importFiles([path])
            #expect(report.decks.map(\.added.count) == [cards.count], sourceLocation: sourceLocation)
            let back = try target.store.cards(decks: [summary.deck]).map(Content.init)
            #expect(back == cards.map(Content.init), "\(summary.deck)", sourceLocation: sourceLocation)
            #expect(try target.store.deckSummaries(today: ImportHarness.today).last?.title == summary.title,
                    sourceLocation: sourceLocation)
        }
        let before = try source.store.cards()
        let report = try source.importFiles(paths)
        #expect(report.decks.allSatisfy { $0.added.isEmpty && $0.retired.isEmpty }, sourceLocation: sourceLocation)
        let after = try source.store.cards()
        #expect(after.map(Content.init) == before.map(Content.init), sourceLocation: sourceLocation)
        #expect(after.map(\.memory) == before.map(\.memory), sourceLocation: sourceLocation)
    }

    @Test func csv() throws {
        let source = try ImportHarness()
        defer { source.remove() }
        try source.importFixtures("cards.csv")
        let cards = try source.store.cards()
        let path = try source.write("export.csv", try CSVDeckWriter.text(cards: cards))
        let target = try ImportHarness()
        defer { target.remove() }
        try target.importFiles([path])
        #expect(try target.store.cards().map(Content.init) == cards.map(Content.init))
    }

    @Test func reviewLog() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        try harness.importFixtures("modern.apkg", options: harness.options(withHistory: true))
        let text = try ReviewLogWriter.text(entries: try harness.store.reviewLog())
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == ReviewLogWriter.header.joined(separator: ","))
        #expect(lines.count == 5)
        #expect(lines[2] == "networking-ports/guid-ssh,2026-01-15T09:00:00Z,2026-01-15,review,1,,,15000,10,2.55,2,2.35")
    }
}
