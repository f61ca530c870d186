import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A process the test talks to through pipes: stdin stays open until `closeInput()`; stdout and stderr are
/// collected on threads of their own (stderr into stdout when `mergingErrors`, as a terminal shows them).
/// Started with `spawnProcess`, so signals sent to it arrive as they would from a shell.
package final class RunningProgram: @unchecked Sendable {
    package let pid: pid_t
    /// The command line, for messages.
    private let command: String
    private let lock = NSLock()
    private var input: Int32
    private let output: PipeCollector
    private let errors: PipeCollector?
    private var waitStatus: Int32?
    /// Where the next `expect` starts looking in stdout.
    private var cursor = 0

    package init(executable: URL, arguments: [String], environment: [String: String], directory: String? = nil,
                 mergingErrors: Bool = false) throws {
        _ = ignoreSIGPIPE
        command = ([executable.lastPathComponent] + arguments).joined(separator: " ")
        var stdinPipe: [Int32] = [-1, -1], stdoutPipe: [Int32] = [-1, -1], stderrPipe: [Int32] = [-1, -1]
        guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0, mergingErrors || pipe(&stderrPipe) == 0 else {
            throw SpawnFailure(description: "pipe: \(String(cString: strerror(errno)))")
        }
        let errorWriter = mergingErrors ? stdoutPipe[1] : stderrPipe[1]
        let allEnds = stdinPipe + stdoutPipe + (mergingErrors ? [] : stderrPipe)
        // Close-on-exec: processes other tests spawn meanwhile must not inherit these ends (a stray copy of the
        // stdin writer would keep the child from ever seeing the end of its input). dup2 clears it for 0, 1, 2.
        for descriptor in allEnds { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        let childEnds = Set([stdinPipe[0], stdoutPipe[1], errorWriter])
        defer { childEnds.forEach { close($0) } }
        do {
            pid = try spawnProcess(executable, arguments: arguments, environment: environment,
                                   io: .descriptors(stdin: stdinPipe[0], stdout: stdoutPipe[1], stderr: errorWriter),
                                   newSession: false, directory: directory)
        } catch {
            allEnds.filter { !childEnds.contains($0) }.forEach { close($0) }
            throw SpawnFailure(description: "cannot start \(executable.path): \(error)")
        }
        input = stdinPipe[1]
        output = PipeCollector(stdoutPipe[0])
        errors = mergingErrors ? nil : PipeCollector(stderrPipe[0])
    }

    deinit {
        if isRunning {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        closeInput()
    }

    package var stdoutData: Data { output.data }
    package var stdout: String { String(decoding: output.data, as: UTF8.self) }
    package var stderr: String { String(decoding: errors?.data ?? Data(), as: UTF8.self) }

    package func send(_ text: String) throws { try send(Data(text.utf8)) }

    package func send(_ data: Data) throws {
        let descriptor = lock.withLock { input }
        guard descriptor >= 0 else { throw failure("stdin is already closed") }
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure("writing to stdin: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }

    /// Writes `data` on a thread of its own, then closes stdin: a child that doesn't read it can't block the test.
    package func sendAndClose(_ data: Data) {
        Thread { [self] in
            try? send(data)  // EPIPE when the process exits without reading it all: fine
            closeInput()
        }.start()
    }

    package func closeInput() {
        lock.withLock {
            guard input >= 0 else { return }
            close(input)
            input = -1
        }
    }

    package func signal(_ signo: Int32) { kill(pid, signo) }

    /// Reaps the child once it has exited; true while it runs.
    package var isRunning: Bool {
        lock.withLock {
            if waitStatus != nil { return false }
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { waitStatus = status }
            return reaped == 0
        }
    }

    private var pipesDrained: Bool { output.isFinished && (errors?.isFinished ?? true) }

    /// Waits until stdout satisfies `condition`; throws (saying what was printed) on timeout or exit.
    package func waitForOutput(_ what: String, timeout: Duration = .seconds(30), _ condition: (String) -> Bool) throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            // Whether it had ended is read before the output, so text printed just before the exit still counts.
            let ended = !isRunning && output.isFinished
            if condition(stdout) { return }
            if ended { throw failure("exited before printing \(what)") }
            if ContinuousClock.now > deadline { throw failure("no \(what) after \(timeout)") }
            usleep(10_000)
        }
    }

    /// Waits until stdout holds `count` occurrences of `marker` (e.g. "next in" once per graded card).
    package func waitForCount(of marker: String, _ count: Int, timeout: Duration = .seconds(30)) throws {
        try waitForOutput("\(count)× \"\(marker)\"", timeout: timeout) { $0.occurrences(of: marker) >= count }
    }

    /// Waits until `text` appears in stdout after the previous match.
    package func expect(_ text: String, timeout: Duration = .seconds(10)) throws {
        let needle = Data(text.utf8)
        let deadline = ContinuousClock.now + timeout
        while true {
            let finished = !isRunning && output.isFinished
            let data = output.data
            if let range = data.range(of: needle, in: min(cursor, data.count)..<data.count) {
                cursor = range.upperBound
                return
            }
            if finished || ContinuousClock.now > deadline {
                throw failure("expected \(text.debugDescription) in the output")
            }
            usleep(5_000)
        }
    }

    /// Waits until the process sits blocked in read(2) on stdin (Linux: /proc/PID/syscall), so a signal
    /// sent next lands while it waits for input rather than while it is still writing.
    package func waitUntilReadingStandardInput(timeout: Duration = .seconds(10)) {
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

    /// Waits for the exit and for both pipes to drain (a grandchild holding them open is given until the
    /// deadline); SIGKILLs the process and throws when it is still running at `timeout`.
    package func waitForExit(timeout: Duration = .seconds(60)) throws -> ProcessResult {
        let deadline = ContinuousClock.now + timeout
        while isRunning || !pipesDrained {
            if ContinuousClock.now > deadline {
                guard isRunning else { break }
                kill(pid, SIGKILL)
                throw failure("did not exit within \(timeout)")
            }
            usleep(5_000)
        }
        let status = lock.withLock { waitStatus } ?? 0
        let signal = status & 0x7F
        return ProcessResult(stdoutData: output.data, stderrData: errors?.data ?? Data(),
                             status: exitCode(fromWaitStatus: status), signal: signal == 0 ? nil : signal)
    }

    private func failure(_ message: String) -> ProgramFailure {
        ProgramFailure(message: "\(command): \(message)", stdout: stdout, stderr: stderr)
    }
}

extension String {
    package func occurrences(of marker: String) -> Int { components(separatedBy: marker).count - 1 }
}
