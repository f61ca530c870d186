import Testing
import NetcardsCore

/// The worked examples of DESIGN.md's "SM-2, exactly", answer by answer.
@Suite("SM-2 worked examples")
struct SM2WorkedExampleTests {
    let day0 = StudyDay(year: 2026, month: 3, day: 1)

    /// Answers each grade on the day the card is due (the first on day0) and returns every state after.
    func answerOnDueDays(_ grades: [Int]) -> [CardState] {
        var state = CardState.new
        var today = day0
        var states: [CardState] = []
        for value in grades {
            state = SM2.schedule(state, grade: Grade(value)!, today: today)
            states.append(state)
            today = max(today, state.due ?? today)
        }
        return states
    }

    @Test func fiveFiveFiveGivesIntervals1_6_17AndEase2_6_2_7_2_8() {
        let states = answerOnDueDays([5, 5, 5])
        #expect(states.map(\.interval) == [1, 6, 17])
        #expect(states.map(\.ease) == [2.6, 2.7, 2.8])
        #expect(states.map(\.repetitions) == [1, 2, 3])
    }

    @Test func fourFourFourGivesIntervals1_6_15AndKeepsEase2_5() {
        let states = answerOnDueDays([4, 4, 4])
        #expect(states.map(\.interval) == [1, 6, 15])
        #expect(states.map(\.ease) == [2.5, 2.5, 2.5])
    }

    @Test func eachGoodPassMakesTheCardDueIntervalDaysLater() {
        let states = answerOnDueDays([4, 4, 4])
        // Answered on day0, day0+1, day0+7: due day0+1, day0+7, day0+22.
        #expect(states.map(\.due) == [day0.adding(days: 1), day0.adding(days: 7), day0.adding(days: 22)])
        #expect(states.allSatisfy { !$0.repeatToday })
    }

    @Test func aHardThirdPassGivesInterval15AndEase2_36AndARepeatToday() {
        let states = answerOnDueDays([4, 4, 3])
        let third = states[2]
        #expect(third.interval == 15)
        #expect(third.ease == 2.36)
        #expect(third.repeatToday)
        #expect(third.due == day0.adding(days: 7), "a grade-3 pass keeps the card in today's queue")
    }

    @Test func theFiveThatEndsTheSameDayRepeatMakesItDue15DaysAfterThatDay() {
        let afterHardPass = answerOnDueDays([4, 4, 3])[2]
        let passDay = day0.adding(days: 7)
        let repeated = SM2.schedule(afterHardPass, grade: Grade(5)!, today: passDay)
        #expect(!repeated.repeatToday)
        #expect(repeated.due == passDay.adding(days: 15))
        #expect(repeated.interval == 15)
        #expect(repeated.ease == 2.36, "a same-day repeat doesn't move the ease")
        #expect(repeated.repetitions == 3)
    }

    @Test func theFiveOnALaterDayStillCountsFromTheDayOfTheHardPass() {
        let afterHardPass = answerOnDueDays([4, 4, 3])[2]
        let passDay = day0.adding(days: 7)
        let twoDaysLater = passDay.adding(days: 2)
        let repeated = SM2.schedule(afterHardPass, grade: Grade(5)!, today: twoDaysLater)
        #expect(repeated.due == passDay.adding(days: 15))
        #expect(!repeated.repeatToday)
    }

    @Test func theNextFourAfterTheRepeatGivesInterval36() {
        let states = answerOnDueDays([4, 4, 3, 5, 4])
        #expect(states.map(\.interval) == [1, 6, 15, 15, 36])
        #expect(states[4].ease == 2.36)
        #expect(states[4].due == day0.adding(days: 7 + 15 + 36))
    }
}
