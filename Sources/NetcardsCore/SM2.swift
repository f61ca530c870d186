import Foundation

/// SuperMemo's SM-2, in days, exactly as in DESIGN.md, with intervals capped at `maximumIntervalDays`.
public struct SM2: Scheduler {
    public static let minimumEase = 1.3

    public init() {}

    public func schedule(_ state: CardState, grade: Grade, today: StudyDay) -> CardState {
        Self.schedule(state, grade: grade, today: today)
    }

    public static func schedule(_ state: CardState, grade: Grade, today: StudyDay) -> CardState {
        var next = state
        let q = grade.value
        if state.repeatToday {
            // A same-day repeat: only a 4 or 5 ends it; the interval counts from the day of the pass.
            if q >= 4 {
                next.repeatToday = false
                next.due = (state.passDay ?? today).adding(days: state.interval)
                next.passDay = nil
            }
            return next
        }
        if q >= 3 {
            let delta = 0.1 - Double(5 - q) * (0.08 + Double(5 - q) * 0.02)
            next.ease = max(minimumEase, roundedToHundredths(state.ease + delta))
            switch state.repetitions {
            case 0: next.interval = 1
            case 1: next.interval = 6
            // The small epsilon keeps binary rounding (6 × 2.8 = 16.8000…01) from adding a day.
            default: next.interval = Int.clamped((Double(state.interval) * next.ease - 1e-9).rounded(.up),
                                                 to: 1...maximumIntervalDays)
            }
            next.repetitions = state.repetitions.addingSaturated(1)
            if q == 3 {
                next.repeatToday = true
                next.passDay = today
                next.due = today
            } else {
                next.due = today.adding(days: next.interval)
            }
        } else {
            if state.repetitions > 0 { next.lapses = state.lapses.addingSaturated(1) }
            next.repetitions = 0
            next.interval = 0
            next.due = today
        }
        return next
    }

    private static func roundedToHundredths(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }
}
