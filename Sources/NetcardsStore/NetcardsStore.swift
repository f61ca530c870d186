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
    /// the slower one fails ("table … already exists", "no such table", a migration already recorded in
    /// grdb_migrations, or busy while the journal mode changes). Its migration's transaction is rolled back whole;
    /// it then opens again: by then the other one has created the store.
    private static func open(_ path: String, configuration: Configuration) throws -> DatabaseQueue {
        var attempt = 0
        while true {
            do {
                try refuseForeignOrNewerStore(path)
                let writer = try DatabaseQueue(path: path, configuration: configuration)
                try useWriteAheadLog(writer)
                try migrate(writer, path: path)
                return writer
            } catch let error as DatabaseError
                        where attempt < 40 && [.SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_SCHEMA, .SQLITE_ERROR, .SQLITE_CONSTRAINT].contains(error.resultCode) {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// Checks the file before SQLite opens it read-write (which would already create files beside it and change
    /// the bytes of a newer store): its header, its permissions, then its schema through an immutable connection.
    private static func refuseForeignOrNewerStore(_ path: String) throws(StoreError) {
        try StoreFile.checkHeader(path)
        guard FileManager.default.fileExists(atPath: path) else { return }
        try StoreFile.checkWritable(path)
        guard let seen = RecordedMigrations.read(path) else { return }
        // Tables but no applied migration: another program's SQLite database (grdb_migrations alone is a
        // netcards store whose first migration never committed).
        let superseded = !seen.identifiers.isSubset(of: Schema.migrator.migrations)
        let foreign = seen.identifiers.isEmpty && seen.otherSchemaObjects
        if superseded {
            throw StoreError(.newerStore, "\(path) was written by a newer netcards (its schema has migrations this version doesn't know). Upgrade netcards to use it; the file was left untouched.")
        }
        if foreign {
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
        case .SQLITE_NOTADB:
            return StoreError(.notADatabase, "\(path) is damaged or not a netcards store (\(dbError.message ?? "not a database")). netcards left it untouched: restore a backup (`netcards restore` lists them) or move it aside to start afresh.")
        case .SQLITE_CORRUPT:
            return StoreError(.damaged, "\(path) is damaged (\(dbError.message ?? "corrupt")). netcards left it untouched: `netcards restore` lists its backups and restores one.")
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
    /// An existing regular file is never overwritten.
    public func backup(to destination: SafeFile.Destination) throws(StoreError) {
        try SafeFile.write(to: destination, overwrite: false) { temp in
            try writer.backup(to: try DatabaseQueue(path: temp))
        }
    }

    public func backup(to path: String) throws(StoreError) {
        try backup(to: .path(path))
    }

    public func setting(_ key: String) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, to value: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", arguments: [key, value])
        }
    }

    /// SQLite's quick check: every page and b-tree sound (not index contents against their tables). "ok" or the
    /// first problems found.
    public func quickCheck() throws(StoreError) -> String {
        try read { db in
            try String.fetchAll(db, sql: "PRAGMA quick_check(5)").joined(separator: "\n")
                .split(separator: "\n").filter { !$0.hasPrefix("*** in database") }.joined(separator: "; ")
        }
    }

    public func integrityCheck() throws(StoreError) -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }
}
