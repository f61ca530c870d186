import Foundation
import NetcardsCore
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

    @Test(arguments: ["legacy.apkg", "notes.txt", "cards.csv", "cards.tsv"])
    func markdown(_ name: String) throws {
        let source = try ImportHarness()
        defer { source.remove() }
        try source.importFixtures(name)
        let target = try ImportHarness()
        defer { target.remove() }
        var paths: [String] = []
        for summary in try source.store.deckSummaries(today: ImportHarness.today) {
            let cards = try source.store.cards(decks: [summary.deck])
            let text = MarkdownDeckWriter.text(deck: summary.deck, module: summary.module, title: summary.title, cards: cards)
            let path = try source.write("\(summary.deck).md", text)
            paths.append(path)
            let report = try target.importFiles([path])
            #expect(report.decks.map(\.added.count) == [cards.count])
            #expect(try target.store.cards(decks: [summary.deck]).map(Content.init) == cards.map(Content.init))
            #expect(try target.store.deckSummaries(today: ImportHarness.today).last?.title == summary.title)
        }
        // Importing the exported files over the original store adds and retires nothing and keeps all progress.
        let before = try source.store.cards()
        let report = try source.importFiles(paths)
        #expect(report.decks.allSatisfy { $0.added.isEmpty && $0.retired.isEmpty })
        let after = try source.store.cards()
        #expect(after.map(Content.init) == before.map(Content.init))
        #expect(after.map(\.state) == before.map(\.state))
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
        #expect(lines[2] == "networking-ports/guid-ssh,2026-01-15T09:00:00Z,2026-01-15,review,1,,15000,10,2.55,2,2.35")
    }
}
