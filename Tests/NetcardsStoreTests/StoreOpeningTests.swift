import Foundation
import Testing
import NetcardsCore
import NetcardsStore

@Suite("Opening a new store")
final class StoreOpeningTests {
    let folder: TemporaryFolder
    let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.path("netcards.sqlite")
    }

    @Test func aNewStoreIsAnSQLiteFile() throws {
        _ = try NetcardsStore(path: path)
        let header = try fileBytes(path).prefix(16)
        #expect(header == Data("SQLite format 3\0".utf8))
    }

    @Test func aNewStoreUsesWriteAheadLogging() throws {
        _ = try NetcardsStore(path: path)
        let bytes = try fileBytes(path)
        // Header bytes 18 and 19 (file format write/read version) are 2 for a WAL database.
        #expect(bytes[18] == 2 && bytes[19] == 2)
    }

    @Test(.enabled(if: SQLiteShell.isAvailable, "needs the sqlite3 command-line tool"))
    func sqliteReportsJournalModeWal() throws {
        _ = try NetcardsStore(path: path)
        #expect(try SQLiteShell.run(path, "PRAGMA journal_mode") == [["wal"]])
    }

    @Test(.enabled(if: SQLiteShell.isAvailable, "needs the sqlite3 command-line tool"))
    func aNewStoreHasEveryTableAndItsMigrationRecorded() throws {
        _ = try NetcardsStore(path: path)
        let tables = Set(try SQLiteShell.run(path, "SELECT name FROM sqlite_master WHERE type = 'table'").map { $0[0] })
        #expect(tables.isSuperset(of: ["module", "deck", "card", "review_log", "mastery", "mastery_history", "setting", "learner_answer", "lab"]))
        let migrations = try SQLiteShell.run(path, "SELECT identifier FROM grdb_migrations ORDER BY rowid").map { $0[0] }
        #expect(migrations == ["v1", "learner-accepted-answers", "fsrs-memory", "index-cards-by-table", "labs", "netcards-application-id", "index-card-memory"])
    }

    @Test func aNewStorePassesTheIntegrityCheck() throws {
        let store = try NetcardsStore(path: path)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func aNewStoreIsEmpty() throws {
        let store = try NetcardsStore(path: path)
        #expect(try store.cards().isEmpty)
        #expect(try store.deckSummaries(today: day1).isEmpty)
        #expect(try store.dueCount(onOrBefore: day1) == 0)
    }

    @Test func anEmptyFileBecomesANewStore() throws {
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try NetcardsStore(path: path)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func reopeningAStoreKeepsItsCardsAndProgress() throws {
        do {
            let store = try NetcardsStore(path: path)
            try store.load([networkingDeck()])
            try store.answer("net/ports/ssh/port", 5, on: day1)
        }
        let reopened = try NetcardsStore(path: path)
        #expect(try reopened.cards().count == 7)
        #expect(try reopened.state("net/ports/ssh/port").interval == 1)
    }

    @Test func reopeningAStoreDoesNotMakeABackup() throws {
        do { _ = try NetcardsStore(path: path) }
        _ = try NetcardsStore(path: path)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(!files.contains { $0.contains(".bak") })
    }

    @Test func settingsAreKept() throws {
        let store = try NetcardsStore(path: path)
        #expect(try store.setting("new-per-day") == nil)
        try store.setSetting("new-per-day", to: "15")
        try store.setSetting("new-per-day", to: "25")
        #expect(try NetcardsStore(path: path).setting("new-per-day") == "25")
    }

    @Test func aStoreInAFolderThatDoesNotExistCannotBeOpened() {
        expectStoreError(.cannotOpen) {
            _ = try NetcardsStore(path: folder.path("missing/folder/netcards.sqlite"))
        }
    }
}
