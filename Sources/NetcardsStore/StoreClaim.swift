#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// This process's sole hold on a store, for replacing its file. Read from SQLite's own locks: every connection
/// to a WAL database keeps a shared lock on one byte of the store's `-shm` file (the "DMS" byte, offset 128) for
/// as long as it is open — a review waiting at its prompt included, though it holds no write lock then, so the
/// busy wait (LockWait) never sees it. Claiming takes that byte exclusively: it fails while anyone has the store
/// open, and while it is held a netcards starting up finds the store busy and waits.
public final class StoreClaim {
    private var descriptor: Int32

    /// Where SQLite's unix VFS keeps the DMS lock in the `-shm` file (sqlite3.c: UNIX_SHM_DMS).
    private static let dmsByte: off_t = 128

    /// Claims `store`; throws naming the process that has it open. The `-shm` file is made when the last
    /// connection removed it (a store closed cleanly has none), so the claim holds whenever there is a store:
    /// SQLite resets a `-shm` it finds unlocked, so the empty file is harmless.
    public init(_ store: String) throws(StoreError) {
        let index = store + "-shm"
        var storeStatus = stat()
        guard stat(store, &storeStatus) == 0 else {
            descriptor = -1
            return
        }
        descriptor = open(index, O_RDWR | O_CREAT | O_CLOEXEC, storeStatus.st_mode & 0o666)
        guard descriptor >= 0 else {
            throw StoreError(.cannotOpen, "cannot open \(index) to see whether \(store) is in use: \(String(cString: strerror(errno))); nothing was changed")
        }
        var lock = Self.lock(F_WRLCK)
        guard fcntl(descriptor, F_SETLK, &lock) == -1 else { return }
        var holder = Self.lock(F_WRLCK)
        let pid = fcntl(descriptor, F_GETLK, &holder) == 0 && holder.l_type != Int16(F_UNLCK) ? holder.l_pid : nil
        close(descriptor)
        descriptor = -1
        throw StoreError(.locked, "\(store) is open in \(Self.describe(pid)): restoring now would swap the file under it. Finish or quit it, then run the restore again; nothing was changed.")
    }

    deinit { release() }

    /// Lets others open the store again (closing the file drops the lock).
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    private static func lock(_ type: Int32) -> flock {
        var lock = flock()
        lock.l_type = Int16(type)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = dmsByte
        lock.l_len = 1
        return lock
    }

    /// "another netcards (pid 4242: netcards review --deck cloud)", from /proc where there is one.
    private static func describe(_ pid: pid_t?) -> String {
        guard let pid else { return "another program" }
        let arguments = ((try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data())
            .split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard let program = arguments.first.map({ ($0 as NSString).lastPathComponent }) else { return "another program (pid \(pid))" }
        let command = ([program] + arguments.dropFirst()).joined(separator: " ")
        return "\(program == "netcards" ? "another netcards" : "another program") (pid \(pid): \(command))"
    }
}
