import Foundation
import Testing
import NetcardsCore
import NetcardsStore

/// A fresh folder under the system's temporary directory, removed when the test's suite instance goes away.
/// Suites that use it are classes, so every test gets its own instance and its own folder.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("netcards-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// The `sqlite3` command-line tool, to look inside a store the way a curious user would,
/// and to forge what no netcards version writes (a newer schema).
enum SQLiteShell {
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/sqlite3" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var isAvailable: Bool { executable != nil }

    /// Runs SQL against the file and returns its output rows, columns split on `|`.
    @discardableResult
    static func run(_ database: String, _ sql: String) throws -> [[String]] {
        let result = try attempt(database, sql)
        try #require(result.status == 0, "sqlite3 failed: \(result.errors)")
        return result.output.split(separator: "\n")
            .map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Runs SQL against the file; its exit status, output and error text, whether it succeeded or not.
    static func attempt(_ database: String, _ sql: String) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(executable, "sqlite3 is not installed"))
        process.arguments = ["-batch", "-bail", database, sql]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), errorText)
    }
}

func fileBytes(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
}

func expectStoreError(_ kind: StoreError.Kind, sourceLocation: SourceLocation = #_sourceLocation,
                      _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected a StoreError of kind \(kind), nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as StoreError {
        #expect(error.kind == kind, "\(error.description)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a StoreError of kind \(kind), got \(error)", sourceLocation: sourceLocation)
    }
}

/// Fixed days so nothing depends on the machine's clock.
let day1 = StudyDay(year: 2026, month: 6, day: 1)

func parseDeck(_ text: String) throws -> DeckDefinition {
    try DeckParser.parse(text, file: "test.md")
}

/// A networking deck: three table rows with two templates each, and one free card.
func networkingDeck(rows: [String] = ["| ssh | 22 |", "| dns | 53 |", "| http | 80 |"],
                    portQuestion: String = "Which port does {Service} use?",
                    phonebook: String = "Q: DNS is the internet's …? {#dns-phonebook}\nA: phonebook") -> String {
    """
    ---
    deck: net
    module: Networking
    ---

    Table: ports
    | Service | Port |
    |---|---|
    \(rows.joined(separator: "\n"))

    Card port: \(portQuestion) => {Port}
    Card service: What listens on port {Port}? => {Service}

    \(phonebook)
    """
}

/// A second deck in another module.
let cloudDeck = """
    ---
    deck: cloud
    module: Cloud
    ---

    Q: Security group: stateful or stateless? {#sg-stateful}
    A: stateful

    Q: NACL: stateful or stateless? {#nacl-stateless}
    A: stateless
    """

extension NetcardsStore {
    /// Loads deck texts as bundled decks.
    @discardableResult
    func load(_ texts: [String], today: StudyDay = day1, dryRun: Bool = false) throws -> [DeckLoadReport] {
        try load(texts.map { DeckToLoad(try parseDeck($0)) }, source: .bundled, today: today, dryRun: dryRun)
    }

    @discardableResult
    func answer(_ cardId: String, _ grade: Int, on day: StudyDay, kind: AnswerKind = .review,
                typed: String? = nil, verdict: String? = nil, durationMs: Int? = nil) throws -> AnswerReceipt {
        try recordAnswer(AnswerInput(cardId: cardId, grade: Grade(grade)!, typed: typed, verdict: verdict,
                                     durationMs: durationMs, kind: kind, at: Date(timeIntervalSince1970: 1_780_000_000),
                                     today: day))
    }

    func state(_ cardId: String) throws -> CardState {
        try #require(try card(id: cardId)).memory.sm2
    }
}
