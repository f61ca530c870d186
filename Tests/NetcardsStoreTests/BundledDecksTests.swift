import DeckHashing
import Foundation
import Testing
import NetcardsCore
import NetcardsDecks
import NetcardsStore

/// The decks compiled into the binary are exactly Decks/, and they load into a store.
@Suite("Bundled decks in the binary")
final class BundledDecksTests {
    static let decksFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Decks")

    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    @Test func theEmbeddedDecksAreTheFilesOfTheDecksFolder() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.decksFolder.path)
            .filter { $0.hasSuffix(".md") }.sorted()
        #expect(BundledDecks.files.map(\.name).sorted() == names)
        for file in BundledDecks.files {
            let onDisk = try String(contentsOf: Self.decksFolder.appendingPathComponent(file.name), encoding: .utf8)
            #expect(file.text == onDisk, "\(file.name) in the binary differs from Decks/\(file.name)")
        }
    }

    /// What the binary recorded when it was built is what netcards compares with the store on every command: a
    /// wrong name or hash would reload a deck on every run, or never reload an edited one.
    @Test func eachEmbeddedDeckCarriesItsNameAndTheHashOfItsFile() throws {
        for file in BundledDecks.files {
            let onDisk = try String(contentsOf: Self.decksFolder.appendingPathComponent(file.name), encoding: .utf8)
            #expect(file.deck == (try DeckParser.parse(onDisk, file: file.name)).name, "\(file.name)")
            #expect(file.contentHash == ContentHash.of(onDisk), "\(file.name)")
        }
    }

    @Test func everyEmbeddedDeckLoadsIntoANewStore() throws {
        let decks = try BundledDecks.files.map { try DeckParser.parse($0.text, file: "Decks/\($0.name)") }
        let store = try NetcardsStore(path: folder.path("netcards.sqlite"))
        let reports = try store.load(decks.map { DeckToLoad($0) }, source: .bundled, today: day1)
        let total = decks.map(\.cards.count).reduce(0, +)
        #expect(reports.map(\.added.count).reduce(0, +) == total)
        #expect(try store.cards().count == total)
        #expect(try store.moduleMastery().count == 5)
        #expect(try store.moduleMastery().map(\.total).reduce(0, +) == total)
    }
}
