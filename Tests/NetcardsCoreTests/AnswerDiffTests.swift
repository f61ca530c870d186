import Testing
import NetcardsCore

@Suite("Answer diff")
struct AnswerDiffTests {
    /// The typed characters marked wrong, as a string.
    func marked(_ typed: String, _ expected: String) -> String {
        let marks = AnswerDiff.mismatches(typed: typed, expected: expected)
        return String(zip(typed, marks).filter(\.1).map(\.0))
    }

    @Test func theOneWrongLetterIsMarked() {
        #expect(AnswerDiff.mismatches(typed: "postgras", expected: "postgres")
                == [false, false, false, false, false, false, true, false])
    }

    @Test func extraLettersAreMarked() {
        #expect(marked("posttgres", "postgres") == "t")
        #expect(marked("sshd", "ssh") == "d")
    }

    @Test func aCorrectAnswerHasNoMarksWhateverTheCase() {
        #expect(AnswerDiff.mismatches(typed: "PostgreSQL", expected: "postgresql").allSatisfy { !$0 })
    }

    @Test func everyCharacterIsMarkedAgainstAnEmptyAnswer() {
        #expect(AnswerDiff.mismatches(typed: "ssh", expected: "") == [true, true, true])
    }

    @Test func anEmptyTypedAnswerHasNothingToMark() {
        #expect(AnswerDiff.mismatches(typed: "", expected: "ssh").isEmpty)
    }

    @Test func thereIsOneMarkPerTypedCharacter() {
        #expect(AnswerDiff.mismatches(typed: "kube-apisrver", expected: "kube-apiserver").count == 13)
        #expect(marked("telnet", "ssh") == "telnet")
    }
}
