#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GRDB

/// write(2) (inside `SafeFile` the name means its own methods).
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, bytes, count) }

/// The one way netcards writes a whole file (exports, backups): the content is made in a private temp folder
/// beside the target and renamed onto it only once complete and synced, so the target is either the whole new
/// file or as it was; on any failure (a full disk included) the temp folder goes, with anything the producer left
/// in it (SQLite's -journal), so no 0-byte or half file stays behind. A symlink is written through to the file it
/// names (it stays a symlink); a device or FIFO is written to directly, not replaced; `-` is standard output.
public enum SafeFile {
    public enum Destination: Sendable, Equatable {
        case path(String)
        case descriptor(Int32, name: String)

        /// `-` is standard output.
        public init(argument: String) {
            self = argument == "-" ? .descriptor(STDOUT_FILENO, name: "standard output") : .path(argument)
        }

        public var name: String {
            switch self {
            case .path(let path): path
            case .descriptor(_, let name): name
            }
        }
    }

    public static let refusalHint = "choose a new file name; netcards won't overwrite it"

    /// Writes `data` to `destination`; see `write(to:overwrite:ifExists:_:)`.
    public static func write(_ data: Data, to destination: Destination, overwrite: Bool,
                             ifExists hint: String = refusalHint) throws(StoreError) {
        try write(to: destination, overwrite: overwrite, ifExists: hint) { path in
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw POSIXFailure(code: errno) }
            defer { close(descriptor) }
            let failed = data.withUnsafeBytes { writeAll($0, to: descriptor) }
            if failed != 0 { throw POSIXFailure(code: failed) }
        }
    }

    /// Writes `destination` with `produce`, which must leave the complete content in a file at the path it is
    /// given (a path that does not exist yet, in a folder of its own). Without `overwrite` an existing regular
    /// file (or one a symlink names) is refused with `hint`; a device or FIFO has no content to lose and is
    /// always written.
    public static func write(to destination: Destination, overwrite: Bool, ifExists hint: String = refusalHint,
                             _ produce: (String) throws -> Void) throws(StoreError) {
        let given: String
        switch destination {
        case .descriptor(let descriptor, let name):
            try produceAndCopy(to: descriptor, name: name, produce)
            return
        case .path(let path):
            guard !path.isEmpty else {
                throw StoreError(.invalidInput, "an empty file name — name the file to write, or - for standard output")
            }
            given = path
        }
        let name = destination.name
        // stat follows every link, /proc's magic ones too (/dev/stdout → /proc/self/fd/1 → a pipe or terminal).
        var info = stat()
        let exists = stat(given, &info) == 0
        if exists {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                if !overwrite { throw StoreError(.invalidInput, "\(given) already exists — \(hint)") }
            case S_IFDIR:
                throw StoreError(.invalidInput, "\(given) is a folder — give a file name inside it")
            default:
                let descriptor = open(given, O_WRONLY | O_NOCTTY | O_CLOEXEC)
                guard descriptor >= 0 else { throw failure(writing: name, errno: errno) }
                defer { close(descriptor) }
                try produceAndCopy(to: descriptor, name: name, produce)
                return
            }
        }
        // The file to replace or create: the one a symlink names, so the link itself stays.
        let path = exists ? realPath(given) : throughSymlinks(given)
        let scratch = try TempFolder(beside: path, name: name)
        defer { scratch.remove() }
        let made = try scratch.produce(produce)
        if overwrite, info.st_mode & S_IFMT == S_IFREG {
            _ = chmod(made, info.st_mode & 0o7777)  // keep the mode the learner gave the file
        }
        try place(made, at: path, overwrite: overwrite, name: name, hint: hint)
        scratch.syncFolder()
    }

    private static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The file a symlink (or a chain of them) finally names, even one that does not exist yet.
    static func throughSymlinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = target.hasPrefix("/") ? target : (folder(of: current) as NSString).appendingPathComponent(target)
        }
        return current
    }

    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Moves the finished file onto the target: rename when replacing; a hard link when not, which fails if a file
    /// of that name appeared meanwhile (a plain rename would silently replace it).
    private static func place(_ made: String, at path: String, overwrite: Bool, name: String, hint: String) throws(StoreError) {
        if !overwrite {
            if link(made, path) == 0 { return }
            let code = errno
            if code == EEXIST { throw StoreError(.invalidInput, "\(name) already exists — \(hint)") }
            // File systems without hard links (FAT, some network mounts): rename after a last check.
            guard [EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK].contains(code) else { throw failure(writing: name, errno: code) }
            if access(path, F_OK) == 0 { throw StoreError(.invalidInput, "\(name) already exists — \(hint)") }
        }
        guard rename(made, path) == 0 else { throw failure(writing: name, errno: errno) }
    }

    /// For a descriptor, device or FIFO: the content is made complete in the system's temp folder first, so a
    /// producer that fails writes nothing at all to the stream.
    private static func produceAndCopy(to descriptor: Int32, name: String, _ produce: (String) throws -> Void) throws(StoreError) {
        let scratch = try TempFolder(in: NSTemporaryDirectory(), name: name)
        defer { scratch.remove() }
        let made = try scratch.produce(produce)
        let source = open(made, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { throw failure(writing: name, errno: errno) }
        defer { close(source) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw failure(writing: name, errno: errno) }
            if count == 0 { return }
            let failed = buffer.withUnsafeBytes { writeAll(UnsafeRawBufferPointer(rebasing: $0[..<count]), to: descriptor) }
            if failed != 0 { throw failure(writing: name, errno: failed) }
        }
    }

    /// Writes every byte; 0, or the errno of the write that failed.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return written < 0 ? errno : EIO }
            offset += written
        }
        return 0
    }

    struct POSIXFailure: Error {
        var code: Int32
    }

    /// A folder of netcards' own (mode 0700, a random name starting with `.netcards-`) that holds the file being
    /// made; removed with everything in it.
    private struct TempFolder {
        let path: String
        let fileName: String
        let name: String

        init(beside target: String, name: String) throws(StoreError) {
            let folder = SafeFile.folder(of: target)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw StoreError(.notFound, "cannot write \(name): the folder \(folder) does not exist — create it first, or choose another place")
            }
            try self.init(in: folder, name: name, fileName: (target as NSString).lastPathComponent)
        }

        init(in folder: String, name: String, fileName: String = "content") throws(StoreError) {
            var template = Array(((folder as NSString).appendingPathComponent(".netcards-XXXXXX")).utf8CString)
            guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
                throw SafeFile.failure(writing: name, errno: errno)
            }
            path = String(cString: made)
            self.fileName = fileName
            self.name = name
        }

        /// Runs `produce` on the file inside and syncs it to disk; its path.
        func produce(_ produce: (String) throws -> Void) throws(StoreError) -> String {
            let file = (path as NSString).appendingPathComponent(fileName)
            do { try produce(file) } catch { throw SafeFile.failure(writing: name, error) }
            let descriptor = open(file, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw SafeFile.failure(writing: name, errno: errno) }
            defer { close(descriptor) }
            guard fsync(descriptor) == 0 || errno == EINVAL else { throw SafeFile.failure(writing: name, errno: errno) }
            return file
        }

        /// Makes the rename durable: the folder's entry is synced too.
        func syncFolder() {
            let descriptor = open(SafeFile.folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { return }
            _ = fsync(descriptor)
            close(descriptor)
        }

        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    static func failure(writing name: String, errno code: Int32) -> StoreError {
        switch code {
        case ENOSPC, EDQUOT:
            StoreError(.writeFailed, "cannot write \(name): the disk is full — nothing was written. Free some space and try again.")
        case EFBIG:
            StoreError(.writeFailed, "cannot write \(name): the file is too large for this disk or this process's file size limit — nothing was written.")
        case EACCES, EPERM, EROFS:
            StoreError(.cannotOpen, "cannot write \(name): \(String(cString: strerror(code))). Choose a folder you can write to.")
        default:
            StoreError(.writeFailed, "cannot write \(name): \(String(cString: strerror(code))) — nothing was written.")
        }
    }

    static func failure(writing name: String, _ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError: return error
        case let error as POSIXFailure: return failure(writing: name, errno: error.code)
        case let error as DatabaseError:
            switch error.resultCode {
            case .SQLITE_FULL: return failure(writing: name, errno: ENOSPC)
            case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM: return failure(writing: name, errno: EACCES)
            case .SQLITE_IOERR:
                return StoreError(.writeFailed, "cannot write \(name): a write failed (\(error.message ?? "I/O error"); is the disk full?) — nothing was written. Free some space and try again.")
            default: return StoreError(.writeFailed, "cannot write \(name): \(error.message ?? "\(error)") — nothing was written.")
            }
        default:
            if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
                return failure(writing: name, errno: Int32(posix.code))
            }
            return StoreError(.writeFailed, "cannot write \(name): \(error) — nothing was written.")
        }
    }
}
