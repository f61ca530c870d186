#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GRDB

/// What can be learned about a file before SQLite opens it for writing: its header, its permissions, and its
/// contents read through an immutable connection (which creates no -wal or -shm file beside it).
public enum StoreFile {
    /// netcards' `PRAGMA application_id`: "NCRD" in ASCII. Set on every store netcards creates or migrates;
    /// a file carrying any other non-zero id belongs to another program.
    public static let applicationId: Int32 = 0x4E43_5244

    private static let magic = Data("SQLite format 3\0".utf8)

    /// Refuses a file that exists, is not empty and is not SQLite, or is another program's SQLite database (by its
    /// header's application id), reading only its first 100 bytes.
    static func checkHeader(_ path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        if header.isEmpty { return }
        guard header.prefix(16) == magic else {
            throw StoreError(.notADatabase, "\(path) is not a netcards store (not an SQLite database). Move it aside, or point --db / NETCARDS_DB at your store; netcards will not overwrite it.")
        }
        guard header.count == 100 else { return }
        let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        if id != 0, Int32(bitPattern: id) != applicationId {
            throw StoreError(.notADatabase, "\(path) is another program's SQLite database (its application_id is \(String(format: "0x%08X", id)), netcards' is \(String(format: "0x%08X", applicationId))), not a netcards store. netcards left it untouched: point --db / NETCARDS_DB at your store, or at a new file.")
        }
    }

    /// A store netcards could open but not write would show a card and fail at the grade, and leave SQLite's
    /// index file (`-shm`) with the store's read-only mode behind. Refused up front instead. The write bits are
    /// read, not just `access(2)`: root may write anything, yet a store chmod-ed 0444 was meant to stay as it is.
    static func checkWritable(_ path: String) throws(StoreError) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        let mode = String(info.st_mode & 0o777, radix: 8)
        if info.st_mode & S_IWUSR == 0 || access(path, W_OK) != 0 {
            throw StoreError(.cannotOpen, "\(path) is read-only (mode \(mode)): netcards writes every grade to it. Make it writable (chmod u+w \(path)) or point --db at a copy; it was left untouched.")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if access(folder.isEmpty ? "." : folder, W_OK) != 0 {
            throw StoreError(.cannotOpen, "the folder \(folder) holding \(path) is read-only: SQLite writes its log (\(path)-wal) beside the store. Make the folder writable, or point --db at a copy elsewhere; the store was left untouched.")
        }
        for sidecar in [path + "-shm", path + "-wal"] where access(sidecar, F_OK) == 0 && access(sidecar, W_OK) != 0 {
            throw StoreError(.cannotOpen, "\(sidecar) is read-only, so \(path) could only be read. If no netcards is running, make it writable (chmod u+w \(sidecar)); the store was left untouched.")
        }
    }

    /// Reads a database without changing anything beside it: `immutable=1` makes SQLite take no locks and create
    /// no -wal or -shm file. With a -wal already there (a store in use), a plain read-only connection reads it too.
    public static func peek<T>(_ path: String, _ read: (Database) throws -> T) throws -> T {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: peekName(path), configuration: config)
        defer { try? queue.close() }
        return try queue.read(read)
    }

    /// What `peek` reads through: the immutable URI, or the path itself when a -wal is there.
    static func peekName(_ path: String) -> String {
        FileManager.default.fileExists(atPath: path + "-wal") ? path : immutableURI(path)
    }

    private static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var escaped = ""
        for character in absolute.unicodeScalars {
            switch character {
            case "%", "?", "#": escaped += String(format: "%%%02X", character.value)
            default: escaped.unicodeScalars.append(character)
            }
        }
        return "file:\(escaped)?immutable=1"
    }
}
