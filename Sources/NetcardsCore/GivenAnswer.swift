/// What the learner gave for a card before grading it: what they typed, how it compared with the card's
/// accepted answers, and whether they overruled that with `:accept`.
public struct GivenAnswer: Hashable, Sendable {
    /// What was typed, trimmed; empty when the answer was revealed without typing.
    public var typed: String
    public var mode: AnswerMode
    /// The checker's verdict; nil on a reveal card and on a typed card left blank.
    public var check: AnswerCheck?
    /// The learner said "my answer was right" (`:accept`).
    public var accepted: Bool

    public init(typed: String, mode: AnswerMode, check: AnswerCheck?, accepted: Bool = false) {
        self.typed = typed
        self.mode = mode
        self.check = check
        self.accepted = accepted
    }

    /// Reads what was typed for a card whose accepted answers (the deck's, then the learner's) are `answers`.
    public init(typed raw: String, mode: AnswerMode, answers: [String]) {
        let typed = raw.trimmingCharacters(in: .whitespaces)
        let check = mode == .typed && !typed.isEmpty ? AnswerChecker.check(typed, against: answers) : nil
        self.init(typed: typed, mode: mode, check: check)
    }

    public var isBlank: Bool { typed.isEmpty }

    /// The grade Enter takes. A typed card nobody answered never passes on Enter alone; a reveal card is
    /// the learner's own judgement, so Enter says "good".
    public var suggestedGrade: Grade {
        if accepted || mode == .reveal { return .good }
        return check?.verdict.suggestedGrade ?? .again
    }

    /// `:accept` overrules a verdict that is not ✓, on something actually typed.
    public var canBeAccepted: Bool {
        mode == .typed && !accepted && check.map { $0.verdict != .correct } ?? false
    }

    /// The verdict written to the review log.
    public var loggedVerdict: String? {
        accepted ? GivenAnswer.acceptedVerdict : check?.verdict.rawValue
    }

    public static let acceptedVerdict = "accepted"
}
