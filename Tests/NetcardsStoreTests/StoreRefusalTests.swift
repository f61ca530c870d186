import Foundation
import Testing
import NetcardsCore
import NetcardsStore

/// Files netcards must not touch: it refuses them and leaves every byte as it was.
@Suite("Refusing files that are not this version's store")
final class StoreRefusalTests {
    let folder: TemporaryFolder
    let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.path("netcards.sqlite")
    }

    @Test(.enabled(if: SQLiteShell.isAvailable, "needs the sqlite3 command-line tool to forge a newer schema"))
    func aStoreFromANewerNetcardsIsRefusedAndLeftUntouched() throws {
        do {
            let store = try NetcardsStore(path: path)
            try store.load([networkingDeck()])
        }
        try SQLiteShell.run(path, "INSERT INTO grdb_migrations(identifier) VALUES ('v999')")
        let before = try fileBytes(path)
        let contentBefore = try SQLiteShell.run(path, ".dump")

        expectStoreError(.newerStore) { _ = try NetcardsStore(path: path) }

        #expect(try SQLiteShell.run(path, ".dump") == contentBefore, "no row or table of the newer store changed")
        #expect(try fileBytes(path) == before, "the newer store's bytes are untouched")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(!files.contains { $0.contains(".bak") }, "no backup is written for a store we refuse")
    }

    @Test func aTextFileIsNotADatabaseAndIsLeftUntouched() throws {
        let notes = Data("my notes about ports\n22 ssh\n53 dns\n".utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: notes))

        expectStoreError(.notADatabase) { _ = try NetcardsStore(path: path) }

        #expect(try fileBytes(path) == notes)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aDamagedSQLiteFileIsRefusedAndLeftUntouched() throws {
        var damaged = Data("SQLite format 3\0".utf8)
        damaged.append(Data((0..<8176).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }))
        #expect(FileManager.default.createFile(atPath: path, contents: damaged))

        expectStoreError(.notADatabase) { _ = try NetcardsStore(path: path) }

        #expect(try fileBytes(path) == damaged)
    }
}
