import GRDB
import GRDBSQLite
import NetcardsCore

/// The one statement that stages a card in `temp.staged_card`, its texts bound straight from each string's UTF-8.
/// GRDB's `StatementArguments` boxes every value of every row first: at 100,000 cards that cost about as much
/// as SQLite's own insert.
struct StagingInsert {
    private let statement: Statement
    private let db: Database

    init(_ db: Database) throws {
        self.db = db
        statement = try db.makeStatement(sql: """
            INSERT INTO temp.staged_card(seq, id, note_key, table_name, template, front, back, answers, mode, tags)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    func insert(_ card: CardDefinition, seq: Int) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        try check(sqlite3_bind_int64(handle, 1, Int64(seq)))
        try bind(card.id, at: 2)
        try bind(card.noteKey, at: 3)
        try bind(card.table, at: 4)
        try bind(card.template, at: 5)
        try bind(card.front, at: 6)
        try bind(card.back, at: 7)
        try bind(StoredList.encode(card.answers), at: 8)
        try bind(card.mode.rawValue, at: 9)
        try bind(StoredList.encode(card.tags), at: 10)
        let code = sqlite3_step(handle)
        if code != SQLITE_DONE { try check(code) }
    }

    /// SQLite copies the bytes (`SQLITE_TRANSIENT`); nil is NULL, and an empty string stays an empty text.
    private func bind(_ text: String?, at index: Int32) throws {
        let handle = statement.sqliteStatement
        guard var text else { return try check(sqlite3_bind_null(handle, index)) }
        let code = text.withUTF8 { utf8 in
            guard let start = utf8.baseAddress, !utf8.isEmpty else {
                return sqlite3_bind_text(handle, index, "", 0, Self.transient)
            }
            return start.withMemoryRebound(to: CChar.self, capacity: utf8.count) { chars in
                sqlite3_bind_text64(handle, index, chars, sqlite3_uint64(utf8.count), Self.transient, UInt8(SQLITE_UTF8))
            }
        }
        try check(code)
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
        }
    }

    private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }
}
