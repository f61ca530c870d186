import Testing
import NetcardsCore

/// Invariants of SM-2 over every grade sequence of up to five answers and over long seeded random ones.
@Suite("SM-2 properties")
struct SM2PropertyTests {
    /// One answer and the state it was given in.
    struct Step {
        var before: CardState
        var grade: Int
        var today: StudyDay
        var after: CardState
    }

    /// Every sequence of grades 0–5 of length 1…maxLength.
    static func allSequences(maxLength: Int) -> [[Int]] {
        var result: [[Int]] = []
        var layer: [[Int]] = [[]]
        for _ in 1...maxLength {
            layer = layer.flatMap { prefix in (0...5).map { prefix + [$0] } }
            result += layer
        }
        return result
    }

    /// Answers each grade when the card next comes up, `lateness` days late for a card due another day.
    static func run(_ grades: [Int], lateness: (Int) -> Int = { _ in 0 }) -> [Step] {
        var state = CardState.new
        var today = StudyDay(year: 2026, month: 1, day: 5)
        var steps: [Step] = []
        for (index, grade) in grades.enumerated() {
            let after = SM2.schedule(state, grade: Grade(grade)!, today: today)
            steps.append(Step(before: state, grade: grade, today: today, after: after))
            state = after
            if let due = state.due, due > today { today = due.adding(days: lateness(index)) }
            else if state.repeatToday { today = today.adding(days: lateness(index) > 3 ? 1 : 0) }
        }
        return steps
    }

    static let exhaustive = allSequences(maxLength: 5).map { run($0) }

    static let random: [[Step]] = {
        var generator = SeededGenerator(seed: 0x5EED_2026)
        return (0..<400).map { _ in
            let grades = (0..<40).map { _ in Int.random(in: 0...5, using: &generator) }
            let late = (0..<40).map { _ in Int.random(in: 0...6, using: &generator) }
            return run(grades, lateness: { late[$0] })
        }
    }()

    static var allSteps: [Step] { (exhaustive + random).flatMap { $0 } }

    @Test func sequencesCoverEveryGradeSequenceUpToFiveAnswers() {
        #expect(Self.exhaustive.count == 6 + 36 + 216 + 1296 + 7776)
    }

    @Test func theEaseNeverGoesBelow1_3() {
        let broken = Self.allSteps.filter { $0.after.ease < SM2.minimumEase }
        #expect(broken.isEmpty)
    }

    @Test func aGoodPassNeverShortensTheInterval() {
        let passes = Self.allSteps.filter { $0.grade >= 4 && !$0.before.repeatToday && $0.before.repetitions >= 1 }
        #expect(!passes.isEmpty)
        let shortened = passes.filter { $0.after.interval < $0.before.interval }
        #expect(shortened.isEmpty)
    }

    @Test func aGoodPassSchedulesTheCardInTheFuture() {
        let passes = Self.allSteps.filter { $0.grade >= 4 && !$0.before.repeatToday }
        #expect(passes.allSatisfy { $0.after.due! > $0.today && $0.after.repetitions == $0.before.repetitions + 1 })
    }

    @Test func aLapseAlwaysResetsRepetitionsToZero() {
        let lapses = Self.allSteps.filter { $0.grade < 3 && !$0.before.repeatToday }
        #expect(!lapses.isEmpty)
        #expect(lapses.allSatisfy { $0.after.repetitions == 0 && $0.after.interval == 0 && $0.after.due == $0.today })
        #expect(lapses.allSatisfy { $0.after.ease == $0.before.ease })
    }

    @Test func lapsesCountOnlyCardsThatHadPassed() {
        let lapses = Self.allSteps.filter { $0.grade < 3 && !$0.before.repeatToday }
        #expect(lapses.allSatisfy { $0.after.lapses == $0.before.lapses + ($0.before.repetitions > 0 ? 1 : 0) })
    }

    @Test func aGradeBelowFourInASameDayRepeatNeverChangesTheCard() {
        let repeats = Self.allSteps.filter { $0.before.repeatToday && $0.grade < 4 }
        #expect(!repeats.isEmpty)
        #expect(repeats.allSatisfy { $0.after == $0.before })
    }

    @Test func theSameAnswersAlwaysGiveTheSameSchedule() {
        let grades = [4, 5, 3, 3, 4, 1, 4, 5, 5]
        let first = Self.run(grades).map(\.after)
        let second = Self.run(grades).map(\.after)
        #expect(first == second)
    }
}
