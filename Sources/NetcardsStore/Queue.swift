import GRDB
import NetcardsCore

extension NetcardsStore {
    /// What today's queue is built from: due cards, the first new cards in deck order, how many new cards
    /// were already started today, and the cards studied today (their siblings wait).
    public func queueInputs(today: StudyDay, decks: [String], newLimit: Int) throws(StoreError) -> ReviewQueue.Inputs {
        try queueInputs(today: today, decks: decks) { startedToday in max(0, newLimit.addingSaturated(-startedToday)) }
    }

    /// The same with room for `count` new cards whatever the day's limit (`review --new N`). Counted in the same
    /// read as the candidates: a card another process starts meanwhile takes no room from this run.
    public func queueInputs(today: StudyDay, decks: [String], newInThisRun count: Int) throws(StoreError) -> ReviewQueue.Inputs {
        try queueInputs(today: today, decks: decks) { _ in max(0, count) }
    }

    private func queueInputs(today: StudyDay, decks: [String], room roomGiven: @escaping (_ startedToday: Int) -> Int) throws(StoreError) -> ReviewQueue.Inputs {
        try read { db in
            var deckFilter = ""
            if !decks.isEmpty {
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM deck WHERE name IN (\(databaseQuestionMarks(count: decks.count)))",
                                             arguments: StatementArguments(decks))
                if ids.isEmpty { return ReviewQueue.Inputs(due: [], new: [], newRoom: 0, studiedToday: []) }
                deckFilter = " AND deck_id IN (\(ids.map(String.init).joined(separator: ",")))"
            }
            let columns = "id, note_key, due, last_review_day, deck_id, table_name, front, back"
            // A cursor read by column index: the due list can hold tens of thousands of rows.
            func candidates(_ sql: String, _ arguments: StatementArguments) throws -> [ReviewQueue.Candidate] {
                var result: [ReviewQueue.Candidate] = []
                let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                while let row = try rows.next() {
                    let table: String? = row[5]
                    result.append(ReviewQueue.Candidate(
                        id: row[0], noteKey: row[1],
                        due: (row[2] as Int?).map(StudyDay.init(number:)),
                        lastReviewDay: (row[3] as Int?).map(StudyDay.init(number:)),
                        group: "\(row[4] as Int64)/\(table ?? "")", question: row[6], answer: row[7]))
                }
                return result
            }
            let due = try candidates("""
                SELECT \(columns) FROM card INDEXED BY card_due
                WHERE retired = 0 AND suspended = 0 AND due IS NOT NULL AND due <= ?\(deckFilter)\(Self.notALab)
                ORDER BY due, position
                """, [today.number])
            let room = roomGiven(try Self.newCardsStarted(on: today, db))
            let fresh = room == 0 ? [] : try candidates("""
                SELECT \(columns) FROM card INDEXED BY card_new
                WHERE retired = 0 AND suspended = 0 AND due IS NULL\(deckFilter)\(Self.notALab)
                ORDER BY position LIMIT ?
                """, [room.multipliedSaturated(by: 4).addingSaturated(20)])
            let studied = try candidates("""
                SELECT \(columns) FROM card INDEXED BY card_last_review WHERE last_review_day = ?
                """, [today.number])
            return ReviewQueue.Inputs(due: due, new: fresh, newRoom: room, studiedToday: studied)
        }
    }

    /// Review never shows a lab's card: `netcards lab` runs it (it needs a second terminal).
    static let notALab = " AND id NOT IN (SELECT card_id FROM lab)"

    /// New cards whose first answer was given on `day`, in every deck: the daily limit counts them all.
    public func newCardsStarted(on day: StudyDay) throws(StoreError) -> Int {
        try read { db in try Self.newCardsStarted(on: day, db) }
    }

    static func newCardsStarted(on day: StudyDay, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM card WHERE first_review_day = ?", arguments: [day.number]) ?? 0
    }
}
