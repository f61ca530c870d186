import Foundation
import NetcardsCore
import NetcardsImport
import Testing
import ZIPFoundation

/// `DeckImporter.readUnpackedAnkiCollection` (the fuzz target's way in) reads a collection file as the package
/// around it is read once unzipped: the same bad values refused on the same notes, the same history carried.
@Suite struct UnpackedAnkiCollectionTests {
    private func unpacked(_ fixture: String, into harness: ImportHarness) throws -> String {
        let archive = try Archive(url: URL(fileURLWithPath: ImportHarness.fixture(fixture)), accessMode: .read)
        let entry = try #require(archive["collection.anki2"])
        let destination = harness.folder.appendingPathComponent("\(fixture).anki2")
        _ = try archive.extract(entry, to: destination)
        return destination.path
    }

    @Test func badValuesAreRefusedOnTheirNotes() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let collection = try unpacked("bad-values.apkg", into: harness)
        let error = try #require(throws: ImportError.self) {
            try DeckImporter(options: harness.options(withHistory: true)).readUnpackedAnkiCollection(collection)
        }
        #expect(error.problems.map(\.location) == [.note(1_767_225_600_000), .note(1_767_225_600_000), .note(1_767_225_600_002),
                                                   .note(1_767_225_600_004), .note(1_767_225_600_006)])
        #expect(error.problems.allSatisfy { $0.file == collection })
        #expect(error.problems[0].message.contains("`flds` is NULL"))
    }

    /// The "ssh port" card of legacy-history.apkg (Tests/Fixtures/import/README.md): 12 days, due 2026-02-03,
    /// 4 reviews taking 34 s in all; the package's other 4 cards are new.
    @Test func theHistoryIsCarriedAsFromThePackage() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let collection = try unpacked("legacy-history.apkg", into: harness)
        let plan = try DeckImporter(options: harness.options(withHistory: true)).readUnpackedAnkiCollection(collection)
        #expect(plan.cardCount == 5)
        let reviewed = plan.history.filter { $0.state != nil }
        try #require(reviewed.count == 1)
        #expect(reviewed[0].state?.interval == 12)
        #expect(reviewed[0].state?.due == StudyDay(year: 2026, month: 2, day: 3))
        #expect(reviewed[0].reviews.count == 4)
        #expect(reviewed[0].reviews.compactMap(\.durationMs).reduce(0, +) == 34_000)
    }
}
