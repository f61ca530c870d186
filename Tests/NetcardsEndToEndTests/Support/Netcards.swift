import Foundation
import NetcardsCore
import NetcardsLab
import NetcardsTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The fixed moment the schedule assertions are written against: study day 2026-11-28 (TZ=UTC).
let fixedNow = "2026-11-28T09:00:00Z"

// MARK: - Running it through pipes

struct ProcessResult: Sendable, CustomStringConvertible {
    var stdout: String
    var stderr: String
    /// The exit code, or 128 + the signal number when a signal ended the process.
    var status: Int32
    var stdoutData: Data
    var stderrData: Data

    var description: String { "exit \(status)\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)" }
}

struct ProcessTimedOut: Error, CustomStringConvertible {
    var arguments: [String]
    var description: String { "netcards \(arguments.joined(separator: " ")) did not finish within the time limit" }
}

final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// Writing to a pipe whose reader has exited must fail with EPIPE, not kill the test process.
let ignoreSIGPIPE: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

/// Runs the binary with `arguments`, `stdin` piped in (then closed) and exactly `env` as its environment
/// (nothing inherited, so the learner's NETCARDS_DB, NO_COLOR or store can't leak in). Stdout and stderr are
/// read concurrently, so large outputs can't deadlock.
func runNetcards(_ arguments: [String], stdin: String = "", env: [String: String], executable: URL? = nil,
                 directory: URL? = nil, timeout: TimeInterval = 60) throws -> ProcessResult {
    _ = ignoreSIGPIPE
    let process = Process()
    process.executableURL = try executable ?? NetcardsBinary.require()
    process.arguments = arguments
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }
    let input = Pipe(), output = Pipe(), errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()

    let group = DispatchGroup()
    let out = DataBox(), err = DataBox()
    onOwnThread(group) { out.data = PipeReading.readToEnd(output.fileHandleForReading) }
    onOwnThread(group) { err.data = PipeReading.readToEnd(errors.fileHandleForReading) }
    onOwnThread(group) {
        let writer = input.fileHandleForWriting
        try? writer.write(contentsOf: Data(stdin.utf8))  // EPIPE when the process exits without reading: fine
        try? writer.close()
    }
    if group.wait(timeout: .now() + timeout) == .timedOut {
        process.terminate()
        process.waitUntilExit()
        throw ProcessTimedOut(arguments: arguments)
    }
    process.waitUntilExit()
    let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    return ProcessResult(stdout: String(decoding: out.data, as: UTF8.self), stderr: String(decoding: err.data, as: UTF8.self),
                         status: status, stdoutData: out.data, stderrData: err.data)
}

/// Runs `work` on a thread of its own, inside `group`. Not on Dispatch's global queue: on a two-core machine
/// its few threads are all taken by tests blocked in waits, and a reader queued behind them never runs.
func onOwnThread(_ group: DispatchGroup, _ work: @escaping @Sendable () -> Void) {
    group.enter()
    Thread {
        work()
        group.leave()
    }.start()
}

// MARK: - A sandbox per test

/// A fresh temporary folder per test holding the store, HOME and XDG_DATA_HOME, so no test can touch the
/// learner's own store. Removed when the test is done.
final class Sandbox {
    let root: URL
    /// Where `--db` points.
    let storePath: String
    /// The environment every run starts from: HOME and XDG_DATA_HOME inside `root`, UTC, UTF-8, and the
    /// fixed clock unless the test asks for none.
    var environment: [String: String]

    init(clock: String? = fixedNow) throws {
        root = FileManager.default.temporaryDirectory
            .appending(path: "netcards-e2e-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        storePath = root.appending(path: "store.sqlite").path
        environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": root.path,
            "XDG_DATA_HOME": root.appending(path: "xdg-data").path,
            "TZ": "UTC",
            "LANG": "C.UTF-8",
        ]
        if let clock { environment["NETCARDS_NOW"] = clock }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Where the store would go without --db or NETCARDS_DB.
    var defaultStorePath: String { root.appending(path: "xdg-data/netcards/netcards.sqlite").path }

    func path(_ name: String) -> String { root.appending(path: name).path }

    /// Runs netcards through pipes (in `directory`, else the test's own); `--db` points at this sandbox's store
    /// unless `db` is false.
    func run(_ arguments: [String], stdin: String = "", env extra: [String: String] = [:], db: Bool = true,
             executable: URL? = nil, directory: URL? = nil) throws -> ProcessResult {
        let environment = self.environment.merging(extra) { _, new in new }
        return try runNetcards(arguments + (db ? ["--db", storePath] : []), stdin: stdin, env: environment,
                               executable: executable, directory: directory)
    }

    /// `netcards cards --json`, decoded; fails the test when the command fails.
    func cards(_ extra: [String] = [], env: [String: String] = [:], db: Bool = true,
               sourceLocation: SourceLocation = #_sourceLocation) throws -> [StoredCard] {
        let result = try run(["cards", "--json"] + extra, env: env, db: db)
        try #require(result.status == 0, "cards --json failed: \(result)", sourceLocation: sourceLocation)
        return try JSONDecoder().decode([StoredCard].self, from: result.stdoutData)
    }

    func decks(sourceLocation: SourceLocation = #_sourceLocation) throws -> [StoredDeck] {
        let result = try run(["decks", "--json"])
        try #require(result.status == 0, "decks --json failed: \(result)", sourceLocation: sourceLocation)
        return try JSONDecoder().decode([StoredDeck].self, from: result.stdoutData)
    }

    /// Starts netcards on a fresh pseudo-terminal (TERM=xterm, 120×30 unless told) with `--db` pointing at this store.
    func terminal(_ arguments: [String], env extra: [String: String] = [:], db: Bool = true,
                  columns: UInt16 = 120) throws -> PseudoTerminal {
        var environment = self.environment.merging(["TERM": "xterm"]) { _, new in new }
        environment.merge(extra) { _, new in new }
        return try PseudoTerminal(executable: NetcardsBinary.require(),
                                  arguments: arguments + (db ? ["--db", storePath] : []), environment: environment,
                                  columns: columns)
    }
}

// MARK: - What `cards --json` and `decks --json` print

struct StoredCard: Decodable, Equatable, Sendable {
    var id, deck, module, front, back, state, kind: String
    var reps, lapses, interval: Int
    var tags: [String]
    var ease: Double
    var due: String?
    var stability, difficulty, retrievability: Double?
}

struct StoredDeck: Decodable, Equatable, Sendable {
    var deck, module: String
    var cards, due, new: Int
}

extension Array where Element == StoredCard {
    subscript(id id: String) -> StoredCard? { first { $0.id == id } }
}

/// The card whose question appears in `text` (the longest match, as one question may contain another).
func card(shownIn text: String, among cards: [StoredCard], sourceLocation: SourceLocation = #_sourceLocation) throws -> StoredCard {
    let shown = cards.filter { text.contains($0.front) }.max { $0.front.count < $1.front.count }
    return try #require(shown, "no known card question in:\n\(text)", sourceLocation: sourceLocation)
}

// MARK: - The bundled decks' source

enum DeckSources {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Decks", directoryHint: .isDirectory)

    /// Decks/*.md parsed by the same parser the binary embeds them with.
    static func parsed() throws -> [DeckDefinition] {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { file in
            try DeckParser.parse(String(contentsOf: file, encoding: .utf8), file: "Decks/\(file.lastPathComponent)")
        }
    }
}

extension String {
    var containsEscape: Bool { utf8.contains(0x1B) }
}

extension Data {
    var containsEscape: Bool { contains(0x1B) }
}
