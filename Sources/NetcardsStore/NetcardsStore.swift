import Foundation
import GRDB

/// The learner's store: one SQLite file. Every write is one method, one transaction.
public struct NetcardsStore: Sendable {
    let writer: DatabaseQueue
    public let path: String

    /// Opens (creating if needed) and migrates the store at `path`.
    /// A store written by a newer netcards is refused and left untouched;
    /// before an older store is migrated, it is copied to `PATH.bak-vN`.
    /// A write that finds the store locked by another process waits as `whileLocked` says (by default, as long
    /// as it takes).
    public init(path: String, whileLocked: LockWait = LockWait()) throws(StoreError) {
        self.path = path
        var config = Configuration()
        config.busyMode = .callback(whileLocked.busyCallback)
        // WAL with synchronous=NORMAL: a commit survives a killed process without an fsync of its own
        // (only a power cut can lose the last grades, never corrupt the file).
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        config.foreignKeysEnabled = true
        do {
            writer = try Self.open(path, configuration: config)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.describe(error, path: path)
        }
    }

    /// Two netcards started at the same moment on a new store race through its creation: SQLite's locks cover
    /// each step, not GRDB's migrator reading which migrations are applied before it takes the write lock, so
    /// the slower one fails ("table … already exists", "no such table", or busy while the journal mode
    /// changes). It then opens again: by then the other one has created the store.
    private static func open(_ path: String, configuration: Configuration) throws -> DatabaseQueue {
        var attempt = 0
        while true {
            do {
                try checkIsSQLite(path)
                try refuseNewerStore(path)
                let writer = try DatabaseQueue(path: path, configuration: configuration)
                try useWriteAheadLog(writer)
                try migrate(writer, path: path)
                return writer
            } catch let error as DatabaseError
                        where attempt < 40 && [.SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_SCHEMA, .SQLITE_ERROR].contains(error.resultCode) {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// A file that exists, is not empty and lacks SQLite's header is refused before SQLite touches it.
    private static func checkIsSQLite(_ path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if !header.isEmpty, header != Data("SQLite format 3\0".utf8) {
            throw StoreError(.notADatabase, "\(path) is not a netcards store (not an SQLite database). Move it aside, or point --db / NETCARDS_DB at your store; netcards will not overwrite it.")
        }
    }

    /// Checks the schema through a read-only connection first: opening a newer store read-write
    /// (WAL set-up) would already change its bytes.
    private static func refuseNewerStore(_ path: String) throws(StoreError) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        var config = Configuration()
        config.readonly = true
        let seen = try? DatabaseQueue(path: path, configuration: config).read { db in
            // Tables but no applied migration: another program's SQLite database (grdb_migrations alone is a
            // netcards store whose first migration never committed).
            (superseded: try Schema.migrator.hasBeenSuperseded(db),
             foreign: try Schema.migrator.appliedIdentifiers(db).isEmpty && (try Int.fetchOne(db, sql: """
                 SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
                 """) ?? 0) > 0)
        }
        if seen?.superseded == true {
            throw StoreError(.newerStore, "\(path) was written by a newer netcards (its schema has migrations this version doesn't know). Upgrade netcards to use it; the file was left untouched.")
        }
        if seen?.foreign == true {
            throw StoreError(.notADatabase, "\(path) is another program's SQLite database, not a netcards store. netcards left it untouched: point --db / NETCARDS_DB at your store, or at a new file.")
        }
    }

    /// WAL is a property of the file: set it once. (GRDB's `.wal` journal mode would also create and drop
    /// a table on every open while no -wal file exists: a write, with fsyncs, on every command.)
    private static func useWriteAheadLog(_ writer: DatabaseQueue) throws {
        try writer.writeWithoutTransaction { db in
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
        }
    }

    private static func migrate(_ writer: DatabaseQueue, path: String) throws {
        let migrator = Schema.migrator
        let (superseded, applied, complete) = try writer.read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.appliedIdentifiers(db), try migrator.hasCompletedMigrations(db))
        }
        if superseded {
            throw StoreError(.newerStore, "\(path) was written by a newer netcards (its schema has migrations this version doesn't know). Upgrade netcards to use it; the file was left untouched.")
        }
        if complete { return }
        if !applied.isEmpty {
            let backup = "\(path).bak-v\(applied.count)"
            try? FileManager.default.removeItem(atPath: backup)
            try writer.backup(to: try DatabaseQueue(path: backup))
        }
        try migrator.migrate(writer)
    }

    static func describe(_ error: any Error, path: String) -> StoreError {
        guard let dbError = error as? DatabaseError else {
            return StoreError(.cannotOpen, "cannot open \(path): \(error). Check the path and its permissions.")
        }
        switch dbError.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError(.notADatabase, "\(path) is damaged or not a netcards store (\(dbError.message ?? "corrupt")). netcards left it untouched: restore a backup (`netcards backup` makes them) or move it aside to start afresh.")
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return StoreError(.cannotOpen, "cannot open \(path) for writing (\(dbError.message ?? "permission denied")). Check that the folder exists and is writable, or choose another store with --db.")
        case .SQLITE_FULL:
            return StoreError(.writeFailed, "the disk holding \(path) is full: nothing was written. Free some space and run the command again.")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(.locked, "\(path) was locked by another netcards and the wait was stopped: nothing was written. Run the command again once the other one is done.")
        default:
            return StoreError(.writeFailed, "could not use \(path): \(dbError.message ?? "\(dbError)"). Nothing was half-written; try again.")
        }
    }

    /// Runs a write transaction and turns SQLite errors into clear store errors. The transaction is IMMEDIATE:
    /// it takes the write lock first, where SQLite waits for another writer through the busy handler (a deferred
    /// one that has read already gets SQLITE_BUSY at once when it needs to write).
    func write<T>(_ updates: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try updates(db)
                    return .commit
                }
                return result!
            }
        } catch let error as StoreError { throw error } catch { throw Self.describe(error, path: path) }
    }

    func read<T>(_ value: (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer.read(value) } catch let error as StoreError { throw error } catch { throw Self.describe(error, path: path) }
    }

    /// Writes a consistent copy of the store with SQLite's online backup, even while another process writes.
    public func backup(to destination: String) throws(StoreError) {
        do {
            if FileManager.default.fileExists(atPath: destination) {
                throw StoreError(.invalidInput, "\(destination) already exists — choose a new file name; netcards won't overwrite it.")
            }
            try writer.backup(to: try DatabaseQueue(path: destination))
        } catch let error as StoreError { throw error } catch { throw Self.describe(error, path: destination) }
    }

    public func setting(_ key: String) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, to value: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", arguments: [key, value])
        }
    }

    public func integrityCheck() throws(StoreError) -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }
}
