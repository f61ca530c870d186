import Testing
import NetcardsCore

@Suite("Answer diff: words extra, missing, mistyped")
struct AnswerDiffTests {
    func marks(_ words: [AnswerDiff.Word]) -> [String] {
        words.map { word in
            switch word.mark {
            case .same: word.text
            case .extra: "+" + word.text
            case .missing: "-" + word.text
            case .typo(let letters): String(zip(word.text, letters).map { $1 ? "_" : $0 })
            }
        }
    }

    @Test func aMissingWordIsMarkedInTheAnswer() {
        let diff = AnswerDiff(typed: "destination address", expected: "destination IP address")
        #expect(diff.comparable)
        #expect(marks(diff.typed) == ["destination", "address"])
        #expect(marks(diff.expected) == ["destination", "-IP", "address"])
    }

    @Test func anExtraWordIsMarkedInWhatWasTyped() {
        let diff = AnswerDiff(typed: "the source IP address", expected: "the IP address")
        #expect(marks(diff.typed) == ["the", "+source", "IP", "address"])
        #expect(marks(diff.expected) == ["the", "IP", "address"])
    }

    @Test func onlyTheWrongLettersOfAMistypedWordAreMarked() {
        let diff = AnswerDiff(typed: "routing tabel", expected: "routing table")
        #expect(marks(diff.typed) == ["routing", "tab_l"] || marks(diff.typed) == ["routing", "ta_el"])
        #expect(marks(diff.expected) == ["routing", "table"])
        #expect(marks(AnswerDiff(typed: "postgras", expected: "postgres").typed) == ["postgr_s"])
    }

    @Test func caseAndPluralsAreNoDifference() {
        let diff = AnswerDiff(typed: "MAC Address", expected: "MAC addresses")
        #expect(marks(diff.typed) == ["MAC", "Address"])
        #expect(marks(diff.expected) == ["MAC", "addresses"])
    }

    @Test func answersSharingUnderHalfTheirWordsAreShownWithoutMarks() {
        let unrelated = AnswerDiff(typed: "confetti", expected: "ssh")
        #expect(!unrelated.comparable)
        #expect(marks(unrelated.typed) == ["confetti"])
        #expect(marks(unrelated.expected) == ["ssh"])
        #expect(!AnswerDiff(typed: "a route to a NAT gateway", expected: "its route table").comparable)
        #expect(AnswerDiff(typed: "route table", expected: "its route table").comparable, "2 of 3 shared")
        #expect(!AnswerDiff(typed: "a response", expected: "a request").comparable, "articles are not shared words")
    }

    @Test func theWordsJoiningListItemsAreNotMarked() {
        let diff = AnswerDiff(typed: "S3", expected: "S3 and DynamoDB")
        #expect(marks(diff.expected) == ["S3", "and", "-DynamoDB"])
    }
}
