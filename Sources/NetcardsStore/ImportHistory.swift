import Foundation
import GRDB
import NetcardsCore

/// One past review brought in from another program (an Anki revlog row), as the review log keeps it.
public struct ImportedReview: Hashable, Sendable {
    public var answeredAt: Date
    public var day: StudyDay
    public var grade: Grade
    public var durationMs: Int?
    /// The card's state just before the answer.
    public var before: CardState
    public var lastReviewDayBefore: StudyDay?
    public var firstReviewDayBefore: StudyDay?
    public var easeAfter: Double
    public var intervalAfter: Int

    public init(answeredAt: Date, day: StudyDay, grade: Grade, durationMs: Int?, before: CardState,
                lastReviewDayBefore: StudyDay?, firstReviewDayBefore: StudyDay?, easeAfter: Double, intervalAfter: Int) {
        self.answeredAt = answeredAt
        self.day = day
        self.grade = grade
        self.durationMs = durationMs
        self.before = before
        self.lastReviewDayBefore = lastReviewDayBefore
        self.firstReviewDayBefore = firstReviewDayBefore
        self.easeAfter = easeAfter
        self.intervalAfter = intervalAfter
    }
}

/// A card's progress from another program: its schedule (nil: leave the schedule alone) and its past reviews.
public struct ImportedCardHistory: Hashable, Sendable {
    public var cardId: String
    public var state: CardState?
    public var suspended: Bool
    public var firstReviewDay: StudyDay?
    public var lastReviewDay: StudyDay?
    public var reviews: [ImportedReview]

    public init(cardId: String, state: CardState?, suspended: Bool = false, firstReviewDay: StudyDay? = nil,
                lastReviewDay: StudyDay? = nil, reviews: [ImportedReview] = []) {
        self.cardId = cardId
        self.state = state
        self.suspended = suspended
        self.firstReviewDay = firstReviewDay
        self.lastReviewDay = lastReviewDay
        self.reviews = reviews
    }
}

/// What an import did (or, in a dry run, would do).
public struct ImportLoadReport: Hashable, Sendable {
    public var decks: [DeckLoadReport]
    /// Cards whose schedule was taken from the imported history.
    public var statesCarried = 0
    /// Review-log rows added (rows already in the log are not added twice).
    public var reviewsAdded = 0
}

extension NetcardsStore {
    /// Loads imported decks and their history in one transaction: any error and nothing changes.
    /// A history's schedule replaces the card's only when its last answer is newer than the card's last answer
    /// here, so re-importing the same file changes nothing and progress made in netcards is never overwritten;
    /// the review log is merged by answer time, each answer once.
    /// `idsListed`: how many ids each of a deck report's lists keeps (a 100,000-card import need not return
    /// 100,000 ids to print ten); the counts are always whole.
    @discardableResult
    public func loadImport(_ decks: [some LoadableDeck], history: [ImportedCardHistory], today: StudyDay,
                           dryRun: Bool = false, idsListed: Int = .max) throws(StoreError) -> ImportLoadReport {
        try loadStaged(decks, dryRun: dryRun) { db, staged in
            var report = ImportLoadReport(decks: [])
            report.decks = try zip(decks, staged).map {
                try Self.load($0, staged: $1, source: .imported, idsListed: idsListed, db)
            }
            for item in history {
                try Self.apply(item, &report, db)
            }
            try Self.refreshMastery(db, today: today)
            return report
        }
    }

    private static func apply(_ item: ImportedCardHistory, _ report: inout ImportLoadReport, _ db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT last_review_day,
                   (SELECT max(answered_at) FROM review_log WHERE card_id = card.id AND kind = 'review') AS last_answered_at
            FROM card WHERE id = ?
            """, arguments: [item.cardId]) else {
            throw StoreError(.notFound, "the history names card \(item.cardId), which the import did not load")
        }
        if let state = item.state, isNewer(item, thanDay: row["last_review_day"], answeredAt: row["last_answered_at"]) {
            try db.execute(sql: """
                UPDATE card SET reps = ?, ease = ?, interval = ?, due = ?, repeat_today = ?, pass_day = ?, lapses = ?,
                    last_review_day = ?, first_review_day = coalesce(first_review_day, ?), suspended = ? WHERE id = ?
                """, arguments: [state.repetitions, state.ease, state.interval, state.due?.number, state.repeatToday,
                                 state.passDay?.number, state.lapses, item.lastReviewDay?.number,
                                 item.firstReviewDay?.number, item.suspended, item.cardId])
            report.statesCarried += 1
        }
        guard !item.reviews.isEmpty else { return }
        // A review's moment is its identity (an Anki revlog id is its time in ms): one already logged is not added again.
        var logged = Set(try Double.fetchAll(db, sql: "SELECT answered_at FROM review_log WHERE card_id = ? AND kind = 'review'",
                                             arguments: [item.cardId]))
        let insert = try db.cachedStatement(sql: """
            INSERT INTO review_log(card_id, deck_id, answered_at, day, kind, grade, answer, verdict, duration_ms,
                reps_before, ease_before, interval_before, due_before, repeat_today_before, pass_day_before,
                lapses_before, last_review_day_before, first_review_day_before, ease_after, interval_after)
            VALUES (?, (SELECT deck_id FROM card WHERE id = ?), ?, ?, 'review', ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for review in item.reviews where logged.insert(review.answeredAt.timeIntervalSince1970).inserted {
            let before = review.before
            try insert.execute(arguments: [
                item.cardId, item.cardId, review.answeredAt.timeIntervalSince1970, review.day.number, review.grade.value,
                review.durationMs, before.repetitions, before.ease, before.interval, before.due?.number,
                before.repeatToday, before.passDay?.number, before.lapses, review.lastReviewDayBefore?.number,
                review.firstReviewDayBefore?.number, review.easeAfter, review.intervalAfter])
            try countStudyDay(review.day.number, passed: review.grade.isPass, durationMs: review.durationMs ?? 0, sign: 1, db)
            report.reviewsAdded += 1
        }
    }

    /// The imported schedule replaces the card's only when its last answer is newer than the last one given here:
    /// compared by moment when both have one, by study day otherwise. A history without answers (an Anki review
    /// card whose log was not exported) is older than any answer given here.
    private static func isNewer(_ item: ImportedCardHistory, thanDay lastDayHere: Int?, answeredAt lastHere: Double?) -> Bool {
        guard let lastDayHere else { return true }
        guard let imported = item.reviews.last?.answeredAt.timeIntervalSince1970 else { return false }
        if let lastHere { return imported > lastHere }
        return (item.lastReviewDay?.number ?? Int.min) > lastDayHere
    }
}
