import Foundation
import NetcardsImport
import NetcardsStore
import Testing
import ZIPFoundation

/// A package is unpacked only into a private temporary folder, never by the names its entries give.
@Suite struct PackageSafetyTests {
    private func package(at url: URL, entries: [(String, Data)]) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (name, data) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    @Test(arguments: ["../x", "/tmp/netcards-escape-x", "media/../../x"])
    func entryOutsideThePackageIsRefused(_ name: String) throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let legacy = try Data(contentsOf: URL(fileURLWithPath: ImportHarness.fixture("legacy.apkg")))
        let collection = try #require(try Archive(data: legacy, accessMode: .read)["collection.anki2"])
        var collectionData = Data()
        _ = try Archive(data: legacy, accessMode: .read).extract(collection) { collectionData.append($0) }
        let scratch = harness.folder.appendingPathComponent("scratch/inner", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let url = harness.folder.appendingPathComponent("evil.apkg")
        try package(at: url, entries: [("collection.anki2", collectionData), (name, Data("escaped".utf8))])
        let before = try harness.snapshot()

        var options = harness.options()
        options.temporaryDirectory = scratch
        let error = #expect(throws: ImportError.self) {
            let plan = try DeckImporter(options: options).read([url.path])
            try harness.store.loadImport(plan.decks, history: plan.history, today: ImportHarness.today)
        }
        #expect(error?.description.contains("refused") == true)
        #expect(error?.description.contains(name) == true)
        // Nothing landed beside the scratch folder or above it, and the scratch folder was cleaned up.
        for folder in [scratch, scratch.deletingLastPathComponent(), harness.folder] {
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path))
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/netcards-escape-x"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
        let after = try harness.snapshot()
        #expect(after.0 == before.0 && after.1 == before.1)
    }

    @Test func unpackingIsCappedWhateverTheZipClaims() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        var options = harness.options()
        options.maxUnpackedBytes = 16 * 1024  // legacy.apkg's collection is 57,344 bytes
        let error = #expect(throws: ImportError.self) {
            _ = try DeckImporter(options: options).read([ImportHarness.fixture("legacy.apkg")])
        }
        #expect(error?.description.contains("refused") == true)
        options.maxUnpackedBytes = 16 * 1024 * 1024
        _ = try DeckImporter(options: options).read([ImportHarness.fixture("modern.apkg")])
    }

    @Test func zstdCollectionOverTheCapIsRefused() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        var options = harness.options()
        options.maxUnpackedBytes = 64 * 1024  // modern.apkg's collection decompresses to 139,264 bytes
        let error = #expect(throws: ImportError.self) {
            _ = try DeckImporter(options: options).read([ImportHarness.fixture("modern.apkg")])
        }
        #expect(error?.description.contains("refused") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: harness.folder.path).filter { $0.hasPrefix("netcards-import-") }.isEmpty)
    }
}
