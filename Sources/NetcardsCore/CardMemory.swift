/// Everything the schedulers know of one card: SM-2's state and FSRS's, both moved by every answer so the
/// active scheduler can be switched at any time without losing either.
public struct CardMemory: Hashable, Sendable {
    public var sm2: CardState
    public var fsrs: FSRSState
    /// The study day of the card's first answer (nil while new).
    public var firstReviewDay: StudyDay?

    public init(sm2: CardState = .new, fsrs: FSRSState = .new, firstReviewDay: StudyDay? = nil) {
        self.sm2 = sm2
        self.fsrs = fsrs
        self.firstReviewDay = firstReviewDay
    }

    public static let new = CardMemory()

    /// A schedule brought from elsewhere without its answers: FSRS has no memory of the card yet and
    /// keeps SM-2's due day until the card's next answer here.
    public init(importedSM2 state: CardState, lastReviewDay: StudyDay?, firstReviewDay: StudyDay?) {
        self.init(sm2: state, fsrs: FSRSState(lastReview: lastReviewDay, due: state.due), firstReviewDay: firstReviewDay)
    }

    /// The day of the last answer (FSRS keeps it: it measures elapsed time from it).
    public var lastReviewDay: StudyDay? { fsrs.lastReview }
    public var isNew: Bool { sm2.due == nil && fsrs.due == nil }

    public func due(under scheduler: SchedulerKind) -> StudyDay? {
        switch scheduler {
        case .sm2: sm2.due
        case .fsrs: fsrs.due
        }
    }

    /// The days between the last answer and the next due day, as the scheduler planned them.
    public func interval(under scheduler: SchedulerKind) -> Int {
        switch scheduler {
        case .sm2: sm2.interval
        case .fsrs: fsrs.due.map { due in fsrs.lastReview.map { max(0, due - $0) } ?? 0 } ?? 0
        }
    }
}

/// The two schedulers, the active one named: every answer goes through both.
public struct Schedulers: Sendable {
    public var active: SchedulerKind
    public var sm2: SM2
    public var fsrs: FSRS

    public init(active: SchedulerKind = .sm2, desiredRetention: Double = FSRS.defaultDesiredRetention) {
        self.active = active
        sm2 = SM2()
        fsrs = FSRS(desiredRetention: desiredRetention)
    }

    public func answer(_ memory: CardMemory, grade: Grade, today: StudyDay) -> CardMemory {
        CardMemory(sm2: sm2.schedule(memory.sm2, grade: grade, today: today),
                   fsrs: fsrs.schedule(memory.fsrs, grade: grade, today: today),
                   firstReviewDay: memory.firstReviewDay ?? today)
    }

    /// Replays answers (grade, study day), oldest first, from a new card.
    public func replay(_ answers: [(grade: Grade, day: StudyDay)]) -> CardMemory {
        answers.reduce(CardMemory.new) { answer($0, grade: $1.grade, today: $1.day) }
    }

    public func due(of memory: CardMemory) -> StudyDay? { memory.due(under: active) }

    /// A card comes back in the same review run when its scheduler wants it today (SM-2's same-day repeats)
    /// or when it was just failed: under FSRS, whose next day for it is at least tomorrow, until it is passed.
    public static func comesBackInThisRun(due: StudyDay?, grade: Grade, today: StudyDay) -> Bool {
        !grade.isPass || (due.map { $0 <= today } ?? false)
    }

    /// FSRS's estimate of recalling the card on `day`, whichever scheduler is active (0 while FSRS has no memory of it).
    public func recall(of memory: CardMemory, on day: StudyDay) -> Double {
        fsrs.retrievability(of: memory.fsrs, on: day)
    }
}
