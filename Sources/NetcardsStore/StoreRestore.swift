import Foundation
import GRDB

/// Puts a backup in the store's place, after checking it is a sound netcards store and saving the current store
/// aside (never deleting it).
public enum StoreRestore {
    /// A backup's cards (not retired), read without touching the file; nil when it cannot be read.
    public static func cardCount(_ backup: String) -> Int? {
        try? StoreFile.peek(backup) { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM card WHERE retired = 0") }
    }

    /// Refuses a file that is not a whole, sound netcards store this version can open.
    public static func check(_ backup: String) throws(StoreError) {
        guard FileManager.default.fileExists(atPath: backup) else {
            throw StoreError(.notFound, "\(backup) does not exist — `netcards restore` lists the backups")
        }
        try StoreFile.checkHeader(backup)
        let seen: (integrity: String, applied: Int, superseded: Bool)
        do {
            seen = try StoreFile.peek(backup) { db in
                (try String.fetchAll(db, sql: "PRAGMA integrity_check(5)").joined(separator: "; "),
                 try Schema.migrator.appliedIdentifiers(db).count,
                 try Schema.migrator.hasBeenSuperseded(db))
            }
        } catch {
            throw StoreError(.damaged, "\(backup) cannot be read as a netcards store (\(error)) — choose another backup; nothing was changed")
        }
        if seen.integrity != "ok" {
            throw StoreError(.damaged, "\(backup) is damaged (integrity check: \(seen.integrity)) — choose another backup; nothing was changed")
        }
        if seen.applied == 0 {
            throw StoreError(.notADatabase, "\(backup) is not a netcards store — choose one of the backups `netcards restore` lists; nothing was changed")
        }
        if seen.superseded {
            throw StoreError(.newerStore, "\(backup) was written by a newer netcards — upgrade netcards to restore it; nothing was changed")
        }
    }

    /// Checks `backup`, then replaces the store at `store` with a copy of it; the store it replaces (with its
    /// write-ahead log) is renamed to the returned path, or nil when there was none. Refused while any process
    /// has the store open (StoreClaim): before the copy, and again once it is made, the claim then held until the
    /// copy is in the store's place — a netcards started during the copy is found then, not swapped under.
    public static func restore(_ backup: String, to store: String, savedAsideAt aside: String) throws(StoreError) -> String? {
        try check(backup)
        try StoreClaim(store).release()
        var claim: StoreClaim?
        defer { claim?.release() }
        let fileManager = FileManager.default
        var saved: String?
        var walSavedAside = false
        do {
            try SafeFile.write(to: .path(store), overwrite: true) { temp in
                let copy = try DatabaseQueue(path: temp)
                try StoreFile.peek(backup) { source in
                    try copy.writeWithoutTransaction { destination in try source.backup(to: destination) }
                }
                try copy.close()
                // The copy is whole: only now take the store and save it (and its log) aside. A second name, not a
                // move, so the store's path never goes missing: SafeFile's rename replaces it in one step. The
                // `-shm` stays: the claim is a lock in it, and SQLite resets it at the next open.
                claim = try StoreClaim(store)
                if fileManager.fileExists(atPath: store) {
                    try fileManager.linkItem(atPath: store, toPath: aside)
                    saved = aside
                    if fileManager.fileExists(atPath: store + "-wal") {
                        try fileManager.moveItem(atPath: store + "-wal", toPath: aside + "-wal")
                        walSavedAside = true
                    }
                }
            }
        } catch {
            if let saved, sameFile(saved, store) {
                if walSavedAside { try? fileManager.moveItem(atPath: saved + "-wal", toPath: store + "-wal") }
                try? fileManager.removeItem(atPath: saved)
            }
            throw error
        }
        return saved
    }

    /// Whether two paths name one file (the restore failed before its copy took the store's place).
    private static func sameFile(_ first: String, _ second: String) -> Bool {
        var a = stat(), b = stat()
        return stat(first, &a) == 0 && stat(second, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }
}
