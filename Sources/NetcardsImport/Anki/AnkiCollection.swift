import Foundation
import GRDB

/// What netcards reads from an Anki collection (the SQLite file inside a package), in either schema:
/// legacy (decks and note types as JSON in `col`) or current (the `decks` and `notetypes` tables).
/// Every value is checked as it is read (`CheckedRow`): a NULL or a value of the wrong kind is a `BadValue`
/// naming the note, and the schedule columns are read only when the history is asked for.
struct AnkiCollection {
    struct Notetype {
        var name: String
        var isCloze: Bool
    }

    struct Note {
        var id: Int64
        var guid: String
        var notetypeId: Int64
        var tags: String
        var fields: String
    }

    struct Card {
        var id: Int64
        var noteId: Int64
        var deckId: Int64
        var ord: Int
        var originalDeckId: Int64
        /// Read only with the history.
        var schedule: Schedule?

        /// The deck the card belongs to when it is not borrowed by a filtered deck.
        var homeDeckId: Int64 { originalDeckId != 0 ? originalDeckId : deckId }
    }

    /// A card's scheduling columns, as stored (unchecked ranges: `AnkiHistory` clamps them).
    struct Schedule {
        var type: Int
        var queue: Int
        var due: Int64
        var interval: Int
        var factor: Int
        var lapses: Int
        var originalDue: Int64
        var isBorrowed: Bool

        var homeDue: Int64 { isBorrowed && originalDue != 0 ? originalDue : due }
    }

    struct Review {
        var id: Int64
        var ease: Int
        var interval: Int
        var lastInterval: Int
        var factor: Int
        var timeMs: Int
        var type: Int
    }

    /// A value netcards can't use, and the note it belongs to (nil: a deck, a note type or the collection itself).
    struct BadValue: Error {
        var noteId: Int64?
        var message: String
    }

    /// The collection's creation time (seconds): review cards' `due` counts days from it. Read with the history.
    var created: Int64?
    /// Deck names by id, split into levels.
    var decks: [Int64: [String]] = [:]
    var notetypes: [Int64: Notetype] = [:]
    var notes: [Note] = []
    /// Cards by note id, in ord order.
    var cards: [Int64: [Card]] = [:]
    /// Reviews by card id, oldest first (read only with the history).
    var reviews: [Int64: [Review]] = [:]

    /// Reading stops after this many bad values: the file is refused either way.
    static let maxProblems = 50

    /// The collection, or every bad value found (up to `maxProblems`). SQLite errors (a damaged file, a missing
    /// table) are thrown as they are.
    static func read(path: String, withReviews: Bool) throws -> Result<AnkiCollection, AnkiProblems> {
        var config = Configuration()
        config.readonly = true
        config.prepareDatabase { db in
            // The file comes from elsewhere: its views and triggers may not call functions with side effects.
            try db.execute(sql: "PRAGMA trusted_schema = OFF")
            // Anki's own collation; only needed if SQLite consults an index built with it.
            db.add(collation: DatabaseCollation("unicase") { $0.caseInsensitiveCompare($1) })
        }
        let queue = try DatabaseQueue(path: path, configuration: config)
        return try queue.read { db in
            var reader = Reader(withReviews: withReviews)
            try reader.read(db)
            return reader.problems.isEmpty ? .success(reader.collection) : .failure(AnkiProblems(values: reader.problems))
        }
    }
}

struct AnkiProblems: Error {
    var values: [AnkiCollection.BadValue]
}

/// One pass over the collection's tables, gathering bad values instead of stopping at the first.
private struct Reader {
    let withReviews: Bool
    var collection = AnkiCollection()
    var problems: [AnkiCollection.BadValue] = []

    init(withReviews: Bool) { self.withReviews = withReviews }

    private var full: Bool { problems.count >= AnkiCollection.maxProblems }

    /// Runs `body` on each row of `sql` until the problems are too many to go on.
    private mutating func eachRow(_ db: Database, _ sql: String, _ body: (inout Reader, CheckedRow) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: sql)
        while !full, let row = try rows.next() { try body(&self, CheckedRow(row: row)) }
    }

    private mutating func record(_ id: Int64?, _ error: CheckedRow.WrongValue, in what: String) {
        problems.append(AnkiCollection.BadValue(noteId: id, message: "\(what): \(error) — the package is damaged or was not made by Anki"))
    }

    mutating func read(_ db: Database) throws {
        let col = try Row.fetchOne(db, sql: "SELECT * FROM col").map(CheckedRow.init)
        if withReviews, let col {
            do { collection.created = try col.integer("crt") } catch { record(nil, error, in: "the collection (`col`)") }
        }
        if try db.tableExists("notetypes") {
            try readTables(db)
        } else {
            do {
                try readJSON(decks: try col?.optionalText("decks") ?? "", models: try col?.optionalText("models") ?? "")
            } catch let error as CheckedRow.WrongValue {
                record(nil, error, in: "the collection (`col`)")
            }
        }
        try eachRow(db, "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id") { reader, row in
            guard let id = reader.id(row, of: "a note") else { return }
            do throws(CheckedRow.WrongValue) {
                reader.collection.notes.append(AnkiCollection.Note(
                    id: id, guid: try row.text("guid"), notetypeId: try row.integer("mid"), tags: try row.text("tags"),
                    fields: try row.text("flds")))
            } catch { reader.record(id, error, in: "the note") }
        }
        let schedule = withReviews ? ", type, queue, due, ivl, factor, lapses, odue" : ""
        var noteOfCard: [Int64: Int64] = [:]
        try eachRow(db, "SELECT id, nid, did, ord, odid\(schedule) FROM cards ORDER BY nid, ord") { reader, row in
            guard let id = reader.id(row, of: "a card") else { return }
            let noteId: Int64
            do throws(CheckedRow.WrongValue) { noteId = try row.integer("nid") } catch { return reader.record(nil, error, in: "card \(id)") }
            do throws(CheckedRow.WrongValue) {
                var card = AnkiCollection.Card(id: id, noteId: noteId, deckId: try row.integer("did"), ord: try row.int("ord"),
                                               originalDeckId: try row.integer("odid"))
                if reader.withReviews {
                    card.schedule = AnkiCollection.Schedule(
                        type: try row.int("type"), queue: try row.int("queue"), due: try row.integer("due"),
                        interval: try row.int("ivl"), factor: try row.int("factor"), lapses: try row.int("lapses"),
                        originalDue: try row.integer("odue"), isBorrowed: card.originalDeckId != 0)
                }
                reader.collection.cards[noteId, default: []].append(card)
                noteOfCard[id] = noteId
            } catch { reader.record(noteId, error, in: "its card \(id)") }
        }
        guard withReviews else { return }
        try eachRow(db, "SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id") { reader, row in
            // Anki keeps the reviews of deleted cards: a row of no card here is left out, as is one that names none.
            guard let cardId = try? row.integer("cid"), let noteId = noteOfCard[cardId] else { return }
            do throws(CheckedRow.WrongValue) {
                reader.collection.reviews[cardId, default: []].append(AnkiCollection.Review(
                    id: try row.integer("id"), ease: try row.int("ease"), interval: try row.int("ivl"),
                    lastInterval: try row.int("lastIvl"), factor: try row.int("factor"), timeMs: try row.int("time"),
                    type: try row.int("type")))
            } catch { reader.record(noteId, error, in: "a review of its card \(cardId)") }
        }
    }

    /// The row's `id`, or nil after recording why it has none.
    private mutating func id(_ row: CheckedRow, of what: String) -> Int64? {
        do { return try row.integer("id") } catch {
            record(nil, error, in: what)
            return nil
        }
    }

    /// Anki 2.1.28 and later: one row per deck (levels separated by U+001F) and per note type
    /// (its kind in the protobuf `config`).
    private mutating func readTables(_ db: Database) throws {
        try eachRow(db, "SELECT id, name FROM decks") { reader, row in
            guard let id = reader.id(row, of: "a deck") else { return }
            do throws(CheckedRow.WrongValue) { reader.collection.decks[id] = try row.text("name").components(separatedBy: "\u{1F}") } catch {
                reader.record(nil, error, in: "deck \(id)")
            }
        }
        try eachRow(db, "SELECT id, name, config FROM notetypes") { reader, row in
            guard let id = reader.id(row, of: "a note type") else { return }
            do throws(CheckedRow.WrongValue) {
                let config = try row.optionalBytes("config") ?? []
                reader.collection.notetypes[id] = AnkiCollection.Notetype(
                    name: try row.optionalText("name") ?? "", isCloze: Protobuf.varint(field: 1, in: config) == 1)
            } catch { reader.record(nil, error, in: "note type \(id)") }
        }
    }

    /// Older collections: `col.decks` and `col.models` are JSON objects keyed by id.
    private mutating func readJSON(decks decksJSON: String, models modelsJSON: String) throws {
        for (id, value) in try Self.objects(decksJSON) {
            if let name = value["name"] as? String { collection.decks[id] = name.components(separatedBy: "::") }
        }
        for (id, value) in try Self.objects(modelsJSON) {
            // `as? Int`, not NSNumber's intValue: a type of 1e300 is no number netcards knows, not a crash.
            collection.notetypes[id] = AnkiCollection.Notetype(name: value["name"] as? String ?? "", isCloze: value["type"] as? Int == 1)
        }
    }

    private static func objects(_ json: String) throws -> [(Int64, [String: Any])] {
        guard !json.isEmpty else { return [] }
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return [] }
        return object.compactMap { key, value in
            guard let id = Int64(key), let fields = value as? [String: Any] else { return nil }
            return (id, fields)
        }
    }
}
