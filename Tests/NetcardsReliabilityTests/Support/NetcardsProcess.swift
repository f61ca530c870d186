import Foundation
import NetcardsTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Helpers that drive the real, built `netcards` binary: a temp folder per test, one-shot runs, and
// long-running scripted sessions fed through a pipe that the test keeps open.

/// Every reliability suite nests in this one, so the tests run one at a time: they start many processes and
/// kill some of them, and on a two-core CI machine parallel runs would only make the timings flaky.
@Suite(.serialized) enum Reliability {}

/// What a finished run printed and how it ended.
struct RunResult: CustomStringConvertible {
    var status: Int32
    /// True when the process died of a signal (then `status` is the signal number).
    var killedBySignal: Bool
    var stdout: String
    var stderr: String

    var description: String { "exit \(killedBySignal ? "signal " : "")\(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

/// Collects a pipe's bytes on its own thread, so the child never blocks on a full pipe.
final class PipeCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
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
                lock.withLock { data.append(contentsOf: buffer[0..<count]) }
            }
            close(descriptor)
            lock.withLock { finished = true }
        }
        thread.start()
    }

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
    var isFinished: Bool { lock.withLock { finished } }
}

/// A fresh temp folder with HOME and XDG_DATA_HOME pointing into it; removed when the test ends.
final class Sandbox {
    let folder: URL
    /// The store every command gets with `--db` unless told otherwise.
    let store: String
    let environment: [String: String]

    /// The test clock: a Saturday morning, so every run of a test sees the same study day.
    static let now = "2026-11-28T09:00:00Z"

    init() throws {
        // Writing to a pipe whose reader died must be an error we see, not a SIGPIPE that kills the test runner.
        signal(SIGPIPE, SIG_IGN)
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("netcards-reliability-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = folder.appendingPathComponent("netcards.sqlite").path
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("NETCARDS_") }
        environment["HOME"] = folder.path
        environment["XDG_DATA_HOME"] = folder.path
        environment["NO_COLOR"] = "1"
        environment["NETCARDS_NOW"] = Self.now
        environment["TERM"] = "dumb"
        self.environment = environment
    }

    deinit {
        // A test may have made the folder read-only; make it removable again first.
        _ = chmod(folder.path, 0o755)
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// `netcards --db STORE ARGS`, with `input` on stdin (then end of input); waits for the exit. `environment`
    /// adds to or replaces the sandbox's variables (another NETCARDS_NOW, say).
    func run(_ arguments: [String], db: String? = nil, input: String = "", environment: [String: String] = [:],
             timeout: Duration = .seconds(60)) async throws -> RunResult {
        try await runProgram(NetcardsBinary.path, ["--db", db ?? store] + arguments, input: Data(input.utf8),
                             environment: environment, timeout: timeout)
    }

    /// Any program, in the sandbox's folder and environment.
    func runProgram(_ executable: String, _ arguments: [String], input: Data = Data(), environment: [String: String] = [:],
                    timeout: Duration = .seconds(60)) async throws -> RunResult {
        let session = try RunningProgram(executable: executable, arguments: arguments,
                                         environment: self.environment.merging(environment) { $1 })
        try? session.send(input)
        session.closeInput()
        return try await session.waitForExit(timeout: timeout)
    }

    /// Starts `netcards --db STORE ARGS` with stdin a pipe the test writes to and keeps open.
    func start(_ arguments: [String], db: String? = nil) throws -> RunningProgram {
        try start(executable: NetcardsBinary.path, ["--db", db ?? store] + arguments)
    }

    func start(executable: String, _ arguments: [String]) throws -> RunningProgram {
        try RunningProgram(executable: executable, arguments: arguments, environment: environment)
    }

    /// A store with the bundled decks loaded and nothing answered yet.
    @discardableResult
    func createStore(at path: String? = nil) async throws -> String {
        let target = path ?? store
        let result = try await run([], db: target)
        try #require(result.status == 0 && !result.killedBySignal, "creating the store failed: \(result)")
        return target
    }

    /// `cards --json`, decoded.
    func cards(db: String? = nil, deck: String? = nil) async throws -> [CardRow] {
        let result = try await run(["cards", "--json"] + (deck.map { ["--deck", $0] } ?? []), db: db)
        try #require(result.status == 0, "cards --json failed: \(result)")
        return try JSONDecoder().decode([CardRow].self, from: Data(result.stdout.utf8))
    }

    /// `stats --json`, decoded (the fields these tests count).
    func stats(db: String? = nil) async throws -> StatsRow {
        let result = try await run(["stats", "--json"], db: db)
        try #require(result.status == 0, "stats --json failed: \(result)")
        return try JSONDecoder().decode(StatsRow.self, from: Data(result.stdout.utf8))
    }
}

struct CardRow: Decodable {
    var id: String
    var deck: String
    var front: String
    var reps: Int
}

struct StatsRow: Decodable {
    struct Today: Decodable { var answered: Int }
    struct Quiz: Decodable { var answers: Int }
    var today: Today
    var quiz: Quiz
}

/// A process the test talks to through pipes: stdin stays open until `closeInput()`.
///
/// Started with posix_spawn rather than Foundation's Process, to give the child what a shell gives it: no
/// blocked signals (the test runner's threads block most of them, and Process passes that mask on, so a
/// SIGTERM sent by a test would never be delivered) and default dispositions (this runner ignores SIGPIPE).
final class RunningProgram {
    let pid: pid_t
    private var input: Int32
    private let output: PipeCollector
    private let errors: PipeCollector
    private var exitStatus: Int32?

    /// Every path the tests pass is absolute, so the child keeps the runner's working directory.
    init(executable: String, arguments: [String], environment: [String: String]) throws {
        var stdinPipe: [Int32] = [-1, -1], stdoutPipe: [Int32] = [-1, -1], stderrPipe: [Int32] = [-1, -1]
        guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0, pipe(&stderrPipe) == 0 else {
            throw SpawnError(message: "pipe: \(String(cString: strerror(errno)))")
        }
        // Close-on-exec: processes other tests spawn meanwhile must not inherit these ends (a stray copy of the
        // stdin writer would keep the child from ever seeing the end of its input). dup2 clears it for 0, 1, 2.
        for descriptor in stdinPipe + stdoutPipe + stderrPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        let child: pid_t
        do {
            child = try spawnProcess(URL(fileURLWithPath: executable), arguments: arguments, environment: environment,
                                     io: .descriptors(stdin: stdinPipe[0], stdout: stdoutPipe[1], stderr: stderrPipe[1]),
                                     newSession: false)
        } catch {
            close(stdinPipe[0]); close(stdoutPipe[1]); close(stderrPipe[1])
            close(stdinPipe[1]); close(stdoutPipe[0]); close(stderrPipe[0])
            throw SpawnError(message: "cannot start \(executable): \(error)")
        }
        close(stdinPipe[0]); close(stdoutPipe[1]); close(stderrPipe[1])
        pid = child
        input = stdinPipe[1]
        output = PipeCollector(stdoutPipe[0])
        errors = PipeCollector(stderrPipe[0])
    }

    deinit {
        if isRunning {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        closeInput()
    }

    struct SpawnError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    var stdout: String { output.text }
    var stderr: String { errors.text }

    func send(_ text: String) throws { try send(Data(text.utf8)) }

    func send(_ data: Data) throws {
        guard input >= 0 else { throw SpawnError(message: "stdin is already closed") }
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let written = write(input, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SpawnError(message: "writing to netcards' stdin: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }

    func closeInput() {
        guard input >= 0 else { return }
        close(input)
        input = -1
    }

    func signal(_ signo: Int32) { kill(pid, signo) }

    /// Reaps the child once it has exited; true while it runs.
    var isRunning: Bool {
        if exitStatus != nil { return false }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        if reaped == pid {
            exitStatus = status
            return false
        }
        return reaped == 0
    }

    /// Waits until stdout satisfies `condition`; fails the test (and says what was printed) on timeout or exit.
    func waitForOutput(_ what: String, timeout: Duration = .seconds(30), _ condition: (String) -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition(stdout) {
            if !isRunning && output.isFinished {
                Issue.record("netcards exited before printing \(what)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)")
                throw WaitFailure.exitedEarly
            }
            if ContinuousClock.now > deadline {
                Issue.record("no \(what) after \(timeout)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)")
                throw WaitFailure.timedOut
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Waits until stdout holds `count` lines containing `marker` (e.g. "next in" once per graded card).
    func waitForCount(of marker: String, _ count: Int, timeout: Duration = .seconds(30)) async throws {
        try await waitForOutput("\(count)× \"\(marker)\"", timeout: timeout) { $0.occurrences(of: marker) >= count }
    }

    /// Waits for the exit and for both pipes to drain; SIGKILLs the process and fails on timeout.
    func waitForExit(timeout: Duration = .seconds(60)) async throws -> RunResult {
        let deadline = ContinuousClock.now + timeout
        while isRunning || !output.isFinished || !errors.isFinished {
            if ContinuousClock.now > deadline {
                kill(pid, SIGKILL)
                Issue.record("netcards did not exit within \(timeout)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)")
                throw WaitFailure.timedOut
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        return result
    }

    /// How the finished process ended, decoded from its wait status.
    private var result: RunResult {
        let status = exitStatus ?? 0
        let signalled = status & 0x7f != 0 && status & 0x7f != 0x7f
        return RunResult(status: signalled ? status & 0x7f : (status >> 8) & 0xff, killedBySignal: signalled,
                         stdout: stdout, stderr: stderr)
    }

    /// Runs a program to its end, blocking the calling thread: for trait conditions and `defer`, which cannot await.
    static func runBlocking(_ executable: String, _ arguments: [String]) -> RunResult? {
        guard let program = try? RunningProgram(executable: executable, arguments: arguments,
                                                environment: ProcessInfo.processInfo.environment) else { return nil }
        program.closeInput()
        while program.isRunning || !program.output.isFinished || !program.errors.isFinished { usleep(10_000) }
        return program.result
    }

    enum WaitFailure: Error { case timedOut, exitedEarly }
}

extension String {
    func occurrences(of marker: String) -> Int { components(separatedBy: marker).count - 1 }

    /// True when the text ends at a prompt (`answer> `, `Enter to reveal> `, `grade … > `): the REPL is reading.
    var endsAtPrompt: Bool { hasSuffix("> ") }
}

/// The `sqlite3` command-line shell, when installed (CI installs it: see .ci/run).
enum SQLite3 {
    static let path: String? = {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/sqlite3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    static var isInstalled: Bool { path != nil }

    /// Runs `sql` on the database; fails the test on a non-zero exit.
    static func query(_ database: String, _ sql: String, in sandbox: Sandbox) async throws -> String {
        let sqlite3 = try #require(path, "sqlite3 is not installed (apt-get install sqlite3)")
        let result = try await sandbox.runProgram(sqlite3, ["-batch", database, sql])
        try #require(result.status == 0, "sqlite3 \(sql) failed: \(result)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Review input for `count` cards: Enter reveals, `4` grades (good), so each new card says "next in 1 day".
func goodGrades(_ count: Int) -> String { String(repeating: "\n4\n", count: count) }

/// The file's bytes, to compare before and after a command.
func bytes(of path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

/// The names in a folder that start with `prefix`.
func files(in folder: URL, startingWith prefix: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(prefix) }.sorted()
}
