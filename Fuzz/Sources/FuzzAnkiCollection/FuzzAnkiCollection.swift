import Foundation
import GRDB
import NetcardsCore
import NetcardsImport
import ZIPFoundation

/// libFuzzer entry point for the Anki collection reader with hostile SQLite values. Each input is a list of
/// edits to a copy of the collection in Tests/Fixtures/import/legacy-history.apkg (every table re-created with
/// untyped columns, so a cell can hold anything): each edit picks a table, a row and a column and writes NULL,
/// an integer (2^62, Int64.min, … or 8 bytes of the input), a real, text or a blob there — or repeats or drops
/// a row. The collection is then read by `DeckImporter.readUnpackedAnkiCollection`, the code
/// `netcards import --with-history` runs on a package once it is unpacked (header check, collection reader,
/// history conversion and its clamps, deck assembly). The zip layer around it is not fuzzed here: zipping and
/// unzipping every input cost most of the time, and the unpacker has its own tests (zip bombs, traversal,
/// damaged archives). Nothing per input goes through Foundation's file APIs, which leak on Linux.
private let scratch: URL = {
    let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let url = URL(fileURLWithPath: folder).appendingPathComponent("netcards-fuzz-anki-\(getpid())", isDirectory: true)
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: scratch) }
    return url
}()
private let tables = ["notes", "cards", "revlog", "col"]
/// The fixture's collection with every table loosened: the bytes every input starts from.
private let template: [UInt8] = {
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "../../../Tests/Fixtures/import/legacy-history.apkg").standardizedFileURL
    let archive = try! Archive(url: fixture, accessMode: .read)
    var bytes = Data()
    _ = try! archive.extract(archive["collection.anki2"]!) { bytes.append($0) }
    let path = scratch.appendingPathComponent("template.sqlite")
    try! bytes.write(to: path)
    let queue = try! DatabaseQueue(path: path.path)
    try! queue.writeWithoutTransaction { db in
        for table in tables {
            let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
            try db.execute(sql: """
                ALTER TABLE \(table) RENAME TO \(table)_strict;
                CREATE TABLE \(table) (\(columns.joined(separator: ", ")));
                INSERT INTO \(table) SELECT * FROM \(table)_strict;
                DROP TABLE \(table)_strict;
                """)
        }
        try db.execute(sql: "VACUUM")
    }
    try! queue.close()
    return [UInt8](try! Data(contentsOf: path))
}()
private let columns: [String: [String]] = {
    let path = scratch.appendingPathComponent("columns.sqlite")
    overwrite(path.path, with: template)
    let queue = try! DatabaseQueue(path: path.path)
    return try! queue.read { db in
        Dictionary(uniqueKeysWithValues: try tables.map { table in
            (table, try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]))
        })
    }
}()
private let specialIntegers: [Int64] = [0, 1, -1, 2, 3, 4, 1 << 62, .max, .min, 1_000_000_000, 1_767_225_600_000,
                                        1_893_488_400_000, -600, 36_501, 1300, 999_999_999_999_999]

/// Reads the input a byte at a time; past its end every read is 0.
private struct Input {
    var bytes: ArraySlice<UInt8>
    var isEmpty: Bool { bytes.isEmpty }
    mutating func byte() -> UInt8 { bytes.popFirst() ?? 0 }
    mutating func int64() -> Int64 { (0..<8).reduce(0) { value, _ in value << 8 | Int64(byte()) } }
    mutating func chunk() -> [UInt8] { (0..<Int(byte() % 24)).map { _ in byte() } }
}

private func applyEdits(_ input: inout Input, to db: Database) throws {
    var edits = 0
    while !input.isEmpty, edits < 16 {
        edits += 1
        let table = tables[Int(input.byte()) % tables.count]
        let names = columns[table]!
        let rowCount = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM \(table)")) ?? 0
        let kind = input.byte()
        let row = rowCount == 0 ? 0 : Int(input.byte()) % rowCount
        let rowid = try Int64.fetchOne(db.cachedStatement(sql: "SELECT rowid FROM \(table) ORDER BY rowid LIMIT 1 OFFSET ?"),
                                       arguments: [row])
        guard let rowid else { continue }
        switch kind % 16 {
        case 14:
            try db.execute(sql: "INSERT INTO \(table) SELECT * FROM \(table) WHERE rowid = ?", arguments: [rowid])
            continue
        case 15:
            try db.execute(sql: "DELETE FROM \(table) WHERE rowid = ?", arguments: [rowid])
            continue
        default: break
        }
        let column = names[Int(input.byte()) % names.count]
        let value: DatabaseValue
        switch kind % 16 {
        case 0, 1: value = .null
        case 2, 3, 4: value = specialIntegers[Int(input.byte()) % specialIntegers.count].databaseValue
        case 5, 6: value = input.int64().databaseValue
        case 7: value = Double(bitPattern: UInt64(bitPattern: input.int64())).databaseValue
        case 8: value = [1.5, -0.5, 1e300, -1e300, .infinity, 2350.0][Int(input.byte()) % 6].databaseValue
        case 9, 10: value = String(decoding: input.chunk(), as: UTF8.self).databaseValue
        case 11: value = Data(input.chunk()).databaseValue
        case 12: value = ["", "12", "abc", "\u{1F}", "{}", "{\"1\": {\"name\": 5}}", " ports "][Int(input.byte()) % 7].databaseValue
        default: value = (Int64(input.byte()) - 128).databaseValue
        }
        try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE rowid = ?", arguments: [value, rowid])
    }
}

/// Replaces the file's content with `bytes` (plain system calls: no Foundation object per input).
private func overwrite(_ path: String, with bytes: [UInt8]) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(fd >= 0, "could not write \(path): errno \(errno)")
    defer { close(fd) }
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    precondition(written == bytes.count, "short write to \(path)")
}

private let collection = scratch.appendingPathComponent("collection.anki2").path
/// The edits are one transaction with its journal in memory: the file is thrown away after the input anyway.
private let editing: Configuration = {
    var configuration = Configuration()
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF") }
    return configuration
}()
private let utc = TimeZone(identifier: "UTC")!
private let now = Date(timeIntervalSince1970: 1_769_947_200)  // 2026-02-01T12:00:00Z
private let today = StudyDay(now, dayStartHour: 4, timeZone: utc)
// libFuzzer calls the target from one thread.
nonisolated(unsafe) private let importer = DeckImporter(options: ImportOptions(withHistory: true, dayStartHour: 4, timeZone: utc, now: now,
                                                           temporaryDirectory: scratch, maxUnpackedBytes: 1 << 22))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnkiCollection(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = Input(bytes: data.map { Array(UnsafeBufferPointer(start: $0, count: size)) }?[...] ?? [])
    overwrite(collection, with: template)
    do {
        let queue = try DatabaseQueue(path: collection, configuration: editing)
        try queue.write { db in try applyEdits(&input, to: db) }
        try queue.close()
    } catch {
        fatalError("could not build the input collection: \(error)")
    }
    do {
        let plan = try importer.readUnpackedAnkiCollection(collection)
        precondition(plan.cardCount > 0, "an import without cards must be an error")
        for history in plan.history {
            if let state = history.state {
                precondition((0...maximumIntervalDays).contains(state.interval), "interval \(state.interval) out of range")
                precondition((SM2.minimumEase...10).contains(state.ease), "ease \(state.ease) out of range")
                precondition(state.due.map { $0 <= today.adding(days: maximumIntervalDays) } ?? true, "due too late")
                // The grade that used to trap on a 2^62 interval.
                _ = SM2.schedule(state, grade: .easy, today: today)
            }
            for review in history.reviews {
                precondition(review.day <= today.adding(days: 1), "a review after tomorrow was let in")
                precondition((0...3_600_000).contains(review.durationMs ?? 0), "duration out of range")
                precondition((0...maximumIntervalDays).contains(review.intervalAfter), "interval out of range")
            }
        }
    } catch {
        precondition(!error.problems.isEmpty, "a failed import reported no problem")
        _ = error.description
    }
    return 0
}
