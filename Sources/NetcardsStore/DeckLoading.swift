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

    enum Change { case added, changed, retired }

    /// Counts the change, and lists its card while fewer than `limit` are listed.
    mutating func record(_ change: Change, _ id: String, listing limit: Int) {
        switch change {
        case .added:
            addedCount += 1
            if added.count < limit { added.append(id) }
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
        do {
            var reports: [DeckLoadReport] = []
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    reports = try decks.map { try Self.load($0, source: source, db) }
                    try Self.refreshMastery(db, today: today)
                    return dryRun ? .rollback : .commit
                }
            }
            return reports
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.describe(error, path: path)
        }
    }

    /// Content hashes of the decks loaded from `source`, by deck name.
    public func deckHashes(source: DeckSource) throws(StoreError) -> [String: String] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT name, content_hash FROM deck WHERE source = ?", arguments: [source.rawValue])
            return Dictionary(rows.map { ($0["name"], ($0["content_hash"] as String?) ?? "") }, uniquingKeysWith: { a, _ in a })
        }
    }

    private static let positionsPerDeck = 10_000_000

    /// Loads one deck. Each card is looked up by its id as it comes (a deck that had no cards skips that), so
    /// neither the deck's cards nor its rows are held all at once.
    static func load(_ deck: some LoadableDeck, source: DeckSource, idsListed limit: Int = .max, _ db: Database) throws -> DeckLoadReport {
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

        var existing = try ExistingCards(deckId: deckId, isNewDeck: existingDeck == nil, db)
        var report = DeckLoadReport(deck: deck.name)
        let insert = try db.cachedStatement(sql: """
            INSERT INTO card(id, deck_id, note_key, table_name, template, position, front, back, answers, mode, tags)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let update = try db.cachedStatement(sql: """
            UPDATE card SET note_key = ?, table_name = ?, template = ?, position = ?, front = ?, back = ?,
                answers = ?, mode = ?, tags = ?, retired = 0 WHERE id = ?
            """)
        var index = 0
        try deck.forEachCard { card in
            let position = deckPosition * positionsPerDeck + index
            index += 1
            let answers = StoredList.encode(card.answers)
            let tags = StoredList.encode(card.tags)
            if let old = try existing.take(card.id) {
                let same = old.content == StoredContent(noteKey: card.noteKey, table: card.table, template: card.template,
                                                        front: card.front, back: card.back, answers: answers,
                                                        mode: card.mode.rawValue, tags: tags, retired: false)
                if same && old.position == position { report.unchanged += 1; return }
                if same { report.unchanged += 1 } else { report.record(.changed, card.id, listing: limit) }
                try update.execute(arguments: [card.noteKey, card.table, card.template, position, card.front, card.back,
                                               answers, card.mode.rawValue, tags, card.id])
            } else {
                do {
                    try insert.execute(arguments: [card.id, deckId, card.noteKey, card.table, card.template, position,
                                                   card.front, card.back, answers, card.mode.rawValue, tags])
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                    throw StoreError(.invalidInput, "card id \(card.id) already belongs to another deck — rename the deck or the card's id")
                }
                report.record(.added, card.id, listing: limit)
            }
        }
        for id in try existing.untaken() {
            try db.execute(sql: "UPDATE card SET retired = 1 WHERE id = ?", arguments: [id])
            report.record(.retired, id, listing: limit)
        }
        return report
    }

    private static func moduleId(named name: String, _ db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM module WHERE name = ?", arguments: [name]) { return id }
        let position = (try Int.fetchOne(db, sql: "SELECT max(position) FROM module") ?? -1) + 1
        try db.execute(sql: "INSERT INTO module(name, position) VALUES (?, ?)", arguments: [name, position])
        return db.lastInsertedRowID
    }

    /// Recounts every module's mastery (after a load changes which cards exist, or a suspension):
    /// mastered cards that are suspended don't count, every card not retired is in the total.
    static func refreshMastery(_ db: Database, today: StudyDay) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO mastery(module_id, mastered, total)
            SELECT module.id,
                   coalesce(sum(card.interval >= \(CardState.masteredInterval) AND card.retired = 0 AND card.suspended = 0), 0),
                   coalesce(sum(card.retired = 0), 0)
            FROM module LEFT JOIN deck ON deck.module_id = module.id LEFT JOIN card ON card.deck_id = deck.id
            GROUP BY module.id
            """)
        try db.execute(sql: """
            INSERT OR REPLACE INTO mastery_history(module_id, day, mastered, total)
            SELECT module_id, ?, mastered, total FROM mastery
            """, arguments: [today.number])
    }
}

/// The cards a deck had before a load, found one id at a time; what is left untaken is retired.
private struct ExistingCards {
    struct Found {
        var content: StoredContent
        var position: Int
    }

    private let deckId: Int64
    private let db: Database
    private let lookup: Statement?
    /// Row ids of the deck's cards not retired and not yet taken: retired at the end unless the deck names them.
    private var unretired: Set<Int64>

    init(deckId: Int64, isNewDeck: Bool, _ db: Database) throws {
        self.deckId = deckId
        self.db = db
        let hasCards = isNewDeck
            ? false
            : try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM card WHERE deck_id = ?)", arguments: [deckId]) ?? false
        // Columns in `StoredContent(lookupRow:)`'s order.
        lookup = hasCards ? try db.cachedStatement(sql: """
            SELECT note_key, table_name, template, front, back, answers, mode, tags, retired, position, rowid
            FROM card WHERE id = ? AND deck_id = ?
            """) : nil
        unretired = hasCards
            ? Set(try Int64.fetchAll(db, sql: "SELECT rowid FROM card WHERE deck_id = ? AND retired = 0", arguments: [deckId]))
            : []
    }

    /// The deck's card with this id, if it had one (a card of another deck is not found: inserting it fails).
    mutating func take(_ id: String) throws -> Found? {
        guard let lookup else { return nil }
        // This runs once per card of a re-imported deck, so the row is read in place rather than copied: it reads
        // the statement, which its cursor resets when it goes away.
        let rows = try Row.fetchCursor(lookup, arguments: [id, deckId])
        return try withExtendedLifetime(rows) {
            guard let row = try rows.next() else { return nil }
            unretired.remove(row[10])
            return Found(content: StoredContent(lookupRow: row), position: row[9])
        }
    }

    /// The ids of the deck's cards that are not retired and were not taken, sorted.
    func untaken() throws -> [String] {
        guard !unretired.isEmpty else { return [] }
        var ids: [String] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT rowid, id FROM card WHERE deck_id = ? AND retired = 0", arguments: [deckId])
        while let row = try rows.next() {
            if unretired.contains(row["rowid"]) { ids.append(row["id"]) }
        }
        return ids.sorted()
    }
}

/// The content columns of a card row, to tell a changed card from an unchanged one.
private struct StoredContent: Equatable {
    var noteKey: String
    var table: String?
    var template: String?
    var front: String
    var back: String
    var answers: String
    var mode: String
    var tags: String
    var retired: Bool
}

extension StoredContent {
    /// From a row of `ExistingCards`' lookup, whose first columns are these, in this order.
    init(lookupRow row: Row) {
        self.init(noteKey: row[0], table: row[1], template: row[2], front: row[3], back: row[4], answers: row[5],
                  mode: row[6], tags: row[7], retired: row[8])
    }
}
