import Foundation
import NetcardsCore
import NetcardsImport
import NetcardsStore
import Testing

/// A store in its own temporary folder, the fixtures, and helpers to import and compare.
struct ImportHarness {
    let folder: URL
    let store: NetcardsStore
    static let today = StudyDay(year: 2026, month: 2, day: 1)
    /// Noon UTC on `today`: imported reviews may be dated up to a day later.
    static let now = Date(timeIntervalSince1970: 1_769_947_200)
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/import")

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("netcards-import-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try NetcardsStore(path: folder.appendingPathComponent("store.sqlite").path)
    }

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    func options(deck: String? = nil, module: String? = nil, withHistory: Bool = false, now: Date = now) -> ImportOptions {
        ImportOptions(deck: deck, module: module, withHistory: withHistory, dayStartHour: 4,
                      timeZone: TimeZone(identifier: "UTC")!, now: now, temporaryDirectory: folder)
    }

    /// Reads `paths` and loads them as `netcards import` does.
    @discardableResult
    func importFiles(_ paths: [String], _ options: ImportOptions? = nil, dryRun: Bool = false) throws -> ImportLoadReport {
        let plan = try DeckImporter(options: options ?? self.options()).read(paths)
        return try store.loadImport(plan.decks, history: plan.history, today: Self.today, dryRun: dryRun)
    }

    @discardableResult
    func importFixtures(_ names: String..., options: ImportOptions? = nil, dryRun: Bool = false) throws -> ImportLoadReport {
        try importFiles(names.map(Self.fixture), options, dryRun: dryRun)
    }

    func cards(_ decks: String...) throws -> [CardRecord] { try store.cards(decks: decks) }

    func card(_ id: String) throws -> CardRecord {
        try #require(try store.card(id: id), "no card \(id)")
    }

    /// Everything an import could change: every card (retired too), and the review log.
    func snapshot() throws -> ([CardRecord], Int) {
        (try store.cards(includeRetired: true), try store.reviewLog().count)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
