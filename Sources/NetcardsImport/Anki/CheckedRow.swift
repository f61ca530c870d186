import Foundation
import GRDB

/// A row of an SQLite file netcards did not write. Every column is read as whatever SQLite holds (NULL, text, a
/// real, a blob), never trusted to be what Anki's schema says: a value of the wrong kind is a `WrongValue`, not a
/// crash.
struct CheckedRow {
    let row: Row

    /// The column holds something other than what netcards reads from it.
    struct WrongValue: Error, CustomStringConvertible {
        var column: String
        var found: String
        var expected: String

        var description: String { "`\(column)` is \(found), not \(expected)" }
    }

    func integer(_ column: String) throws(WrongValue) -> Int64 {
        let value = self.value(column)
        guard case .int64(let number) = value.storage else { throw wrong(column, value, expected: "a whole number") }
        return number
    }

    /// A whole number that also fits `Int` (the same on 64-bit platforms).
    func int(_ column: String) throws(WrongValue) -> Int { Int(truncatingIfNeeded: try integer(column)) }

    func text(_ column: String) throws(WrongValue) -> String {
        let value = self.value(column)
        guard case .string(let text) = value.storage else { throw wrong(column, value, expected: "text") }
        return text
    }

    /// Text, or nil when the column is NULL.
    func optionalText(_ column: String) throws(WrongValue) -> String? {
        value(column).isNull ? nil : try text(column)
    }

    /// A blob (or text, taken as its UTF-8 bytes); nil when NULL.
    func optionalBytes(_ column: String) throws(WrongValue) -> [UInt8]? {
        let value = self.value(column)
        switch value.storage {
        case .null: return nil
        case .blob(let data): return [UInt8](data)
        case .string(let text): return Array(text.utf8)
        default: throw wrong(column, value, expected: "a blob")
        }
    }

    private func value(_ column: String) -> DatabaseValue { row[column] ?? .null }

    private func wrong(_ column: String, _ value: DatabaseValue, expected: String) -> WrongValue {
        WrongValue(column: column, found: Self.describe(value), expected: expected)
    }

    /// What the column holds, short enough for an error line whatever the file put there.
    static func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case .int64(let number): return "the number \(number)"
        case .double(let number): return "the number \(number)"
        case .string(let text):
            let shown = text.unicodeScalars.prefix(20).map { $0.properties.generalCategory == .control ? "?" : String($0) }.joined()
            return "the text \"\(shown)\(text.unicodeScalars.count > 20 ? "…" : "")\""
        case .blob(let data): return "a blob of \(data.count) bytes"
        }
    }
}
