import Foundation
import GRDB
import NetcardsCore

public enum AnswerKind: String, Sendable {
    case review, quiz, lab

    /// Review answers and lab results move the card's schedule; quiz answers only go in the log.
    public var schedules: Bool { self != .quiz }
}

/// One answer to record: a review answer or a lab's result moves the SM-2 schedule, a quiz answer only goes in the log.
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
    public var before: CardMemory
    public var after: CardMemory
    /// The due day the active scheduler set (nil for a quiz answer to a new card).
    public var due: StudyDay?
}

extension NetcardsStore {
    /// Records one answer in its own transaction: both schedulers' card state, review log row and module mastery.
    @discardableResult
    public func recordAnswer(_ input: AnswerInput) throws(StoreError) -> AnswerReceipt {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT card.*, deck.module_id FROM card JOIN deck ON deck.id = card.deck_id WHERE card.id = ?",
                                             arguments: [input.cardId]) else {
                throw StoreError(.notFound, "no card with id \(input.cardId)")
            }
            let schedulers = try SchedulerSetting.schedulers(db)
            let before = MemoryColumns.memory(row)
            let after = input.kind.schedules ? schedulers.answer(before, grade: input.grade, today: input.today) : before
            let logId = try LogRow(cardId: input.cardId, answeredAt: input.at.timeIntervalSince1970, day: input.today,
                                   kind: input.kind, grade: input.grade, answer: input.typed, verdict: input.verdict,
                                   durationMs: input.durationMs, before: before, easeAfter: after.sm2.ease,
                                   intervalAfter: after.sm2.interval).insert(active: schedulers.active, db)
            if input.kind.schedules {
                try MemoryColumns.store(after, cardId: input.cardId, active: schedulers.active, db)
                try Self.updateMastery(moduleId: row["module_id"], before: before, after: after, suspended: row["suspended"],
                                       schedulers.active, today: input.today, db)
            }
            return AnswerReceipt(logId: logId, before: before, after: after, due: schedulers.due(of: after))
        }
    }

    /// Takes back one answer: the card's state before it is restored and its log row removed.
    public func undoAnswer(logId: Int64, today: StudyDay) throws(StoreError) {
        try write { db in
            guard let log = try Row.fetchOne(db, sql: "SELECT review_log.*, deck.module_id, card.suspended FROM review_log JOIN card ON card.id = review_log.card_id JOIN deck ON deck.id = card.deck_id WHERE review_log.id = ?", arguments: [logId]) else {
                throw StoreError(.notFound, "there is no answer \(logId) to undo")
            }
            let cardId: String = log["card_id"]
            if AnswerKind(rawValue: log["kind"])?.schedules == true {
                let schedulers = try SchedulerSetting.schedulers(db)
                let current = try Row.fetchOne(db, sql: "SELECT * FROM card WHERE id = ?", arguments: [cardId]).map { MemoryColumns.memory($0) } ?? .new
                let restored = MemoryColumns.memory(log, suffix: "_before")
                try MemoryColumns.store(restored, cardId: cardId, active: schedulers.active, db)
                try Self.updateMastery(moduleId: log["module_id"], before: current, after: restored, suspended: log["suspended"],
                                       schedulers.active, today: today, db)
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

    /// Mastery changes by at most one card per answer: update the count, then today's trend row.
    private static func updateMastery(moduleId: Int64, before: CardMemory, after: CardMemory, suspended: Bool,
                                      _ active: SchedulerKind, today: StudyDay, _ db: Database) throws {
        func mature(_ memory: CardMemory) -> Int { CardProgress(memory, suspended: suspended, scheduler: active) == .mature ? 1 : 0 }
        let delta = mature(after) - mature(before)
        if delta != 0 {
            try db.execute(sql: "UPDATE mastery SET mastered = mastered + ? WHERE module_id = ?", arguments: [delta, moduleId])
        }
        try db.execute(sql: """
            INSERT OR REPLACE INTO mastery_history(module_id, day, mastered, total)
            SELECT module_id, ?, mastered, total FROM mastery WHERE module_id = ?
            """, arguments: [today.number, moduleId])
    }
}
