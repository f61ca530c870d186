import NetcardsCore

/// How a lab run went, question by question, and the grade the scheduler gets for it.
public struct LabOutcome: Equatable, Sendable {
    public var wrongAnswers = 0
    public var hintsTaken = 0
    public var givenUp = 0
    /// Accepted answers that were one letter off (≈).
    public var almost = 0

    public init() {}

    /// Solved at the first try without hints 5; with retries (or an answer one letter off) 4; with hints 3;
    /// any question given up 1.
    public var grade: Grade {
        if givenUp > 0 { return .again }
        if hintsTaken > 0 { return .hard }
        if wrongAnswers > 0 || almost > 0 { return .good }
        return .easy
    }

    public var solved: Bool { givenUp == 0 }
}
