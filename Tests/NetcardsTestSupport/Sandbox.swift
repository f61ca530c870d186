import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The fixed moment the schedule assertions are written against: study day 2026-11-28 (TZ=UTC), a Saturday.
package let fixedNow = "2026-11-28T09:00:00Z"

/// A fresh temporary folder per test holding the store, HOME and XDG_DATA_HOME, so no test can touch the
/// learner's own store; netcards runs in it with exactly the sandbox's environment (nothing inherited, so the
/// learner's NETCARDS_DB or NO_COLOR can't leak in). Removed when the test is done.
package final class Sandbox {
    package let root: URL
    /// Where `--db` points.
    package let storePath: String
    /// The environment every run starts from: PATH, HOME and XDG_DATA_HOME inside `root`, UTC, UTF-8, and the
    /// fixed clock unless the test asks for none.
    package var environment: [String: String]

    /// Which store a run names with `--db`.
    package enum Store {
        /// The sandbox's own (`storePath`).
        case own
        case at(String)
        /// No `--db`: netcards picks its default (NETCARDS_DB, XDG_DATA_HOME …).
        case unnamed
    }

    package init(clock: String? = fixedNow) throws {
        root = FileManager.default.temporaryDirectory
            .appending(path: "netcards-test-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        storePath = root.appending(path: "netcards.sqlite").path
        environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": root.path,
            "XDG_DATA_HOME": root.appending(path: "xdg-data").path,
            "TZ": "UTC",
            "LANG": "C.UTF-8",
        ]
        if let clock { environment["NETCARDS_NOW"] = clock }
    }

    deinit {
        // A test may have made the folder read-only; make it removable again first.
        _ = chmod(root.path, 0o755)
        try? FileManager.default.removeItem(at: root)
    }

    /// Where the store would go without --db or NETCARDS_DB.
    package var defaultStorePath: String { root.appending(path: "xdg-data/netcards/netcards.sqlite").path }

    package func path(_ name: String) -> String { root.appending(path: name).path }

    /// Runs netcards to its end (in `directory`, else the test's own), `stdin` piped in, `env` added to the
    /// sandbox's environment.
    package func run(_ arguments: [String], stdin: String = "", env extra: [String: String] = [:], db: Store = .own,
                     executable: URL? = nil, directory: URL? = nil, timeout: Duration = .seconds(60)) throws -> ProcessResult {
        try NetcardsTestSupport.runProgram(executable ?? NetcardsBinary.require(), arguments + storeArguments(db), stdin: Data(stdin.utf8),
                       environment: environment(adding: extra), directory: directory?.path, timeout: timeout)
    }

    /// Any program, in the sandbox's environment.
    package func runProgram(_ executable: String, _ arguments: [String], stdin: Data = Data(),
                            env extra: [String: String] = [:], timeout: Duration = .seconds(60)) throws -> ProcessResult {
        try NetcardsTestSupport.runProgram(URL(fileURLWithPath: executable), arguments, stdin: stdin,
                                           environment: environment(adding: extra), timeout: timeout)
    }

    /// Starts netcards with stdin a pipe the test writes to and keeps open.
    package func start(_ arguments: [String], env extra: [String: String] = [:], db: Store = .own,
                       mergingErrors: Bool = false) throws -> RunningProgram {
        try RunningProgram(executable: NetcardsBinary.require(), arguments: arguments + storeArguments(db),
                           environment: environment(adding: extra), mergingErrors: mergingErrors)
    }

    /// `netcards cards --json`, decoded; throws when the command fails.
    package func cards(_ extra: [String] = [], env: [String: String] = [:], db: Store = .own) throws -> [StoredCard] {
        try decoded(["cards", "--json"] + extra, env: env, db: db)
    }

    package func decks(db: Store = .own) throws -> [StoredDeck] { try decoded(["decks", "--json"], db: db) }

    package func decoded<Value: Decodable>(_ arguments: [String], env: [String: String] = [:], db: Store = .own) throws -> Value {
        let result = try run(arguments, env: env, db: db)
        guard result.status == 0 else {
            throw ProgramFailure(message: "netcards \(arguments.joined(separator: " ")) failed (exit \(result.status))",
                                 stdout: result.stdout, stderr: result.stderr)
        }
        return try JSONDecoder().decode(Value.self, from: result.stdoutData)
    }

    package func environment(adding extra: [String: String]) -> [String: String] {
        environment.merging(extra) { _, new in new }
    }

    package func storeArguments(_ store: Store) -> [String] {
        switch store {
        case .own: ["--db", storePath]
        case .at(let path): ["--db", path]
        case .unnamed: []
        }
    }
}

/// A card as `cards --json` prints it.
package struct StoredCard: Decodable, Equatable, Sendable {
    package var id, deck, module, front, back, state, kind: String
    package var reps, lapses, interval: Int
    package var tags: [String]
    package var ease: Double
    package var due: String?
    package var stability, difficulty, retrievability: Double?
}

/// A deck as `decks --json` prints it.
package struct StoredDeck: Decodable, Equatable, Sendable {
    package var deck, module: String
    package var cards, due, new: Int
}

extension Array where Element == StoredCard {
    package subscript(id id: String) -> StoredCard? { first { $0.id == id } }
}
