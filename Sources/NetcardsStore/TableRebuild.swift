import Foundation
import GRDB

/// SQLite's way to change a table's constraints (https://sqlite.org/lang_altertable.html#otheralter): a new table
/// from the changed definition, the rows copied, the old one dropped and the new one renamed, its indexes
/// created again. Run inside a migration (one transaction).
enum TableRebuild {
    static func replace(_ old: String, with new: String, inTable table: String, _ db: Database) throws {
        guard let definition = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]),
              definition.contains(old),
              let nameRange = definition.range(of: table) else {
            throw StoreError(.writeFailed, "the store's \(table) table is not as this netcards expects (no \(old)); restore a backup or report it")
        }
        let indexes = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                                          arguments: [table])
        let rebuilt = "\(table)_rebuilt"
        let changed = definition.replacingCharacters(in: nameRange, with: rebuilt).replacingOccurrences(of: old, with: new)
        try db.execute(sql: changed)
        try db.execute(sql: "INSERT INTO \(rebuilt) SELECT * FROM \(table)")
        try db.execute(sql: "DROP TABLE \(table)")
        try db.execute(sql: "ALTER TABLE \(rebuilt) RENAME TO \(table)")
        for index in indexes { try db.execute(sql: index) }
    }
}
