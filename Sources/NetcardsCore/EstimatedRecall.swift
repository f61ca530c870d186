/// FSRS's estimated recall of a group of cards (a module), whichever scheduler is active: the mean
/// retrievability of its introduced cards that FSRS has a memory of, and how many cards are introduced.
/// Suspended and new cards don't count.
public struct EstimatedRecall: Hashable, Sendable {
    public var introduced: Int
    /// Introduced cards FSRS has a memory of (a schedule imported without its answers has none until the next answer).
    public var estimated: Int
    public var recallSum: Double

    public init(introduced: Int = 0, estimated: Int = 0, recallSum: Double = 0) {
        self.introduced = introduced
        self.estimated = estimated
        self.recallSum = recallSum
    }

    /// 0–1; nil while no introduced card has an FSRS memory.
    public var recall: Double? { estimated == 0 ? nil : recallSum / Double(estimated) }

    /// Counts one card's memory as it stands on `day`; `sign` -1 takes a counted memory back out.
    public mutating func count(_ memory: CardMemory, suspended: Bool, on day: StudyDay, fsrs: FSRS, sign: Int = 1) {
        guard !suspended, !memory.isNew else { return }
        countIntroduced(stability: memory.fsrs.memory?.stability, lastReview: memory.fsrs.lastReview, on: day, fsrs: fsrs, sign: sign)
    }

    /// Counts an introduced card, not suspended, from the two parts of its memory recall reads: FSRS's stability
    /// (nil: FSRS has no memory of it) and the day of its last review.
    public mutating func countIntroduced(stability: Double?, lastReview: StudyDay?, on day: StudyDay, fsrs: FSRS, sign: Int = 1) {
        introduced += sign
        guard let stability else { return }
        estimated += sign
        guard let lastReview else { return }
        recallSum += Double(sign) * fsrs.retrievability(stability: stability, elapsedDays: day - lastReview)
    }

    public static func += (total: inout EstimatedRecall, part: EstimatedRecall) {
        total.introduced += part.introduced
        total.estimated += part.estimated
        total.recallSum += part.recallSum
    }
}
