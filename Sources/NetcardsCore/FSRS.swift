import Foundation

/// FSRS's state of a card: its memory (stability S, the days until recall falls to 90%, and difficulty D, 1…10)
/// once it has been answered, the study day of that answer, and the day FSRS wants it again.
public struct FSRSState: SchedulerState {
    public struct Memory: Hashable, Sendable {
        public var stability: Double
        public var difficulty: Double
        public init(stability: Double, difficulty: Double) {
            self.stability = stability
            self.difficulty = difficulty
        }
    }

    /// nil for a card FSRS has never seen answered (a new card, or one whose schedule came without history).
    public var memory: Memory?
    public var lastReview: StudyDay?
    public var due: StudyDay?

    public init(memory: Memory? = nil, lastReview: StudyDay? = nil, due: StudyDay? = nil) {
        self.memory = memory
        self.lastReview = lastReview
        self.due = due
    }

    public static let new = FSRSState()
}

/// FSRS-6 in whole study days, from its published formulas, matching py-fsrs 6.3.2 run with no learning or
/// relearning steps and no fuzzing: every answer goes straight to the review state, an answer on the day of
/// the previous one uses the same-day stability formula, and an Again is due again after FSRS's interval.
public struct FSRS: Scheduler {
    /// FSRS-6's 21 default parameters w0…w20.
    public static let defaultParameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]
    public static let desiredRetentionRange = 0.70...0.97
    public static let defaultDesiredRetention = 0.90
    static let minimumStability = 0.001
    static let difficultyRange = 1.0...10.0

    public let desiredRetention: Double
    let w: [Double]
    /// The forgetting curve R(t) = (1 + factor·t/S)^decay, with decay = −w20 and factor chosen so R(S) = 0.9.
    let decay: Double
    let factor: Double

    /// `desiredRetention` is clamped to `desiredRetentionRange`.
    public init(desiredRetention: Double = FSRS.defaultDesiredRetention, parameters: [Double] = FSRS.defaultParameters) {
        precondition(parameters.count == 21, "FSRS-6 takes 21 parameters")
        self.desiredRetention = min(max(desiredRetention, Self.desiredRetentionRange.lowerBound), Self.desiredRetentionRange.upperBound)
        w = parameters
        decay = -parameters[20]
        factor = pow(0.9, 1 / decay) - 1
    }

    /// FSRS's four ratings: 0, 1, 2 are Again, 3 Hard, 4 Good, 5 Easy.
    enum Rating: Int {
        case again = 1, hard, good, easy
        init(_ grade: Grade) {
            switch grade.value {
            case 5: self = .easy
            case 4: self = .good
            case 3: self = .hard
            default: self = .again
            }
        }
        var value: Double { Double(rawValue) }
    }

    public func schedule(_ state: FSRSState, grade: Grade, today: StudyDay) -> FSRSState {
        let rating = Rating(grade)
        let memory: FSRSState.Memory
        if let old = state.memory, let lastReview = state.lastReview {
            let elapsed = today - lastReview
            let stability: Double
            if elapsed < 1 {
                stability = sameDayStability(old.stability, rating)
            } else {
                let recall = retrievability(stability: old.stability, elapsedDays: elapsed)
                stability = rating == .again
                    ? forgetStability(old.difficulty, old.stability, recall)
                    : recallStability(old.difficulty, old.stability, recall, rating)
            }
            memory = .init(stability: stability, difficulty: nextDifficulty(old.difficulty, rating))
        } else {
            memory = .init(stability: max(w[rating.rawValue - 1], Self.minimumStability),
                           difficulty: clampDifficulty(initialDifficulty(rating)))
        }
        return FSRSState(memory: memory, lastReview: today, due: today.adding(days: interval(stability: memory.stability)))
    }

    /// The probability of recalling a card `elapsedDays` after its last answer.
    public func retrievability(stability: Double, elapsedDays: Int) -> Double {
        pow(1 + factor * Double(max(0, elapsedDays)) / stability, decay)
    }

    /// The probability of recalling the card on `day` (0 for a card never answered).
    public func retrievability(of state: FSRSState, on day: StudyDay) -> Double {
        guard let memory = state.memory, let lastReview = state.lastReview else { return 0 }
        return retrievability(stability: memory.stability, elapsedDays: day - lastReview)
    }

    /// Days until recall is expected to fall to the desired retention: rounded half to even (as Python's
    /// `round`), at least 1, at most `maximumIntervalDays`.
    public func interval(stability: Double) -> Int {
        let days = stability / factor * (pow(desiredRetention, 1 / decay) - 1)
        guard days.isFinite else { return maximumIntervalDays }
        return Int(min(max(days.rounded(.toNearestOrEven), 1), Double(maximumIntervalDays)))
    }

    private func initialDifficulty(_ rating: Rating) -> Double {
        w[4] - exp(w[5] * (rating.value - 1)) + 1
    }

    private func clampDifficulty(_ difficulty: Double) -> Double {
        min(max(difficulty, Self.difficultyRange.lowerBound), Self.difficultyRange.upperBound)
    }

    /// D moves by −w6·(rating − 3), damped linearly as it nears 10, then reverts towards D0(Easy) by w7.
    private func nextDifficulty(_ difficulty: Double, _ rating: Rating) -> Double {
        let change = -w[6] * (rating.value - 3)
        let damped = difficulty + (10 - difficulty) * change / 9
        return clampDifficulty(w[7] * initialDifficulty(.easy) + (1 - w[7]) * damped)
    }

    private func recallStability(_ difficulty: Double, _ stability: Double, _ recall: Double, _ rating: Rating) -> Double {
        let hardPenalty = rating == .hard ? w[15] : 1
        let easyBonus = rating == .easy ? w[16] : 1
        let growth = exp(w[8]) * (11 - difficulty) * pow(stability, -w[9]) * (exp((1 - recall) * w[10]) - 1)
        return max(stability * (1 + growth * hardPenalty * easyBonus), Self.minimumStability)
    }

    private func forgetStability(_ difficulty: Double, _ stability: Double, _ recall: Double) -> Double {
        let longTerm = w[11] * pow(difficulty, -w[12]) * (pow(stability + 1, w[13]) - 1) * exp((1 - recall) * w[14])
        let shortTerm = stability / exp(w[17] * w[18])
        return max(min(longTerm, shortTerm), Self.minimumStability)
    }

    /// A second answer on the same day: S·e^(w17·(rating − 3 + w18))·S^(−w19); a pass never lowers S.
    private func sameDayStability(_ stability: Double, _ rating: Rating) -> Double {
        var growth = exp(w[17] * (rating.value - 3 + w[18])) * pow(stability, -w[19])
        if rating != .again { growth = max(growth, 1) }
        return max(stability * growth, Self.minimumStability)
    }
}
