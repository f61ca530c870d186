#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import NetcardsCore
import NetcardsStore

/// netcards marks its stores with its own application_id, and looks at a file without changing it before
/// deciding to open it: another program's database, or a store it could not write, is refused untouched.
@Suite("What netcards checks before it opens a file")
final class StoreFileTests {
    let folder: TemporaryFolder
    let path: String
    /// "NCRD" read as a big-endian 32-bit number, as SQLite stores the id in the header.
    let netcardsId = "NCRD".utf8.reduce(0) { $0 << 8 | Int($1) }

    init() throws {
        folder = try TemporaryFolder()
        path = folder.path("netcards.sqlite")
    }

    func namesInFolder() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() }

    @Test(.enabled(if: SQLiteShell.isAvailable, "needs the sqlite3 command-line tool"))
    func aNewStoreCarriesNetcardsApplicationId() throws {
        _ = try NetcardsStore(path: path)
        #expect(try SQLiteShell.run(path, "PRAGMA application_id") == [["\(netcardsId)"]])
    }

    @Test(.enabled(if: SQLiteShell.isAvailable, "needs the sqlite3 command-line tool to forge an older store"))
    func migratingAStoreWithoutTheIdSetsIt() throws {
        do { _ = try NetcardsStore(path: path) }
        try SQLiteShell.run(path, "PRAGMA application_id = 0; DELETE FROM grdb_migrations WHERE identifier = 'netcards-application-id'")
        _ = try NetcardsStore(path: path)
        #expect(try SQLiteShell.run(path, "PRAGMA application_id") == [["\(netcardsId)"]])
    }

    @Test(.enabled(if: SQLiteShell.isAvailable, "needs the sqlite3 command-line tool"))
    func anEmptyDatabaseOfAnotherProgramIsRefusedUntouched() throws {
        // GeoPackage's id, "GPKG": an empty file of another program is still not ours to adopt.
        try SQLiteShell.run(path, "PRAGMA application_id = 1196444487")
        let before = try fileBytes(path)
        expectStoreError(.notADatabase) { _ = try NetcardsStore(path: path) }
        #expect(try fileBytes(path) == before)
        #expect(try namesInFolder() == ["netcards.sqlite"])
    }

    @Test(.enabled(if: SQLiteShell.isAvailable, "needs the sqlite3 command-line tool"))
    func anotherProgramsWalDatabaseGetsNoFilesBesideIt() throws {
        try SQLiteShell.run(path, "PRAGMA journal_mode = WAL; CREATE TABLE recipe(name TEXT); INSERT INTO recipe VALUES ('bread')")
        #expect(try namesInFolder() == ["netcards.sqlite"], "sqlite3 cleaned up as it closed")
        let before = try fileBytes(path)
        expectStoreError(.notADatabase) { _ = try NetcardsStore(path: path) }
        #expect(try namesInFolder() == ["netcards.sqlite"], "no -wal or -shm left beside another program's file")
        #expect(try fileBytes(path) == before)
    }

    @Test func aReadOnlyStoreIsRefusedBeforeSQLiteOpensIt() throws {
        do { _ = try NetcardsStore(path: path) }
        #expect(try namesInFolder() == ["netcards.sqlite"])
        #expect(chmod(path, 0o444) == 0)
        do {
            _ = try NetcardsStore(path: path)
            Issue.record("a read-only store was opened")
        } catch {
            #expect(error.description.contains(path) && error.description.contains("read-only"), "\(error)")
        }
        #expect(try namesInFolder() == ["netcards.sqlite"], "no -shm with the store's read-only mode left behind")
        #expect(chmod(path, 0o644) == 0)
        _ = try NetcardsStore(path: path)
    }
}
