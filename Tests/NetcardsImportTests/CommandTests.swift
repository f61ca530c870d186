import Foundation
import NetcardsCLI
import NetcardsStore
import Testing

/// The commands themselves, parsed and run in-process on a temporary store.
@Suite struct CommandTests {
    private func run(_ arguments: [String]) throws {
        var command = try Netcards.parseAsRoot(arguments)
        try command.run()
    }

    @Test func exportRefusesToOverwrite() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let db = harness.folder.appendingPathComponent("cli.sqlite").path
        try run(["import", "--db", db, ImportHarness.fixture("cards.tsv")])
        let file = try harness.write("out.csv", "keep me")
        let error = #expect(throws: StoreError.self) { try run(["export", "--db", db, "--format", "csv", file]) }
        #expect(error?.description.contains("--force") == true)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
        try run(["export", "--db", db, "--format", "csv", "--force", file])
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("front,back,tags,deck,module\n"))
    }

    @Test func exportMarkdownNeedsOneDeck() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let db = harness.folder.appendingPathComponent("cli.sqlite").path
        try run(["import", "--db", db, ImportHarness.fixture("legacy.apkg")])
        let file = harness.folder.appendingPathComponent("deck.md").path
        #expect(throws: UserError.self) { try run(["export", "--db", db, "--format", "md", file]) }
        try run(["export", "--db", db, "--format", "md", "--deck", "networking-cloze", file])
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("Q: [...] is reliable, UDP is not {#guid-cloze-c1}"))
    }

    @Test func importErrorsAreUserErrors() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let db = harness.folder.appendingPathComponent("cli.sqlite").path
        let error = #expect(throws: UserError.self) { try run(["import", "--db", db, ImportHarness.fixture("bad.csv")]) }
        #expect(error?.message.contains("bad.csv:4:") == true)
        #expect(throws: (any Error).self) { try run(["import", "--db", db, "--deck", "Not Valid", ImportHarness.fixture("cards.csv")]) }
    }
}
