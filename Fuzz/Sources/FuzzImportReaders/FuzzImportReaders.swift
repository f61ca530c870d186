import Foundation
import NetcardsImport

/// libFuzzer entry point for `netcards import`'s text readers: the first byte picks the file name's extension
/// (.csv, .tsv, .txt — Anki's "Notes in Plain Text" or a CSV by its header — or .md), the rest is the file.
/// The importer reads files by path, as the command does, so each input is written to one scratch file.
/// Anki packages (.apkg) are not fuzzed here: zip content under these names is refused before unpacking.
private let scratch: String = {
    let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    return "\(folder)/netcards-fuzz-import-\(getpid())"
}()
private let extensions = ["csv", "tsv", "txt", "md"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImportReaders(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let path = "\(scratch).\(extensions[Int(bytes.first ?? 0) % extensions.count])"
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes.dropFirst())) else { return 0 }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let importer = DeckImporter(options: ImportOptions(maxUnpackedBytes: 1 << 20))
    do {
        let plan = try importer.read([path])
        precondition(plan.cardCount > 0, "an import without cards must be an error")
        for deck in plan.decks {
            var ids = Set<String>()
            for card in deck.definition.cards {
                precondition(ids.insert(card.id).inserted, "two cards share the id \(card.id)")
            }
        }
    } catch {
        precondition(!error.problems.isEmpty, "a failed import reported no problem")
        _ = error.description
    }
    return 0
}
