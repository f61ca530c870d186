import Foundation
import NetcardsCore
import NetcardsTestSupport
import Testing

/// What `netcards stats --json` prints (README, "Stats"): decoding fails on a renamed or missing field.
struct StatsOutput: Decodable, Sendable {
    struct Today: Decodable, Sendable, Equatable {
        var date: String, answered: Int, correct: Int, correctPercent: Int?, seconds: Int, dueLeft: Int, newLeft: Int
    }
    struct Module: Decodable, Sendable, Equatable {
        var module: String, cards: Int, new: Int, learning: Int, young: Int, mature: Int, suspended: Int
        var retentionAnswers: Int, retentionPassed: Int, retentionPercent: Int?
    }
    struct Day: Decodable, Sendable, Equatable { var date: String, answers: Int }
    struct Forecast: Decodable, Sendable, Equatable { var date: String, due: Int }
    struct TrendPoint: Decodable, Sendable, Equatable { var date: String, mastered: Int, total: Int }
    struct Trend: Decodable, Sendable, Equatable { var module: String, points: [TrendPoint] }
    struct Quiz: Decodable, Sendable, Equatable { var answers: Int, correct: Int, percent: Int? }
    struct Leech: Decodable, Sendable, Equatable { var id: String, front: String, lapses: Int, ease: Double }
    struct Lab: Decodable, Sendable, Equatable { var name: String, solved: Int, attempts: Int, lastSolved: String? }

    var today: Today
    var modules: [Module]
    var calendar: [Day]
    var currentStreak: Int
    var longestStreak: Int
    var forecast: [Forecast]
    var trend: [Trend]
    var quiz: Quiz
    var leeches: [Leech]
    var labs: [Lab]
}

/// The e2e stats history: 40 days of scripted runs of the built binary, through pipes, each with
/// NETCARDS_NOW on that day at 09:00 UTC. T is the fixed test day, 2026-11-28 (a Saturday).
///
/// - internet (How the internet works): on T-39 … T-28 one new card a day, and every day T-39 … T every
///   due card graded 5. Card k (introduced on T-39+k) is answered on its day, +1, +7 and +24 (intervals
///   1, 6, 17, 50): all 12 are mastered, one a day from T-15 to T-4, and next due after T+14.
/// - protocols: one new card on T-10 graded 5, then 1+4 (T-9), 1+4 (T-8), 2+4 (T-7), 4 (T-6): a leech with
///   3 lapses and ease 2.6, due T (due left).
/// - front-of-app: one new card on T-6 graded 3 then 4 (ease 2.36), then 1+4 (T-5), 1+4 (T-4), 0+4 (T-3),
///   4 (T-2): a leech with 3 lapses and ease 2.36, interval 6, due T+4.
/// - cloud: on T-3 two new cards graded 4 (due T-2, overdue: due left) and a third suspended (:suspend).
/// - debugging: on T-1 two new cards graded 4 (due T); on T the first graded 5 (due T+6), the second 1
///   (a lapse, ease 2.5) then 4 (due T+1), and one new card graded 4 (due T+1).
/// - quiz ports (4 port questions, seed 7): on T-1 all wrong; on T the same questions, the third wrong.
struct StatsHistory: Sendable {
    static let today = StudyDay(year: 2026, month: 11, day: 28)

    /// The NETCARDS_NOW of day T+offset.
    static func moment(_ offset: Int) -> String { "\(today.adding(days: offset).iso)T09:00:00Z" }
    static func date(_ offset: Int) -> String { today.adding(days: offset).iso }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// The store's files once the history is written (the store, and its WAL if one is left).
    var files: [String: Data]
    /// The quiz questions of both runs, in order, with their answers.
    var quizQuestions: [(front: String, answer: String)]

    /// Built once per test process; every test starts from its own copy.
    static let shared: Result<StatsHistory, any Error> = Result { try build() }

    /// A sandbox holding a copy of the history's store.
    static func sandbox() throws -> Sandbox {
        let history = try shared.get()
        let sandbox = try Sandbox()
        for (suffix, data) in history.files { try data.write(to: URL(fileURLWithPath: sandbox.storePath + suffix)) }
        return sandbox
    }

    private static func build() throws -> StatsHistory {
        let sandbox = try Sandbox()
        @discardableResult
        func run(_ offset: Int, _ arguments: [String], _ input: String) throws -> ProcessResult {
            let result = try sandbox.run(arguments, stdin: input, env: ["NETCARDS_NOW": moment(offset)])
            guard result.status == 0 else {
                throw Failure(description: "history, day T\(offset): netcards \(arguments.joined(separator: " ")) failed: \(result)")
            }
            return result
        }
        func review(_ offset: Int, deck: String, new: Int, grades: [String], reviewed: Int) throws {
            // An empty line reveals the answer, then the grade: the same for typed and revealed cards.
            let result = try run(offset, ["review", "--deck", deck, "--new", String(new)],
                                 grades.map { $0.hasPrefix(":") ? "\($0)\n" : "\n\($0)\n" }.joined())
            guard result.stdout.contains("(\(reviewed) answer") else {
                throw Failure(description: "history, day T\(offset), deck \(deck): expected \(reviewed) answers:\n\(result)")
            }
        }

        for offset in -39...0 {
            try run(offset, ["review", "--deck", "internet", "--new", offset <= -28 ? "1" : "0"],
                    String(repeating: "\n5\n", count: 6))
        }
        try review(-10, deck: "protocols", new: 1, grades: ["5"], reviewed: 1)
        try review(-9, deck: "protocols", new: 0, grades: ["1", "4"], reviewed: 2)
        try review(-8, deck: "protocols", new: 0, grades: ["1", "4"], reviewed: 2)
        try review(-7, deck: "protocols", new: 0, grades: ["2", "4"], reviewed: 2)
        try review(-6, deck: "protocols", new: 0, grades: ["4"], reviewed: 1)
        try review(-6, deck: "front-of-app", new: 1, grades: ["3", "4"], reviewed: 2)
        try review(-5, deck: "front-of-app", new: 0, grades: ["1", "4"], reviewed: 2)
        try review(-4, deck: "front-of-app", new: 0, grades: ["1", "4"], reviewed: 2)
        try review(-3, deck: "front-of-app", new: 0, grades: ["0", "4"], reviewed: 2)
        try review(-2, deck: "front-of-app", new: 0, grades: ["4"], reviewed: 1)
        try review(-3, deck: "cloud", new: 3, grades: ["4", "4", ":suspend"], reviewed: 2)
        try review(-1, deck: "debugging", new: 2, grades: ["4", "4"], reviewed: 2)

        let quiz = ["quiz", "ports", "-n", "4", "--direction", "port", "--seed", "7"]
        let first = try run(-1, quiz, String(repeating: "zzzz\n", count: 4))
        let questions = try quizQuestions(in: first.stdout)
        guard first.stdout.contains("Score: 0/4") else { throw Failure(description: "first quiz:\n\(first)") }
        let answers = questions.enumerated().map { index, question in index == 2 ? "zzzz" : question.answer }
        let second = try run(0, quiz, answers.map { $0 + "\n" }.joined())
        guard second.stdout.contains("Score: 3/4"), try quizQuestions(in: second.stdout).map(\.front) == questions.map(\.front) else {
            throw Failure(description: "second quiz (answers \(answers)):\n\(second)")
        }

        // The new card comes between the two due ones (new cards are spread among the due).
        try review(0, deck: "debugging", new: 1, grades: ["5", "4", "1", "4"], reviewed: 4)

        var files: [String: Data] = [:]
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: sandbox.storePath + suffix) {
            files[suffix] = try Data(contentsOf: URL(fileURLWithPath: sandbox.storePath + suffix))
        }
        return StatsHistory(files: files, quizQuestions: questions)
    }

    /// The questions of a quiz run in order, with the answers its "Missed:" list gives (every one of them
    /// missed in the first run).
    private static func quizQuestions(in output: String) throws -> [(front: String, answer: String)] {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let fronts = lines.compactMap { line -> String? in
            guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return nil }
            return String(line[line.index(after: close)...]).trimmingCharacters(in: .whitespaces)
        }
        var answers: [String: String] = [:]
        if let missed = lines.firstIndex(of: "Missed:") {
            for line in lines[(missed + 1)...] where line.contains(" → ") {
                let parts = line.trimmingCharacters(in: .whitespaces).components(separatedBy: " → ")
                answers[parts[0]] = parts[1].components(separatedBy: "  (")[0]
            }
        }
        guard fronts.count == 4 else { throw Failure(description: "expected 4 quiz questions in:\n\(output)") }
        return fronts.map { ($0, answers[$0] ?? "") }
    }
}

extension Sandbox {
    /// `netcards stats --json` (plus `extra`) on day T+offset, decoded.
    func stats(_ extra: [String] = [], on offset: Int = 0, sourceLocation: SourceLocation = #_sourceLocation) throws -> StatsOutput {
        let result = try run(["stats", "--json"] + extra, env: ["NETCARDS_NOW": StatsHistory.moment(offset)])
        try #require(result.status == 0, "stats --json failed: \(result)", sourceLocation: sourceLocation)
        return try JSONDecoder().decode(StatsOutput.self, from: result.stdoutData)
    }

    /// `netcards stats` as text through a pipe.
    func statsText(_ extra: [String] = [], env: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(["stats"] + extra, env: env)
        try #require(result.status == 0, "stats failed: \(result)", sourceLocation: sourceLocation)
        try #require(result.stderr.isEmpty, "stats wrote to stderr: \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }
}

extension String {
    var lines: [String] { split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The first line starting with `prefix` (leading spaces included).
    func line(startingWith prefix: String) -> String? { lines.first { $0.hasPrefix(prefix) } }

    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

// MARK: - Snapshots

/// Compares `actual` with a checked-in snapshot under Tests/Snapshots (outside the test target, so SwiftPM
/// has no unhandled file to warn about). Missing or different: the test fails with a line diff.
/// NETCARDS_RECORD_SNAPSHOTS=1 (re)writes the file instead.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Snapshots", directoryHint: .isDirectory)
    static var recording: Bool { ProcessInfo.processInfo.environment["NETCARDS_RECORD_SNAPSHOTS"] == "1" }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appending(path: name)
        if recording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: file)
            print("recorded snapshot \(file.path); look at it, then run again without NETCARDS_RECORD_SNAPSHOTS")
            return
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            Issue.record("no snapshot at \(file.path): run once with NETCARDS_RECORD_SNAPSHOTS=1 to record it, and look at it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        let actualFile = FileManager.default.temporaryDirectory.appending(path: "\(name).actual-\(UUID().uuidString.prefix(8))")
        try? Data(actual.utf8).write(to: actualFile)
        Issue.record("""
            output differs from the snapshot \(file.path)
            \(diff(expected: expected, actual: actual))
            the new output is in \(actualFile.path); if the change is intended, re-record with NETCARDS_RECORD_SNAPSHOTS=1 \
            and check the new file by eye
            """, sourceLocation: sourceLocation)
    }

    /// The differing lines, numbered, `-` from the snapshot and `+` from the output, with trailing spaces
    /// and the end of each line made visible.
    static func diff(expected: String, actual: String) -> String {
        let old = expected.lines, new = actual.lines
        var out: [String] = []
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? old[index] : nil
            let b = index < new.count ? new[index] : nil
            guard a != b else { continue }
            out.append("line \(index + 1) - \(a.map { $0 + "⏎" } ?? "(none)")")
            out.append("line \(index + 1) + \(b.map { $0 + "⏎" } ?? "(none)")")
            if out.count >= 40 { out.append("…"); break }
        }
        return out.joined(separator: "\n")
    }
}
