import Foundation
import GRDB
import NetcardsCore

public enum DeckSource: String, Sendable { case bundled, imported }

/// What loading a deck did (or, in a dry run, would do).
public struct DeckLoadReport: Hashable, Sendable {
    public var deck: String
    /// The ids added and changed (in deck order) and retired (by id): all of them, unless the load was asked to
    /// list only the first few (`idsListed`); the counts below are always whole.
    public var added: [String] = []
    public var changed: [String] = []
    public var retired: [String] = []
    public var unchanged = 0
    public var addedCount = 0
    public var changedCount = 0
    public var retiredCount = 0

    enum Change { case changed, retired }

    /// Counts the change, and lists its card while fewer than `limit` are listed.
    mutating func record(_ change: Change, _ id: String, listing limit: Int) {
        switch change {
        case .changed:
            changedCount += 1
            if changed.count < limit { changed.append(id) }
        case .retired:
            retiredCount += 1
            if retired.count < limit { retired.append(id) }
        }
    }
}

/// A deck the store can load: its name, module and title, and its cards handed over one at a time in deck order,
/// so that a large import can keep its cards packed instead of as 100,000 `CardDefinition`s.
public protocol LoadableDeck: Sendable {
    var name: String { get }
    var module: String { get }
    var title: String? { get }
    var contentHash: String? { get }
    func forEachCard(_ body: (CardDefinition) throws -> Void) rethrows
}

public struct DeckToLoad: Sendable {
    public var definition: DeckDefinition
    public var contentHash: String?
    public init(_ definition: DeckDefinition, contentHash: String? = nil) {
        self.definition = definition
        self.contentHash = contentHash
    }
}

extension DeckToLoad: LoadableDeck {
    public var name: String { definition.name }
    public var module: String { definition.module }
    public var title: String? { definition.title }
    public func forEachCard(_ body: (CardDefinition) throws -> Void) rethrows { try definition.cards.forEach(body) }
}

extension NetcardsStore {
    /// Loads decks in one transaction: new cards are added, existing ids updated in place (their progress
    /// kept), ids no longer in a deck retired with their history. A dry run reports and changes nothing.
    @discardableResult
    public func load(_ decks: [DeckToLoad], source: DeckSource, today: StudyDay, dryRun: Bool = false) throws(StoreError) -> [DeckLoadReport] {
        try loadStaged(decks, dryRun: dryRun) { db, staged in
            let reports = try zip(decks, staged).map { try Self.load($0, staged: $1, source: source, db) }
            try Self.refreshMastery(db, today: today)
            return reports
        }
    }

    /// Content hashes of the decks loaded from `source`, by deck name.
    public func deckHashes(source: DeckSource) throws(StoreError) -> [String: String] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT name, content_hash FROM deck WHERE source = ?", arguments: [source.rawValue])
            return Dictionary(rows.map { ($0["name"], ($0["content_hash"] as String?) ?? "") }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// Stages the cards of `decks` (`StagedCards`) without locking the store, then runs `body` in one immediate
    /// transaction, committed unless this is a dry run. A large import so holds the write lock only while SQL
    /// copies its rows, never while Swift turns them into rows: a review in another terminal waits seconds at most.
    func loadStaged<T>(_ decks: [some LoadableDeck], dryRun: Bool,
                       _ body: (Database, [StagedCards]) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                let staged = try StagedCards.stage(decks, db)
                defer { try? StagedCards.drop(db) }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db, staged)
                    return dryRun ? .rollback : .commit
                }
                return result!
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.describe(error, path: path)
        }
    }

    private static let positionsPerDeck = 10_000_000

    /// Loads one staged deck with a handful of statements, whatever its size: each card is matched to the deck's
    /// card of the same id; the report is worked out first, then the rows are inserted, updated and retired.
    static func load(_ deck: some LoadableDeck, staged: StagedCards, source: DeckSource, idsListed limit: Int = .max,
                     _ db: Database) throws -> DeckLoadReport {
        let moduleId = try moduleId(named: deck.module, db)
        let existingDeck = try Row.fetchOne(db, sql: "SELECT id, position FROM deck WHERE name = ?", arguments: [deck.name])
        let deckId: Int64
        let deckPosition: Int
        if let existingDeck {
            deckId = existingDeck["id"]
            deckPosition = existingDeck["position"]
            try db.execute(sql: "UPDATE deck SET module_id = ?, title = ?, source = ?, content_hash = ? WHERE id = ?",
                           arguments: [moduleId, deck.title, source.rawValue, deck.contentHash, deckId])
        } else {
            deckPosition = (try Int.fetchOne(db, sql: "SELECT max(position) FROM deck") ?? -1) + 1
            try db.execute(sql: "INSERT INTO deck(name, module_id, title, source, content_hash, position) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [deck.name, moduleId, deck.title, source.rawValue, deck.contentHash, deckPosition])
            deckId = db.lastInsertedRowID
        }
        let hadCards = try existingDeck != nil
            && Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM card WHERE deck_id = ?)", arguments: [deckId]) ?? false
        let firstPosition = deckPosition * positionsPerDeck
        let range = (lowerBound: staged.first, upperBound: staged.last)
        var report = DeckLoadReport(deck: deck.name)

        if let taken = try String.fetchOne(db, sql: """
            SELECT s.id FROM temp.staged_card s JOIN card c ON c.id = s.id
            WHERE s.rowid BETWEEN ? AND ? AND c.deck_id <> ? LIMIT 1
            """, arguments: [range.lowerBound, range.upperBound, deckId]) {
            throw StoreError(.invalidInput, "card id \(taken) already belongs to another deck — rename the deck or the card's id")
        }
        if hadCards {
            // Matched cards: changed when any content column differs; rewritten as well when only their position moved.
            func differs(_ c: String) -> String {
                """
                (\(c).note_key IS NOT s.note_key OR \(c).table_name IS NOT s.table_name OR \(c).template IS NOT s.template
                 OR \(c).front IS NOT s.front OR \(c).back IS NOT s.back OR \(c).answers IS NOT s.answers
                 OR \(c).mode IS NOT s.mode OR \(c).tags IS NOT s.tags OR \(c).retired <> 0)
                """
            }
            let matched = try Row.fetchCursor(db, sql: """
                SELECT s.id, \(differs("c")) FROM temp.staged_card s JOIN card c ON c.id = s.id
                WHERE s.rowid BETWEEN ? AND ? ORDER BY s.rowid
                """, arguments: [range.lowerBound, range.upperBound])
            while let row = try matched.next() {
                if row[1] as Bool { report.record(.changed, row[0], listing: limit) } else { report.unchanged += 1 }
            }
            let gone = try String.fetchCursor(db, sql: """
                SELECT id FROM card WHERE deck_id = ? AND retired = 0
                AND id NOT IN (SELECT id FROM temp.staged_card WHERE rowid BETWEEN ? AND ?) ORDER BY id
                """, arguments: [deckId, range.lowerBound, range.upperBound])
            while let id = try gone.next() { report.record(.retired, id, listing: limit) }
            try db.execute(sql: """
                UPDATE card SET note_key = s.note_key, table_name = s.table_name, template = s.template,
                    position = ? + s.seq, front = s.front, back = s.back, answers = s.answers, mode = s.mode,
                    tags = s.tags, retired = 0
                FROM temp.staged_card AS s
                WHERE card.id = s.id AND s.rowid BETWEEN ? AND ? AND (\(differs("card"))
                      OR card.position <> ? + s.seq)
                """, arguments: [firstPosition, range.lowerBound, range.upperBound, firstPosition])
            try db.execute(sql: """
                UPDATE card SET retired = 1 WHERE deck_id = ? AND retired = 0
                AND id NOT IN (SELECT id FROM temp.staged_card WHERE rowid BETWEEN ? AND ?)
                """, arguments: [deckId, range.lowerBound, range.upperBound])
        }
        // The new cards: only the ids the report lists are read; the count is what the insert wrote.
        let newCards = """
            FROM temp.staged_card s WHERE s.rowid BETWEEN ? AND ?
            \(hadCards ? "AND NOT EXISTS (SELECT 1 FROM card WHERE card.id = s.id)" : "") ORDER BY s.rowid
            """
        report.added = try String.fetchAll(db, sql: "SELECT id \(newCards) LIMIT ?",
                                           arguments: [range.lowerBound, range.upperBound, limit])
        try db.execute(sql: """
            INSERT INTO card(id, deck_id, note_key, table_name, template, position, front, back, answers, mode, tags)
            SELECT id, ?, note_key, table_name, template, ? + seq, front, back, answers, mode, tags \(newCards)
            """, arguments: [deckId, firstPosition, range.lowerBound, range.upperBound])
        report.addedCount = db.changesCount
        return report
    }

    private static func moduleId(named name: String, _ db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM module WHERE name = ?", arguments: [name]) { return id }
        let position = (try Int.fetchOne(db, sql: "SELECT max(position) FROM module") ?? -1) + 1
        try db.execute(sql: "INSERT INTO module(name, position) VALUES (?, ?)", arguments: [name, position])
        return db.lastInsertedRowID
    }

    /// Recounts every module's mastery (after a load changes which cards exist, a suspension or a change of
    /// scheduler): mature cards that are suspended don't count, every card not retired is in the total. SQLite
    /// counts the cards by the signs `CardProgress` reads (`ProgressCounts`), so no card row is read in Swift.
    static func refreshMastery(_ db: Database, today: StudyDay) throws {
        let active = try SchedulerSetting.schedulers(db).active
        var counts: [Int64: (mastered: Int, total: Int)] = [:]
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM module") { counts[id] = (0, 0) }
        for (module, figures) in try ProgressCounts.byModule(deckScope: nil, scheduler: active, recallOn: nil, db) {
            counts[module] = (figures.progress[.mature] ?? 0, figures.progress.values.reduce(0, +))
        }
        let save = try db.makeStatement(sql: "INSERT OR REPLACE INTO mastery(module_id, mastered, total) VALUES (?, ?, ?)")
        for (module, count) in counts { try save.execute(arguments: [module, count.mastered, count.total]) }
        try db.execute(sql: """
            INSERT OR REPLACE INTO mastery_history(module_id, day, mastered, total)
            SELECT module_id, ?, mastered, total FROM mastery
            """, arguments: [today.number])
    }
}

/// The cards of one deck of a load, written to the connection's own temporary table (`temp.staged_card`, in
/// SQLite's temporary file, not the store) before the store is locked; the deck's rows are a range of rowids.
struct StagedCards {
    /// The deck's rows in `temp.staged_card` are `first...last`; `last` is `first - 1` for a deck without cards.
    var first: Int64
    var last: Int64

    /// Stages every deck in one transaction on the temporary database only: the store itself is neither read nor
    /// locked, so other netcards go on answering meanwhile.
    static func stage(_ decks: [some LoadableDeck], _ db: Database) throws -> [StagedCards] {
        try drop(db)
        try db.execute(sql: """
            CREATE TEMP TABLE staged_card (
                seq INTEGER NOT NULL, id TEXT NOT NULL, note_key TEXT NOT NULL, table_name TEXT, template TEXT,
                front TEXT NOT NULL, back TEXT NOT NULL, answers TEXT NOT NULL, mode TEXT NOT NULL, tags TEXT NOT NULL)
            """)
        var staged: [StagedCards] = []
        try db.inTransaction(.deferred) {
            let insert = try StagingInsert(db)
            // A new table's rowids count from 1 in insertion order: each deck's cards are one run of them.
            var rowid: Int64 = 0
            for deck in decks {
                let first = rowid + 1
                var seq = 0
                try deck.forEachCard { card in
                    try insert.insert(card, seq: seq)
                    seq += 1
                    rowid += 1
                }
                staged.append(StagedCards(first: first, last: rowid))
            }
            return .commit
        }
        return staged
    }

    static func drop(_ db: Database) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS temp.staged_card")
    }
}
