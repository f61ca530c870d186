import Foundation
import NetcardsCore
import NetcardsImport
import NetcardsStore
import Testing

/// A file with any error changes nothing, and the message says which file, which line and what is wrong.
@Suite struct ErrorTests {
    /// Imports `names` over a store that already holds cards and a review, and expects it refused unchanged.
    private func expectRefused(_ names: [String], _ check: (String) -> Void) throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        try harness.importFixtures("cards.tsv")
        try harness.store.recordAnswer(AnswerInput(cardId: try harness.cards("cards")[0].id, grade: .good, kind: .review,
                                                   at: Date(timeIntervalSince1970: 1_769_936_400), today: ImportHarness.today))
        let before = try harness.snapshot()
        let error = #expect(throws: ImportError.self) {
            try harness.importFiles(names.map(ImportHarness.fixture))
        }
        check(error?.description ?? "")
        let after = try harness.snapshot()
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
    }

    @Test func unterminatedQuote() throws {
        try expectRefused(["bad.csv"]) { message in
            #expect(message.hasPrefix(ImportHarness.fixture("bad.csv") + ":4: record 3: "))
            #expect(message.contains("never closes"))
        }
    }

    @Test func missingFrontColumn() throws {
        try expectRefused(["bad-columns.csv"]) { message in
            #expect(message.hasPrefix(ImportHarness.fixture("bad-columns.csv") + ":1: "))
            #expect(message.contains("`question`"))
        }
    }

    @Test func oneBadFileRefusesTheOthersToo() throws {
        try expectRefused(["cards.csv", "legacy.apkg", "bad.csv"]) { message in
            #expect(message.contains("bad.csv:4:"))
        }
    }

    @Test func unreadableFileListsTheFormats() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let path = harness.folder.appendingPathComponent("picture.png").path
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: ImportError.self) { try harness.importFiles([path]) }
        let message = error?.description ?? ""
        #expect(message.hasPrefix(path + ": not a deck netcards can read"))
        for format in ImportFormat.allCases { #expect(message.contains(format.displayName)) }
    }

    @Test func rowErrorsNameTheirLines() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let path = try harness.write("rows.csv", "front,back\nssh port,22\nonly one field\n,empty front\nssh port,twice\n")
        let error = #expect(throws: ImportError.self) { try harness.importFiles([path]) }
        let lines = (error?.description ?? "").split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix(path + ":3: record 2 has 1 fields but the header has 2"))
        #expect(lines[1].hasPrefix(path + ":4: the front"))
        #expect(lines[2].hasPrefix(path + ":5: makes the card id") && lines[2].contains("as does line 2"))
    }

    @Test func textAfterClosingQuote() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let path = try harness.write("quote.csv", "front,back\n\"ssh\" port,22\n")
        let error = #expect(throws: ImportError.self) { try harness.importFiles([path]) }
        #expect(error?.description.hasPrefix(path + ":2: record 1: text follows the closing") == true)
    }

    @Test func markdownErrorsKeepTheirLines() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let path = try harness.write("bad.md", "---\ndeck: bad\nmodule: M\n---\n\nQ: no id here\nA: x\n")
        let error = #expect(throws: ImportError.self) { try harness.importFiles([path]) }
        #expect(error?.description.hasPrefix(path + ":6: a free card needs a permanent id") == true)
    }

    @Test func damagedPackage() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let path = try harness.write("broken.apkg", "PK\u{3}\u{4} not really a zip")
        let error = #expect(throws: ImportError.self) { try harness.importFiles([path]) }
        #expect(error?.description.hasPrefix(path + ": is not a zip archive") == true)
    }

    @Test func bundledDecksAreNotImportTargets() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let bundled = DeckDefinition(name: "protocols", module: "Ports", cards: [
            CardDefinition(id: "protocols/x", noteKey: "protocols/x", front: "q", answers: ["a"], mode: .typed)])
        try harness.store.load([DeckToLoad(bundled)], source: .bundled, today: ImportHarness.today)
        let plan = try DeckImporter(options: harness.options(deck: "protocols")).read([ImportHarness.fixture("cards.tsv")])
        let refused = DeckImporter.refusedTargets(plan, existing: try harness.store.deckSummaries(today: ImportHarness.today))
        #expect(refused.count == 1 && refused[0].contains("--deck"))
    }
}

/// The store refuses a card id that another deck already has, inside the import's transaction.
@Suite struct StoreRefusalTests {
    @Test func cardIdOfAnotherDeck() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        try harness.importFixtures("cards.tsv", options: harness.options(withHistory: true))
        let taken = try harness.cards("cards")[0].id
        let before = try harness.snapshot()
        let other = DeckDefinition(name: "other", module: "M", cards: [
            CardDefinition(id: "other/fine", noteKey: "other/fine", front: "q", answers: ["a"], mode: .typed),
            CardDefinition(id: taken, noteKey: taken, front: "q2", answers: ["a2"], mode: .typed)])
        let error = #expect(throws: StoreError.self) {
            try harness.store.loadImport([DeckToLoad(other)], history: [], today: ImportHarness.today)
        }
        #expect(error?.description.contains("already belongs to another deck") == true)
        let after = try harness.snapshot()
        #expect(after.0 == before.0 && after.1 == before.1)
        #expect(try harness.store.deckSummaries(today: ImportHarness.today).map(\.deck) == ["cards"])
    }
}
