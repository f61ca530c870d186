import Testing
import NetcardsCore

@Suite("SM-2 lapses and same-day repeats")
struct SM2LapseTests {
    let today = StudyDay(year: 2026, month: 6, day: 10)
    let reviewed = CardState(repetitions: 3, ease: 2.36, interval: 15,
                             due: StudyDay(year: 2026, month: 6, day: 10), lapses: 2)

    @Test(arguments: [0, 1, 2])
    func aLapseResetsRepetitionsAndIntervalAndKeepsTheEase(grade: Int) {
        let after = SM2.schedule(reviewed, grade: Grade(grade)!, today: today)
        #expect(after.repetitions == 0)
        #expect(after.interval == 0)
        #expect(after.ease == 2.36)
        #expect(after.due == today, "a lapsed card comes back today")
        #expect(!after.repeatToday)
    }

    @Test func aLapseOfACardThatHadPassedCountsOneMoreLapse() {
        let after = SM2.schedule(reviewed, grade: .again, today: today)
        #expect(after.lapses == 3)
    }

    @Test func failingANewCardIsNotALapse() {
        let after = SM2.schedule(.new, grade: .again, today: today)
        #expect(after.lapses == 0)
        #expect(after.due == today)
        #expect(!after.isNew, "an answered card is no longer new")
    }

    @Test func failingAgainRightAfterALapseIsNotASecondLapse() {
        let lapsed = SM2.schedule(reviewed, grade: .again, today: today)
        let again = SM2.schedule(lapsed, grade: Grade(0)!, today: today)
        #expect(again.lapses == lapsed.lapses)
    }

    @Test(arguments: [0, 1, 2, 3])
    func aGradeBelowFourDuringASameDayRepeatChangesNothing(grade: Int) {
        let hardPass = SM2.schedule(CardState(repetitions: 2, ease: 2.5, interval: 6, due: today),
                                    grade: .hard, today: today)
        #expect(hardPass.repeatToday)
        let after = SM2.schedule(hardPass, grade: Grade(grade)!, today: today)
        #expect(after == hardPass)
    }

    @Test func aFourEndsTheSameDayRepeat() {
        let hardPass = SM2.schedule(CardState(repetitions: 2, ease: 2.5, interval: 6, due: today),
                                    grade: .hard, today: today)
        let after = SM2.schedule(hardPass, grade: .good, today: today)
        #expect(!after.repeatToday)
        #expect(after.due == today.adding(days: hardPass.interval))
    }

    @Test func theEaseNeverDropsBelow1_3() {
        let lowEase = CardState(repetitions: 4, ease: 1.35, interval: 30, due: today)
        let after = SM2.schedule(lowEase, grade: .hard, today: today)
        #expect(after.ease == 1.3)
        #expect(after.interval == 39, "⌈30 × 1.3⌉")
    }
}
