import Foundation
import Testing
import NetcardsCore
import NetcardsStore

@Suite("Backups")
final class BackupTests {
    let folder: TemporaryFolder
    let store: NetcardsStore

    init() throws {
        folder = try TemporaryFolder()
        store = try NetcardsStore(path: folder.path("netcards.sqlite"))
        try store.load([networkingDeck(), cloudDeck])
        try store.answer("net/ports/ssh/port", 4, on: day1)
    }

    @Test func aBackupIsAStoreWithTheSameCardsAndProgress() throws {
        let copyPath = folder.path("backup.sqlite")
        try store.backup(to: copyPath)
        let copy = try NetcardsStore(path: copyPath)
        #expect(try copy.integrityCheck() == "ok")
        #expect(try copy.cards(includeRetired: true) == store.cards(includeRetired: true))
        #expect(try copy.moduleMastery() == store.moduleMastery())
        #expect(try copy.currentStreak(today: day1) == 1)
    }

    @Test func aBackupDoesNotChangeTheStore() throws {
        let before = try store.cards(includeRetired: true)
        try store.backup(to: folder.path("backup.sqlite"))
        try store.answer("net/ports/dns/port", 4, on: day1)
        #expect(try store.cards(includeRetired: true) != before, "the store is still writable after a backup")
        #expect(try NetcardsStore(path: folder.path("backup.sqlite")).state("net/ports/dns/port") == .new,
                "later answers don't reach the backup")
    }

    @Test func aBackupNeverOverwritesAnExistingFile() throws {
        let existing = folder.path("important.sqlite")
        let content = Data("do not overwrite me".utf8)
        #expect(FileManager.default.createFile(atPath: existing, contents: content))
        expectStoreError(.invalidInput) { try store.backup(to: existing) }
        #expect(try fileBytes(existing) == content)
    }

    @Test func aSecondBackupToTheSamePathIsRefused() throws {
        let copyPath = folder.path("backup.sqlite")
        try store.backup(to: copyPath)
        let first = try fileBytes(copyPath)
        expectStoreError(.invalidInput) { try store.backup(to: copyPath) }
        #expect(try fileBytes(copyPath) == first)
    }
}
