/// A scheduler's state of one card: everything it needs to schedule the next answer, and the day it
/// wants the card again (nil while the card has never been answered).
public protocol SchedulerState: Hashable, Sendable {
    var due: StudyDay? { get }
}

/// The seam SM-2 and FSRS share: given a card's state, a grade and the study day of the answer, the new
/// state (which carries the new due day). Both run on every answer; the active one sets the card's due day.
public protocol Scheduler: Sendable {
    associatedtype State: SchedulerState
    func schedule(_ state: State, grade: Grade, today: StudyDay) -> State
}

/// Which scheduler sets the cards' due days (`netcards config scheduler`).
public enum SchedulerKind: String, Sendable, CaseIterable {
    case sm2, fsrs
}

/// Neither scheduler plans further ahead than this (what py-fsrs calls `maximum_interval`).
public let maximumIntervalDays = 36_500
