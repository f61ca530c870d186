#if canImport(Glibc)
import Glibc
#endif
import GRDB

/// How a write waits while another process holds the store's write lock (an import, another review).
/// SQLite asks again every `interval`; the write goes ahead as soon as the lock is free.
public struct LockWait: Sendable {
    public static let interval: Double = 0.02
    /// How long a write waits before `announce` is called (once per wait).
    public static let announceAfter: Double = 1

    /// Called once a write has waited `announceAfter` seconds: the place to say what it is waiting for.
    var announce: @Sendable () -> Void
    /// Asked before each further try; false stops the wait, and the write fails with nothing written.
    var keepWaiting: @Sendable () -> Bool

    /// By default a write waits as long as it takes, silently.
    public init(announce: @escaping @Sendable () -> Void = {}, keepWaiting: @escaping @Sendable () -> Bool = { true }) {
        self.announce = announce
        self.keepWaiting = keepWaiting
    }

    var busyCallback: Database.BusyCallback {
        let announcingTry = Int((Self.announceAfter / Self.interval).rounded())
        return { [announce, keepWaiting] tries in
            if tries == announcingTry { announce() }
            guard keepWaiting() else { return false }
            usleep(UInt32(Self.interval * 1_000_000))
            return true
        }
    }
}
