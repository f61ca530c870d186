import Foundation
import GRDB
import NetcardsCore

public enum DeckSource: String, Sendable { case bundled, imported }

/// What loading a deck did (or, in a dry run, would do).
public struct DeckLoadReport: Hashable, Sendable {
    public var deck: String
    public var added: [String] = []
    public var changed: [String] = []
    public var retired: [String] = []
    public var unchanged = 0
}

public struct DeckToLoad: Sendable {
    public var definition: DeckDefinition
    public var contentHash: String?
    public init(_ definition: DeckDefinition, contentHash: String? = nil) {
        self.definition = definition
        self.contentHash = contentHash
    }
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

    static func load(_ item: DeckToLoad, source: DeckSource, _ db: Database) throws -> DeckLoadReport {
        let deck = item.definition
        let moduleId = try moduleId(named: deck.module, db)
        let existingDeck = try Row.fetchOne(db, sql: "SELECT id, position FROM deck WHERE name = ?", arguments: [deck.name])
        let deckId: Int64
        let deckPosition: Int
        if let existingDeck {
            deckId = existingDeck["id"]
            deckPosition = existingDeck["position"]
            try db.execute(sql: "UPDATE deck SET module_id = ?, title = ?, source = ?, content_hash = ? WHERE id = ?",
                           arguments: [moduleId, deck.title, source.rawValue, item.contentHash, deckId])
        } else {
            deckPosition = (try Int.fetchOne(db, sql: "SELECT max(position) FROM deck") ?? -1) + 1
            try db.execute(sql: "INSERT INTO deck(name, module_id, title, source, content_hash, position) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [deck.name, moduleId, deck.title, source.rawValue, item.contentHash, deckPosition])
            deckId = db.lastInsertedRowID
        }

        var existing: [String: Row] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, note_key, table_name, template, position, front, back, answers, mode, tags, retired FROM card WHERE deck_id = ?", arguments: [deckId]) {
            existing[row["id"]] = row
        }
        var report = DeckLoadReport(deck: deck.name)
        let insert = try db.cachedStatement(sql: """
            INSERT INTO card(id, deck_id, note_key, table_name, template, position, front, back, answers, mode, tags)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let update = try db.cachedStatement(sql: """
            UPDATE card SET note_key = ?, table_name = ?, template = ?, position = ?, front = ?, back = ?,
                answers = ?, mode = ?, tags = ?, retired = 0 WHERE id = ?
            """)
        for (index, card) in deck.cards.enumerated() {
            let position = deckPosition * positionsPerDeck + index
            let answers = StoredList.encode(card.answers)
            let tags = StoredList.encode(card.tags)
            if let old = existing.removeValue(forKey: card.id) {
                let stored = StoredContent(row: old)
                let same = stored == StoredContent(noteKey: card.noteKey, table: card.table, template: card.template,
                                                   front: card.front, back: card.back, answers: answers,
                                                   mode: card.mode.rawValue, tags: tags, retired: false)
                let samePosition: Bool = old["position"] == position
                if same && samePosition { report.unchanged += 1; continue }
                if same { report.unchanged += 1 } else { report.changed.append(card.id) }
                try update.execute(arguments: [card.noteKey, card.table, card.template, position, card.front, card.back,
                                               answers, card.mode.rawValue, tags, card.id])
            } else {
                do {
                    try insert.execute(arguments: [card.id, deckId, card.noteKey, card.table, card.template, position,
                                                   card.front, card.back, answers, card.mode.rawValue, tags])
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                    throw StoreError(.invalidInput, "card id \(card.id) already belongs to another deck — rename the deck or the card's id")
                }
                report.added.append(card.id)
            }
        }
        let gone = existing.filter { $0.value["retired"] == false }.keys.sorted()
        for id in gone {
            try db.execute(sql: "UPDATE card SET retired = 1 WHERE id = ?", arguments: [id])
        }
        report.retired = gone
        return report
    }

    private static func moduleId(named name: String, _ db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM module WHERE name = ?", arguments: [name]) { return id }
        let position = (try Int.fetchOne(db, sql: "SELECT max(position) FROM module") ?? -1) + 1
        try db.execute(sql: "INSERT INTO module(name, position) VALUES (?, ?)", arguments: [name, position])
        return db.lastInsertedRowID
    }

    /// Recounts every module's mastery (after a load changes which cards exist).
    static func refreshMastery(_ db: Database, today: StudyDay) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO mastery(module_id, mastered, total)
            SELECT module.id,
                   coalesce(sum(card.interval >= \(CardState.masteredInterval) AND card.retired = 0), 0),
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
    init(row: Row) {
        self.init(noteKey: row["note_key"], table: row["table_name"], template: row["template"], front: row["front"],
                  back: row["back"], answers: row["answers"], mode: row["mode"], tags: row["tags"], retired: row["retired"])
    }
}
