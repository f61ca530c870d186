import Foundation
import GRDB

extension NetcardsStore {
    /// `:accept`: `answer` becomes an accepted answer of the card for this learner, kept across deck updates.
    /// False when the card already had it.
    @discardableResult
    public func acceptAnswer(_ answer: String, cardId: String, at date: Date) throws(StoreError) -> Bool {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM card WHERE id = ?", arguments: [cardId]) == true else {
                throw StoreError(.notFound, "no card with id \(cardId)")
            }
            try db.execute(sql: "INSERT OR IGNORE INTO learner_answer(card_id, answer, added_at) VALUES (?, ?, ?)",
                           arguments: [cardId, answer, date.timeIntervalSince1970])
            return db.changesCount > 0
        }
    }

    /// Takes back an `:accept`.
    public func removeAcceptedAnswer(_ answer: String, cardId: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM learner_answer WHERE card_id = ? AND answer = ?", arguments: [cardId, answer])
        }
    }
}
