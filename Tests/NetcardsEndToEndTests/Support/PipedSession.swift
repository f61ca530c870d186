import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// netcards running with stdin and stdout as pipes that stay open, for talking to it line by line and
/// signalling it mid-run (as a script, CI job or `timeout` would).
final class PipedSession {
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var output: String
        var description: String { "\(message)\n--- output ---\n\(output)\n--- end of output ---" }
    }

    private final class Buffer: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        private var ended = false
        func append(_ more: Data) { lock.withLock { data.append(more) } }
        func end() { lock.withLock { ended = true } }
        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
        /// The write end is closed: the process (and anything it spawned) is gone.
        var isClosed: Bool { lock.withLock { ended } }
    }

    private let process = Process()
    private let input = Pipe()
    private let output = Buffer()
    private var cursor: String.Index?

    init(executable: URL, arguments: [String], environment: [String: String]) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        let stdout = Pipe()
        process.standardInput = input
        process.standardOutput = stdout
        process.standardError = stdout
        let buffer = output
        stdout.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                buffer.end()
            } else {
                buffer.append(data)
            }
        }
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    var pid: pid_t { process.processIdentifier }
    var text: String { output.text }

    func send(_ text: String) throws { try input.fileHandleForWriting.write(contentsOf: Data(text.utf8)) }

    /// Waits until `text` appears after the previous match.
    func expect(_ text: String, timeout: Duration = .seconds(10)) throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            let closed = output.isClosed
            let all = output.text
            let start = cursor.flatMap { $0 <= all.endIndex ? $0 : nil } ?? all.startIndex
            if let range = all.range(of: text, range: start..<all.endIndex) {
                cursor = range.upperBound
                return
            }
            if ContinuousClock.now >= deadline || closed {
                throw Failure(message: "expected \(text.debugDescription) in the output", output: all)
            }
            usleep(10_000)
        }
    }

    /// Waits until the process sits blocked in read(2) on stdin (Linux: /proc/PID/syscall), so a signal
    /// sent next lands while it waits for input rather than while it is still writing.
    func waitUntilReadingStandardInput(timeout: Duration = .seconds(10)) {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard let syscall = try? String(contentsOfFile: "/proc/\(pid)/syscall", encoding: .utf8) else {
                usleep(300_000)  // no /proc: give it time instead
                return
            }
            if syscall.hasPrefix("0 0x0 ") { return }  // read(0, …)
            usleep(5_000)
        }
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// The exit code (128 + signal when a signal killed it), or nil when it is still running after
    /// `timeout` — it is then killed.
    func waitForExit(timeout: Duration = .seconds(10)) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now >= deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return nil
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        let drained = ContinuousClock.now + .seconds(2)
        while !output.isClosed && ContinuousClock.now < drained { usleep(5_000) }  // the last bytes
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }
}

extension Sandbox {
    func pipedSession(_ arguments: [String], env extra: [String: String] = [:]) throws -> PipedSession {
        try PipedSession(executable: NetcardsBinary.require(), arguments: arguments + ["--db", storePath],
                         environment: environment.merging(extra) { _, new in new })
    }
}
