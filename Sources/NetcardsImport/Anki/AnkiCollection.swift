import Foundation
import GRDB

/// What netcards reads from an Anki collection (the SQLite file inside a package), in either schema:
/// legacy (decks and note types as JSON in `col`) or current (the `decks` and `notetypes` tables).
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
        var type: Int
        var queue: Int
        var due: Int64
        var interval: Int
        var factor: Int
        var reps: Int
        var lapses: Int
        var originalDue: Int64
        var originalDeckId: Int64

        /// The deck the card belongs to when it is not borrowed by a filtered deck.
        var homeDeckId: Int64 { originalDeckId != 0 ? originalDeckId : deckId }
        var homeDue: Int64 { originalDeckId != 0 && originalDue != 0 ? originalDue : due }
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

    /// The collection's creation time (seconds): review cards' `due` counts days from it.
    var created: Int64 = 0
    /// Deck names by id, split into levels.
    var decks: [Int64: [String]] = [:]
    var notetypes: [Int64: Notetype] = [:]
    var notes: [Note] = []
    /// Cards by note id, in ord order.
    var cards: [Int64: [Card]] = [:]
    /// Reviews by card id, oldest first (read only when asked for).
    var reviews: [Int64: [Review]] = [:]

    static func read(path: String, withReviews: Bool) throws -> AnkiCollection {
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
            var collection = AnkiCollection()
            let col = try Row.fetchOne(db, sql: "SELECT * FROM col")
            collection.created = col?["crt"] ?? 0
            if try db.tableExists("notetypes") {
                try collection.readTables(db)
            } else {
                try collection.readJSON(decks: col?["decks"] ?? "", models: col?["models"] ?? "")
            }
            collection.notes = try Row.fetchAll(db, sql: "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id").map {
                Note(id: $0["id"], guid: $0["guid"], notetypeId: $0["mid"], tags: $0["tags"], fields: $0["flds"])
            }
            let cardRows = try Row.fetchAll(db, sql: """
                SELECT id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, odue, odid FROM cards ORDER BY nid, ord
                """)
            for row in cardRows {
                let card = Card(id: row["id"], noteId: row["nid"], deckId: row["did"], ord: row["ord"], type: row["type"],
                                queue: row["queue"], due: row["due"], interval: row["ivl"], factor: row["factor"],
                                reps: row["reps"], lapses: row["lapses"], originalDue: row["odue"], originalDeckId: row["odid"])
                collection.cards[card.noteId, default: []].append(card)
            }
            if withReviews {
                for row in try Row.fetchAll(db, sql: "SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id") {
                    collection.reviews[row["cid"], default: []].append(Review(
                        id: row["id"], ease: row["ease"], interval: row["ivl"], lastInterval: row["lastIvl"],
                        factor: row["factor"], timeMs: row["time"], type: row["type"]))
                }
            }
            return collection
        }
    }

    /// Anki 2.1.28 and later: one row per deck (levels separated by U+001F) and per note type
    /// (its kind in the protobuf `config`).
    private mutating func readTables(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM decks") {
            decks[row["id"]] = (row["name"] as String).components(separatedBy: "\u{1F}")
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, name, config FROM notetypes") {
            let config: Data = row["config"] ?? Data()
            notetypes[row["id"]] = Notetype(name: row["name"], isCloze: Protobuf.varint(field: 1, in: Array(config)) == 1)
        }
    }

    /// Older collections: `col.decks` and `col.models` are JSON objects keyed by id.
    private mutating func readJSON(decks decksJSON: String, models modelsJSON: String) throws {
        for (id, value) in try Self.objects(decksJSON) {
            if let name = value["name"] as? String { decks[id] = name.components(separatedBy: "::") }
        }
        for (id, value) in try Self.objects(modelsJSON) {
            let type = (value["type"] as? NSNumber)?.intValue ?? 0
            notetypes[id] = Notetype(name: value["name"] as? String ?? "", isCloze: type == 1)
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
