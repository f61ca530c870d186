import GRDBSQLite

/// The migrations a store file records, and whether it holds anything else, read as `StoreFile.peek` reads
/// (immutable, nothing made beside the file) but through SQLite's C interface: every command asks before it opens
/// its store, and a GRDB queue for one question costs a dispatch queue, whose disposal starts libdispatch's
/// worker threads.
struct RecordedMigrations {
    /// The `grdb_migrations` identifiers (none when the table is missing, as GRDB's `appliedIdentifiers` says).
    var identifiers: Set<String>
    /// Tables, indexes, views or triggers besides SQLite's own and `grdb_migrations`.
    var otherSchemaObjects: Bool

    /// Nil when SQLite cannot read the file (not a database, damaged, unreadable): opening it for real says why.
    static func read(_ path: String) -> RecordedMigrations? {
        var connection: OpaquePointer?
        defer { sqlite3_close_v2(connection) }
        guard sqlite3_open_v2(StoreFile.peekName(path), &connection, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil) == SQLITE_OK,
              let others = texts(connection, sql: """
                  SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
                  """)?.first.flatMap({ Int($0) })
        else { return nil }
        let identifiers: [String]
        if let recorded = texts(connection, sql: "SELECT identifier FROM grdb_migrations") {
            identifiers = recorded
        } else if texts(connection, sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND lower(name) = 'grdb_migrations'")?.isEmpty == true {
            identifiers = []
        } else {
            return nil
        }
        return RecordedMigrations(identifiers: Set(identifiers), otherSchemaObjects: others > 0)
    }

    /// Every row's first column as text; nil on any error or a NULL.
    private static func texts(_ connection: OpaquePointer?, sql: String) -> [String]? {
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else { return nil }
        var values: [String] = []
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW:
                guard let text = sqlite3_column_text(statement, 0) else { return nil }
                values.append(String(cString: text))
            case SQLITE_DONE: return values
            default: return nil
            }
        }
    }
}
