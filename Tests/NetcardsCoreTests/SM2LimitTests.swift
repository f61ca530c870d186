import Testing
import NetcardsCore

/// SM-2 given values no learner could reach (an imported interval or ease of 2^62, counts at Int.max):
/// it keeps to the 36,500-day cap and saturates instead of trapping.
@Suite("SM-2 at the limits")
struct SM2LimitTests {
    let today = StudyDay(year: 2026, month: 1, day: 5)

    @Test func aHugeIntervalAndEaseGiveTheCappedInterval() {
        let poisoned = CardState(repetitions: 4, ease: Double(1 << 62) / 1000, interval: 1 << 62, due: today)
        let after = SM2.schedule(poisoned, grade: .good, today: today)
        #expect(after.interval == 36_500)
        // 2026-01-05 + 100 years is 2126-01-05, 36,524 days (24 leap days); 24 days earlier:
        #expect(after.due?.iso == "2125-12-12")
        #expect(after.repetitions == 5)
    }

    @Test func anInfiniteEaseGivesTheCappedInterval() {
        let after = SM2.schedule(CardState(repetitions: 3, ease: .infinity, interval: 40, due: today), grade: .easy, today: today)
        #expect(after.interval == maximumIntervalDays)
    }

    @Test func countsAtTheirLimitStayThere() {
        let lapsing = SM2.schedule(CardState(repetitions: 2, interval: 6, due: today, lapses: .max), grade: .again, today: today)
        #expect(lapsing.lapses == .max)
        let passing = SM2.schedule(CardState(repetitions: .max, interval: 6, due: today), grade: .good, today: today)
        #expect(passing.repetitions == .max)
    }

    @Test func aSameDayRepeatWithAHugeIntervalIsDueOnTheLastDay() {
        let repeating = CardState(repetitions: 3, interval: .max, due: today, repeatToday: true, passDay: today)
        let after = SM2.schedule(repeating, grade: .good, today: today)
        #expect(after.due == StudyDay.latest)
        // 10^9 days = 6,844 Gregorian 400-year cycles (2,737,600 years) + 112,132 days, and 1970-01-01 + 112,132 days
        // is 2277-01-03.
        #expect(after.due!.iso == "2739877-01-03")
    }

    @Test func dayArithmeticSaturates() {
        #expect(today.adding(days: .max) == StudyDay.latest)
        #expect(today.adding(days: .min) == StudyDay.earliest)
        #expect(StudyDay(number: .max).adding(days: 1) == StudyDay.latest)
    }
}
