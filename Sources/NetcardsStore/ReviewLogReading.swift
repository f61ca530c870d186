import Foundation
import GRDB
import NetcardsCore

/// One row of the review log, as `netcards export --format log` writes it.
public struct ReviewLogEntry: Hashable, Sendable {
    public var cardId: String
    public var deck: String
    public var answeredAt: Date
    public var day: StudyDay
    public var kind: AnswerKind
    public var grade: Int
    public var answer: String?
    /// correct, almost, partial, wrong, or accepted (`:accept`); none for a revealed answer.
    public var verdict: String?
    public var durationMs: Int?
    public var intervalBefore: Int
    public var easeBefore: Double
    public var intervalAfter: Int
    public var easeAfter: Double
}

extension NetcardsStore {
    /// The review log in the order it was written, optionally only for some decks' cards.
    public func reviewLog(decks: [String] = []) throws(StoreError) -> [ReviewLogEntry] {
        try read { db in
            var sql = """
                SELECT review_log.*, deck.name AS deck_name FROM review_log
                JOIN card ON card.id = review_log.card_id JOIN deck ON deck.id = card.deck_id
                """
            if !decks.isEmpty { sql += " WHERE deck.name IN (\(databaseQuestionMarks(count: decks.count)))" }
            sql += " ORDER BY review_log.answered_at, review_log.id"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(decks)).map { row in
                ReviewLogEntry(
                    cardId: row["card_id"], deck: row["deck_name"],
                    answeredAt: Date(timeIntervalSince1970: row["answered_at"]), day: StudyDay(number: row["day"]),
                    kind: AnswerKind(rawValue: row["kind"]) ?? .review, grade: row["grade"], answer: row["answer"], verdict: row["verdict"],
                    durationMs: row["duration_ms"], intervalBefore: row["interval_before"], easeBefore: row["ease_before"],
                    intervalAfter: row["interval_after"], easeAfter: row["ease_after"])
            }
        }
    }
}
