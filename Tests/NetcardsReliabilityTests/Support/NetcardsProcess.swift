import Foundation
import NetcardsTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// What the reliability tests add to the shared sandbox (NetcardsTestSupport): a fresh store, the counts they
// check, and the sqlite3 shell.

/// Every reliability suite nests in this one, so the tests run one at a time: they start many processes and
/// kill some of them, and on a two-core CI machine parallel runs would only make the timings flaky.
@Suite(.serialized) enum Reliability {}

extension Sandbox {
    /// A store with the bundled decks loaded and nothing answered yet.
    @discardableResult
    func createStore(at path: String? = nil) throws -> String {
        let target = path ?? storePath
        let result = try run([], db: .at(target))
        try #require(result.status == 0 && !result.killedBySignal, "creating the store failed: \(result)")
        return target
    }

    /// `stats --json`, decoded (the fields these tests count).
    func stats(db: Store = .own) throws -> StatsRow { try decoded(["stats", "--json"], db: db) }
}

struct StatsRow: Decodable {
    struct Today: Decodable { var answered: Int }
    struct Quiz: Decodable { var answers: Int }
    var today: Today
    var quiz: Quiz
}

extension String {
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
    static func query(_ database: String, _ sql: String, in sandbox: Sandbox) throws -> String {
        let sqlite3 = try #require(path, "sqlite3 is not installed (apt-get install sqlite3)")
        let result = try sandbox.runProgram(sqlite3, ["-batch", database, sql])
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
