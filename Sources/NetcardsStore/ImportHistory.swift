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

    /// The card's schedule is taken as SM-2's; FSRS's memory comes from replaying the imported answers.
    private static func apply(_ item: ImportedCardHistory, _ report: inout ImportLoadReport, _ db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT last_review_day, first_review_day,
                   (SELECT max(answered_at) FROM review_log WHERE card_id = card.id AND kind = 'review') AS last_answered_at
            FROM card WHERE id = ?
            """, arguments: [item.cardId]) else {
            throw StoreError(.notFound, "the history names card \(item.cardId), which the import did not load")
        }
        let schedulers = try SchedulerSetting.schedulers(db)
        let takesSchedule = isNewer(item, thanDay: row["last_review_day"], answeredAt: row["last_answered_at"])
        // A review's moment is its identity (an Anki revlog id is its time in ms): one already logged is not added again.
        var logged = Set(try Double.fetchAll(db, sql: "SELECT answered_at FROM review_log WHERE card_id = ? AND kind = 'review'",
                                             arguments: [item.cardId]))
        var fsrs = FSRSState.new
        for review in item.reviews.sorted(by: { $0.answeredAt < $1.answeredAt }) {
            let fsrsBefore = FSRSState(memory: fsrs.memory, lastReview: review.lastReviewDayBefore, due: fsrs.memory == nil ? review.before.due : fsrs.due)
            fsrs = schedulers.fsrs.schedule(fsrs, grade: review.grade, today: review.day)
            guard logged.insert(review.answeredAt.timeIntervalSince1970).inserted else { continue }
            _ = try LogRow(cardId: item.cardId, answeredAt: review.answeredAt.timeIntervalSince1970, day: review.day, kind: .review,
                           grade: review.grade, durationMs: review.durationMs,
                           before: CardMemory(sm2: review.before, fsrs: fsrsBefore, firstReviewDay: review.firstReviewDayBefore),
                           easeAfter: review.easeAfter, intervalAfter: review.intervalAfter).insert(active: schedulers.active, db)
            report.reviewsAdded += 1
        }
        if let state = item.state, takesSchedule {
            let firstReviewDay = (row["first_review_day"] as Int?).map(StudyDay.init(number:)) ?? item.firstReviewDay
            var memory = CardMemory(importedSM2: state, lastReviewDay: item.lastReviewDay, firstReviewDay: firstReviewDay)
            if fsrs.memory != nil { memory.fsrs = FSRSState(memory: fsrs.memory, lastReview: item.lastReviewDay, due: fsrs.due) }
            try MemoryColumns.store(memory, cardId: item.cardId, active: schedulers.active, db)
            try db.execute(sql: "UPDATE card SET suspended = ? WHERE id = ?", arguments: [item.suspended, item.cardId])
            report.statesCarried += 1
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
