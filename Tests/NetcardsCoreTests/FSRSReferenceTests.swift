import Foundation
import Testing
import NetcardsCore

/// FSRS-6 against recorded py-fsrs 6.3.2 runs (Tests/Fixtures/fsrs/cases.json): every answer's stability and
/// difficulty to 1e-6 and its due day exactly, including same-day, early and late answers.
@Suite("FSRS-6 against py-fsrs")
struct FSRSReferenceTests {
    struct Fixture: Decodable {
        struct Case: Decodable {
            var desiredRetention: Double
            var answers: [Answer]
        }
        struct Answer: Decodable {
            var day: Int, grade: Int, stability: Double, difficulty: Double, due: Int
        }
        var cases: [Case]
    }

    static let fixture: Fixture = {
        let data = Data(try! Repository.text("Tests/Fixtures/fsrs/cases.json").utf8)
        return try! JSONDecoder().decode(Fixture.self, from: data)
    }()

    @Test func theFixtureHoldsAtLeastFiftySequencesWithSameDayEarlyAndLateAnswers() {
        let pairs = Self.fixture.cases.flatMap { zip($0.answers, $0.answers.dropFirst()).map { ($0, $1) } }
        #expect(Self.fixture.cases.count >= 50)
        #expect(pairs.contains { $0.day == $1.day })
        #expect(pairs.contains { $0.day < $1.day && $1.day < $0.due })
        #expect(pairs.contains { $1.day > $0.due })
    }

    @Test(arguments: 0..<fixture.cases.count)
    func answersMatchTheReference(index: Int) {
        let recorded = Self.fixture.cases[index]
        let fsrs = FSRS(desiredRetention: recorded.desiredRetention)
        var state = FSRSState.new
        for (step, answer) in recorded.answers.enumerated() {
            state = fsrs.schedule(state, grade: Grade(answer.grade)!, today: StudyDay(number: answer.day))
            let memory = state.memory!
            #expect(abs(memory.stability - answer.stability) <= 1e-6, "case \(index) answer \(step): stability")
            #expect(abs(memory.difficulty - answer.difficulty) <= 1e-6, "case \(index) answer \(step): difficulty")
            #expect(state.due?.number == answer.due, "case \(index) answer \(step): due day")
        }
    }
}

/// FSRS's definitions, worked out by hand from the published formulas.
@Suite("FSRS-6 definitions")
struct FSRSDefinitionTests {
    let fsrs = FSRS()

    @Test(arguments: [1.0, 3.0, 40.0, 900.0])
    func recallIsNinetyPercentWhenTheElapsedDaysEqualTheStability(stability: Double) {
        // R(t) = (1 + factor·t/S)^(−w20) with factor = 0.9^(−1/w20) − 1, so R(S) = 0.9 whatever S is.
        #expect(abs(fsrs.retrievability(stability: stability, elapsedDays: Int(stability)) - 0.9) < 1e-12)
    }

    @Test func atNinetyPercentTheIntervalIsTheStabilityRoundedHalfToEven() {
        #expect(fsrs.interval(stability: 12.4) == 12)
        #expect(fsrs.interval(stability: 12.6) == 13)
        #expect(fsrs.interval(stability: 0.2) == 1, "at least a day")
        #expect(fsrs.interval(stability: 1e9) == maximumIntervalDays)
    }

    @Test func aNewCardStartsFromW0ToW3AndD0() {
        let day = StudyDay(year: 2026, month: 3, day: 1)
        let good = fsrs.schedule(.new, grade: .good, today: day)
        #expect(good.memory?.stability == 2.3065)
        // D0(Good) = w4 − e^(w5·2) + 1 = 6.4133 − e^1.6668 + 1
        #expect(abs(good.memory!.difficulty - (6.4133 - exp(1.6668) + 1)) < 1e-12)
        #expect(good.due == day.adding(days: 2), "S 2.3065 rounds to 2 days at 90%")
        #expect(fsrs.schedule(.new, grade: Grade(0)!, today: day).memory?.stability == 0.212, "0, 1 and 2 are Again")
        #expect(fsrs.schedule(.new, grade: .hard, today: day).memory?.stability == 1.2931)
        #expect(fsrs.schedule(.new, grade: .easy, today: day).memory?.stability == 8.2956)
    }
}
