import Foundation
import GRDB
import NetcardsCore

public enum AnswerKind: String, Sendable { case review, quiz }

/// One answer to record: a review answer moves the SM-2 schedule, a quiz answer only goes in the log.
public struct AnswerInput: Sendable {
    public var cardId: String
    public var grade: Grade
    public var typed: String?
    public var verdict: String?
    public var durationMs: Int?
    public var kind: AnswerKind
    public var at: Date
    public var today: StudyDay

    public init(cardId: String, grade: Grade, typed: String? = nil, verdict: String? = nil, durationMs: Int? = nil,
                kind: AnswerKind, at: Date, today: StudyDay) {
        self.cardId = cardId
        self.grade = grade
        self.typed = typed
        self.verdict = verdict
        self.durationMs = durationMs
        self.kind = kind
        self.at = at
        self.today = today
    }
}

public struct AnswerReceipt: Sendable {
    public var logId: Int64
    public var before: CardState
    public var after: CardState
}

extension NetcardsStore {
    /// Records one answer in its own transaction: card state, review log row and module mastery.
    @discardableResult
    public func recordAnswer(_ input: AnswerInput) throws(StoreError) -> AnswerReceipt {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT card.*, deck.module_id FROM card JOIN deck ON deck.id = card.deck_id WHERE card.id = ?",
                                             arguments: [input.cardId]) else {
                throw StoreError(.notFound, "no card with id \(input.cardId)")
            }
            let before = Self.state(of: row)
            let after = input.kind == .review ? SM2.schedule(before, grade: input.grade, today: input.today) : before
            try db.execute(sql: """
                INSERT INTO review_log(card_id, deck_id, answered_at, day, kind, grade, answer, verdict, duration_ms,
                    reps_before, ease_before, interval_before, due_before, repeat_today_before, pass_day_before,
                    lapses_before, last_review_day_before, first_review_day_before, ease_after, interval_after)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [input.cardId, row["deck_id"] as Int64, input.at.timeIntervalSince1970, input.today.number, input.kind.rawValue,
                                 input.grade.value, input.typed, input.verdict, input.durationMs,
                                 before.repetitions, before.ease, before.interval, before.due?.number, before.repeatToday,
                                 before.passDay?.number, before.lapses, row["last_review_day"] as Int?,
                                 row["first_review_day"] as Int?, after.ease, after.interval])
            let logId = db.lastInsertedRowID
            try Self.countStudyDay(input.today.number, passed: input.grade.isPass, durationMs: input.durationMs ?? 0, sign: 1, db)
            if input.kind == .review {
                try Self.store(after, cardId: input.cardId, lastReviewDay: input.today.number,
                               firstReviewDay: (row["first_review_day"] as Int?) ?? input.today.number, db)
                try Self.updateMastery(moduleId: row["module_id"], before: before, after: after, today: input.today, db)
            }
            return AnswerReceipt(logId: logId, before: before, after: after)
        }
    }

    /// Takes back one answer: the card's state before it is restored and its log row removed.
    public func undoAnswer(logId: Int64, today: StudyDay) throws(StoreError) {
        try write { db in
            guard let log = try Row.fetchOne(db, sql: "SELECT review_log.*, deck.module_id, card.interval AS current_interval FROM review_log JOIN card ON card.id = review_log.card_id JOIN deck ON deck.id = card.deck_id WHERE review_log.id = ?", arguments: [logId]) else {
                throw StoreError(.notFound, "there is no answer \(logId) to undo")
            }
            let cardId: String = log["card_id"]
            if log["kind"] == AnswerKind.review.rawValue {
                let restored = CardState(
                    repetitions: log["reps_before"], ease: log["ease_before"], interval: log["interval_before"],
                    due: (log["due_before"] as Int?).map(StudyDay.init(number:)), repeatToday: log["repeat_today_before"],
                    passDay: (log["pass_day_before"] as Int?).map(StudyDay.init(number:)), lapses: log["lapses_before"])
                let current = CardState(interval: log["current_interval"])
                try Self.store(restored, cardId: cardId, lastReviewDay: log["last_review_day_before"],
                               firstReviewDay: log["first_review_day_before"], db)
                try Self.updateMastery(moduleId: log["module_id"], before: current, after: restored, today: today, db)
            }
            try Self.countStudyDay(log["day"], passed: (log["grade"] as Int) >= 3, durationMs: log["duration_ms"] ?? 0, sign: -1, db)
            try db.execute(sql: "DELETE FROM review_log WHERE id = ?", arguments: [logId])
        }
    }

    public func setSuspended(_ suspended: Bool, cardId: String, today: StudyDay) throws(StoreError) {
        try setSuspended(suspended, cardIds: [cardId], today: today)
    }

    /// Suspends or unsuspends cards in one transaction: an unknown id changes nothing. Returns the ids whose
    /// state changed (the others already were so). A suspended card no longer counts as mastered, so the
    /// modules' mastery is recounted.
    @discardableResult
    public func setSuspended(_ suspended: Bool, cardIds: [String], today: StudyDay) throws(StoreError) -> [String] {
        try write { db in
            var changed: [String] = []
            var unknown: [String] = []
            for id in cardIds {
                guard let current = try Bool.fetchOne(db, sql: "SELECT suspended FROM card WHERE id = ?", arguments: [id]) else {
                    unknown.append(id)
                    continue
                }
                if current != suspended, !changed.contains(id) { changed.append(id) }
            }
            if !unknown.isEmpty {
                throw StoreError(.notFound, "no card with id \(unknown.joined(separator: ", ")) — nothing was changed. `netcards cards --search TEXT` finds a card's id.")
            }
            for id in changed {
                try db.execute(sql: "UPDATE card SET suspended = ? WHERE id = ?", arguments: [suspended, id])
            }
            try Self.refreshMastery(db, today: today)
            return changed
        }
    }

    /// Keeps the per-day totals the calendar and streaks read, so they never scan the whole log.
    static func countStudyDay(_ day: Int, passed: Bool, durationMs: Int, sign: Int, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO study_day(day, answers, correct, duration_ms) VALUES (?, ?, ?, ?)
            ON CONFLICT(day) DO UPDATE SET answers = answers + excluded.answers, correct = correct + excluded.correct,
                duration_ms = duration_ms + excluded.duration_ms
            """, arguments: [day, sign, passed ? sign : 0, sign * durationMs])
        try db.execute(sql: "DELETE FROM study_day WHERE day = ? AND answers <= 0", arguments: [day])
    }

    static func state(of row: Row) -> CardState {
        CardState(repetitions: row["reps"], ease: row["ease"], interval: row["interval"],
                  due: (row["due"] as Int?).map(StudyDay.init(number:)), repeatToday: row["repeat_today"],
                  passDay: (row["pass_day"] as Int?).map(StudyDay.init(number:)), lapses: row["lapses"])
    }

    private static func store(_ state: CardState, cardId: String, lastReviewDay: Int?, firstReviewDay: Int?, _ db: Database) throws {
        try db.execute(sql: """
            UPDATE card SET reps = ?, ease = ?, interval = ?, due = ?, repeat_today = ?, pass_day = ?, lapses = ?,
                last_review_day = ?, first_review_day = ? WHERE id = ?
            """, arguments: [state.repetitions, state.ease, state.interval, state.due?.number, state.repeatToday,
                             state.passDay?.number, state.lapses, lastReviewDay, firstReviewDay, cardId])
    }

    /// Mastery changes by at most one card per answer: update the count, then today's trend row.
    private static func updateMastery(moduleId: Int64, before: CardState, after: CardState, today: StudyDay, _ db: Database) throws {
        let delta = (after.isMastered ? 1 : 0) - (before.isMastered ? 1 : 0)
        if delta != 0 {
            try db.execute(sql: "UPDATE mastery SET mastered = mastered + ? WHERE module_id = ?", arguments: [delta, moduleId])
        }
        try db.execute(sql: """
            INSERT OR REPLACE INTO mastery_history(module_id, day, mastered, total)
            SELECT module_id, ?, mastered, total FROM mastery WHERE module_id = ?
            """, arguments: [today.number, moduleId])
    }
}
