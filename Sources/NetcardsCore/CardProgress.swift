/// Where a card stands, one definition for `cards`, `stats` and the summaries.
public enum CardProgress: String, Sendable, CaseIterable {
    /// Never answered.
    case new
    /// Answered, but not passed since its first answer or its last lapse (or, under SM-2, a hard pass
    /// still to be repeated today).
    case learning
    /// Passed, with an interval under 21 days.
    case young
    /// Passed, with an interval of 21 days or more: what netcards calls mastered (Anki's mature).
    case mature
    case suspended

    public static let matureInterval = 21

    /// All the definition reads of a card. The store counts cards in SQL grouped by these (the interval capped at
    /// `matureInterval`), then classifies each group here.
    public struct Signs: Hashable, Sendable {
        public var suspended: Bool
        public var isNew: Bool
        /// SM-2's passes in a row: 0 until the first pass and after a lapse.
        public var repetitions: Int
        /// SM-2's hard pass still to be repeated today.
        public var repeatToday: Bool
        /// The active scheduler's interval, in days.
        public var interval: Int

        public init(suspended: Bool, isNew: Bool, repetitions: Int, repeatToday: Bool, interval: Int) {
            self.suspended = suspended
            self.isNew = isNew
            self.repetitions = repetitions
            self.repeatToday = repeatToday
            self.interval = interval
        }

        public init(_ memory: CardMemory, suspended: Bool, scheduler: SchedulerKind) {
            self.init(suspended: suspended, isNew: memory.isNew, repetitions: memory.sm2.repetitions,
                      repeatToday: memory.sm2.repeatToday, interval: memory.interval(under: scheduler))
        }
    }

    public init(_ signs: Signs, scheduler: SchedulerKind) {
        if signs.suspended {
            self = .suspended
        } else if signs.isNew {
            self = .new
        } else if signs.repetitions == 0 || (scheduler == .sm2 && signs.repeatToday) {
            self = .learning
        } else {
            self = signs.interval >= Self.matureInterval ? .mature : .young
        }
    }

    public init(_ memory: CardMemory, suspended: Bool, scheduler: SchedulerKind) {
        self.init(Signs(memory, suspended: suspended, scheduler: scheduler), scheduler: scheduler)
    }

    /// Introduced: answered at least once (suspended cards count only if they were).
    public var isIntroduced: Bool { self != .new }
}
