/// The SM-2 state of one card.
public struct CardState: SchedulerState {
    /// n: successful repetitions in a row.
    public var repetitions: Int
    /// EF, never below 1.3.
    public var ease: Double
    /// I, in days.
    public var interval: Int
    /// nil while the card is new.
    public var due: StudyDay?
    /// Set by a grade-3 pass: the card comes back today until it scores 4 or more.
    public var repeatToday: Bool
    /// The day of the pass that set `repeatToday`: the new interval counts from it.
    public var passDay: StudyDay?
    public var lapses: Int

    public init(repetitions: Int = 0, ease: Double = 2.5, interval: Int = 0, due: StudyDay? = nil,
                repeatToday: Bool = false, passDay: StudyDay? = nil, lapses: Int = 0) {
        self.repetitions = repetitions
        self.ease = ease
        self.interval = interval
        self.due = due
        self.repeatToday = repeatToday
        self.passDay = passDay
        self.lapses = lapses
    }

    public static let new = CardState()

    public var isNew: Bool { due == nil }
}
