import Testing
import NetcardsCore

@Suite("Grade prompt input")
struct GradeTests {
    @Test(arguments: 0...5)
    func digitsZeroToFiveAreGrades(value: Int) {
        #expect(Grade(typed: String(value))?.value == value)
    }

    @Test(arguments: [("a", 1), ("h", 3), ("g", 4), ("e", 5), ("A", 1), (" g ", 4), ("again", 1), ("easy", 5)])
    func lettersAreAgainHardGoodEasy(typed: String, value: Int) {
        #expect(Grade(typed: typed)?.value == value)
    }

    @Test(arguments: ["6", "x", "", "-1", "10", "4.5", "good job"])
    func anythingElseIsRejected(typed: String) {
        #expect(Grade(typed: typed) == nil)
    }

    @Test func onlyGradesThreeAndAbovePass() {
        #expect((0...5).map { Grade($0)!.isPass } == [false, false, false, true, true, true])
    }
}
