import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Collects a pipe's bytes on a thread of its own, so the child never blocks on a full pipe. A thread, not
/// Dispatch's global queue: on a two-core machine its few threads are all held by tests blocked in waits, and a
/// reader queued behind them never runs.
final class PipeCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = Data()
    private var finished = false

    /// Takes ownership of `descriptor` and closes it at the end of the stream.
    init(_ descriptor: Int32) {
        // Plain read(2): it returns whatever has arrived, where FileHandle.read(upToCount:) on Linux waits for
        // the whole count (or the end) and would hide a prompt the child is waiting at.
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                lock.withLock { bytes.append(contentsOf: buffer[0..<count]) }
            }
            close(descriptor)
            lock.withLock { finished = true }
        }
        thread.start()
    }

    var data: Data { lock.withLock { bytes } }
    var isFinished: Bool { lock.withLock { finished } }
}

/// Runs `work` on a thread of its own, inside `group`. Never on Dispatch's global queue (see PipeCollector).
package func onOwnThread(_ group: DispatchGroup, _ work: @escaping @Sendable () -> Void) {
    group.enter()
    Thread {
        work()
        group.leave()
    }.start()
}
