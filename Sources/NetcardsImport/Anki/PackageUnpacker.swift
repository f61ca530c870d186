import Foundation
import ZIPFoundation

/// Takes the collection (an SQLite file) out of an Anki package into a private folder, and nothing else.
/// Every entry name is checked before anything is unpacked (no `..`, no absolute paths, no links), and the
/// bytes actually unpacked are counted against a limit, whatever sizes the zip claims (zip bombs).
struct PackageUnpacker {
    let file: String
    let budget: ByteBudget

    init(file: String, limit: UInt64) {
        self.file = file
        budget = ByteBudget(file: file, limit: limit)
    }

    /// The collection of the package at `url`, written as `folder/collection.sqlite`.
    func unpackCollection(from url: URL, into folder: URL) throws(ImportError) -> URL {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw ImportError(file: file, nil, "is not a zip archive, so not an Anki package — export it again from Anki (File ▸ Export, .apkg)")
        }
        let entries = Array(archive)
        try check(entries)
        let member = try collectionMember(in: archive, entries)
        let destination = folder.appendingPathComponent("collection.sqlite")
        guard FileManager.default.createFile(atPath: destination.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: destination) else {
            throw ImportError(file: file, nil, "could not write to the temporary folder \(folder.path) — check TMPDIR and the free space")
        }
        defer { try? handle.close() }
        do {
            if member.compressed {
                let zstd = try ZstdStream()
                try extract(member.entry, from: archive) { chunk in
                    try zstd.feed(chunk) { bytes in try write(bytes, to: handle) }
                }
                try zstd.finish()
            } else {
                try extract(member.entry, from: archive) { chunk in
                    try chunk.withUnsafeBytes { bytes in try write(bytes, to: handle) }
                }
            }
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError(file: file, nil, "the package's \(member.entry.path) could not be unpacked (\(error)) — the file is damaged; export it again from Anki")
        }
        return destination
    }

    /// Refuses the whole package if any entry could land outside the folder, is a link, or claims too much.
    private func check(_ entries: [Entry]) throws(ImportError) {
        var declared: UInt64 = 0
        for entry in entries {
            let path = entry.path
            let parts = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
            if path.hasPrefix("/") || path.hasPrefix("\\") || parts.contains("..") || path.contains(":") {
                throw ImportError(file: file, nil,
                    "refused: the package holds an entry named `\(path)`, which points outside the package — Anki never writes such names; nothing was unpacked")
            }
            if entry.type == .symlink {
                throw ImportError(file: file, nil, "refused: the package holds a link (`\(path)`) — Anki never writes links; nothing was unpacked")
            }
            declared += entry.uncompressedSize
        }
        if declared > budget.limit {
            throw ImportError(file: file, nil, "refused: the package would unpack to \(declared / 1_048_576) MB, over the \(budget.limit / 1_048_576) MB limit; nothing was unpacked")
        }
    }

    private struct Member {
        var entry: Entry
        var compressed: Bool
    }

    /// `meta` says which collection to read: version 3 → `collection.anki21b` (zstd); otherwise the newest
    /// legacy one (`collection.anki21`, then `collection.anki2`).
    private func collectionMember(in archive: Archive, _ entries: [Entry]) throws(ImportError) -> Member {
        func entry(_ name: String) -> Entry? { entries.first { $0.path == name } }
        var version: UInt64?
        if let meta = entry("meta") {
            var bytes: [UInt8] = []
            do {
                try extract(meta, from: archive) { chunk in
                    try budget.spend(chunk.count)
                    bytes += chunk
                }
            } catch {
                throw ImportError(file: file, nil, "the package's `meta` could not be read (\(error)) — the file is damaged")
            }
            version = Protobuf.varint(field: 1, in: bytes)
        }
        if version.map({ $0 >= 3 }) ?? true, let modern = entry("collection.anki21b") {
            return Member(entry: modern, compressed: true)
        }
        if let legacy = entry("collection.anki21") ?? entry("collection.anki2") {
            return Member(entry: legacy, compressed: false)
        }
        throw ImportError(file: file, nil,
            "is a zip but holds no Anki collection (collection.anki21b, collection.anki21 or collection.anki2) — is it an Anki package?")
    }

    private func extract(_ entry: Entry, from archive: Archive, _ consumer: (Data) throws -> Void) throws {
        _ = try archive.extract(entry, skipCRC32: false, consumer: consumer)
    }

    private func write(_ bytes: UnsafeRawBufferPointer, to handle: FileHandle) throws {
        try budget.spend(bytes.count)
        try handle.write(contentsOf: Data(bytes))
    }
}

/// The bytes an Anki package may unpack to, counted as they are written.
final class ByteBudget {
    let file: String
    let limit: UInt64
    private var used: UInt64 = 0

    init(file: String, limit: UInt64) {
        self.file = file
        self.limit = limit
    }

    func spend(_ count: Int) throws(ImportError) {
        used += UInt64(count)
        if used > limit {
            throw ImportError(file: file, nil,
                "refused: the package unpacks to more than \(limit / 1_048_576) MB (a zip bomb, or not a deck) — nothing was imported")
        }
    }
}
