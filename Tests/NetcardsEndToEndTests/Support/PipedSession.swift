import Foundation
import NetcardsTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// netcards running with stdin and stdout as pipes that stay open, for talking to it line by line and
/// signalling it mid-run (as a script, CI job or `timeout` would). Started with posix_spawn and a clean
/// signal mask (see `spawnProcess`), so signals sent to it arrive as they would from a shell.
final class PipedSession {
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var output: String
        var description: String { "\(message)\n--- output ---\n\(output)\n--- end of output ---" }
    }

    let pid: pid_t
    private let input: Int32
    private let output: Int32
    private var bytes: [UInt8] = []
    private var cursor = 0
    private var outputClosed = false
    private var finished: Int32?

    init(executable: URL, arguments: [String], environment: [String: String]) throws {
        _ = ignoreSIGPIPE  // a write to the stdin of a process that has exited fails with EPIPE instead
        var stdinPipe: [Int32] = [-1, -1]
        var stdoutPipe: [Int32] = [-1, -1]
        guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0 else {
            throw SpawnFailure(description: "pipe failed: \(String(cString: strerror(errno)))")
        }
        for descriptor in stdinPipe + stdoutPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        defer {
            close(stdinPipe[0])
            close(stdoutPipe[1])
        }
        do {
            pid = try spawnProcess(executable, arguments: arguments, environment: environment,
                                   io: .descriptors(stdin: stdinPipe[0], stdout: stdoutPipe[1], stderr: stdoutPipe[1]),
                                   newSession: false)
        } catch {
            close(stdinPipe[1])
            close(stdoutPipe[0])
            throw error
        }
        input = stdinPipe[1]
        output = stdoutPipe[0]
    }

    deinit {
        if finished == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        close(input)
        close(output)
    }

    /// Stdout and stderr so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    func send(_ text: String) throws {
        let data = Array(text.utf8)
        var offset = 0
        while offset < data.count {
            let written = data[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "writing to netcards' stdin failed: \(String(cString: strerror(errno)))", output: self.text)
            }
            offset += written
        }
    }

    /// Waits until `text` appears after the previous match.
    func expect(_ text: String, timeout: Duration = .seconds(10)) throws {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now + timeout
        while true {
            if let range = PseudoTerminal.find(needle, in: bytes, from: cursor) {
                cursor = range.upperBound
                return
            }
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero || outputClosed {
                throw Failure(message: "expected \(text.debugDescription) in the output", output: self.text)
            }
            readOnce(timeout: min(remaining, .milliseconds(100)))
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
            readOnce(timeout: .milliseconds(5))
        }
    }

    func signal(_ number: Int32) { kill(pid, number) }

    /// The exit code (128 + signal when a signal ended it), or nil when it is still running after
    /// `timeout` — it is then killed.
    func waitForExit(timeout: Duration = PseudoTerminal.exitTimeout) -> Int32? {
        if let finished { return finished }
        let deadline = ContinuousClock.now + timeout
        while true {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let code = exitCode(fromWaitStatus: status)
                finished = code
                let drained = ContinuousClock.now + .seconds(2)
                while !outputClosed && ContinuousClock.now < drained { readOnce(timeout: .milliseconds(50)) }
                return code
            }
            if ContinuousClock.now >= deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                finished = 128 + SIGKILL
                return nil
            }
            readOnce(timeout: .milliseconds(20))
        }
    }

    private func readOnce(timeout: Duration) {
        guard !outputClosed else {
            usleep(5_000)
            return
        }
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, max(1, milliseconds)) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(output, &buffer, buffer.count)
        if count > 0 {
            bytes.append(contentsOf: buffer[..<count])
        } else if count == 0 || errno != EINTR {
            outputClosed = true
        }
    }
}

extension Sandbox {
    func pipedSession(_ arguments: [String], env extra: [String: String] = [:]) throws -> PipedSession {
        try PipedSession(executable: NetcardsBinary.require(), arguments: arguments + ["--db", storePath],
                         environment: environment.merging(extra) { _, new in new })
    }
}
