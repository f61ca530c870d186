import GRDB
import NetcardsCore

/// One lab's card and results, from the review log's lab answers: solved means graded 3 or more, first try 5.
public struct LabRecord: Hashable, Sendable {
    public var name: String
    public var cardId: String
    /// nil until the lab was first run.
    public var due: StudyDay?
    public var attempts: Int
    public var solved: Int
    public var firstTry: Int
    public var lastSolved: StudyDay?
}

extension NetcardsStore {
    /// Loads the labs' deck and names its lab cards, in one transaction.
    public func loadLabDeck(_ deck: DeckToLoad, labs: [(name: String, cardId: String)], today: StudyDay) throws(StoreError) {
        try loadStaged([deck], dryRun: false) { db, staged in
            _ = try Self.load(deck, staged: staged[0], source: .bundled, db)
            try db.execute(sql: "DELETE FROM lab")
            for lab in labs {
                try db.execute(sql: "INSERT INTO lab(name, card_id) VALUES (?, ?)", arguments: [lab.name, lab.cardId])
            }
            try Self.refreshMastery(db, today: today)
        }
    }

    /// Every lab the store knows, with its results, in name order.
    public func labRecords() throws(StoreError) -> [LabRecord] {
        try read { db in try Self.labRecords(db) }
    }

    /// The labs due on or before `day`, earliest first.
    public func dueLabs(onOrBefore day: StudyDay) throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT lab.name FROM lab JOIN card ON card.id = lab.card_id
                WHERE card.retired = 0 AND card.suspended = 0 AND card.due IS NOT NULL AND card.due <= ?
                ORDER BY card.due, card.position
                """, arguments: [day.number])
        }
    }

    static func labRecords(_ db: Database) throws -> [LabRecord] {
        try Row.fetchAll(db, sql: """
            SELECT lab.name, lab.card_id, card.due,
                   count(review_log.id) AS attempts,
                   coalesce(sum(review_log.grade >= 3), 0) AS solved,
                   coalesce(sum(review_log.grade = 5), 0) AS first_try,
                   max(CASE WHEN review_log.grade >= 3 THEN review_log.day END) AS last_solved
            FROM lab JOIN card ON card.id = lab.card_id
            LEFT JOIN review_log ON review_log.card_id = lab.card_id AND review_log.kind = 'lab'
            WHERE card.retired = 0
            GROUP BY lab.name ORDER BY card.position
            """).map { row in
            LabRecord(name: row["name"], cardId: row["card_id"], due: (row["due"] as Int?).map(StudyDay.init(number:)),
                      attempts: row["attempts"], solved: row["solved"], firstTry: row["first_try"],
                      lastSolved: (row["last_solved"] as Int?).map(StudyDay.init(number:)))
        }
    }
}
