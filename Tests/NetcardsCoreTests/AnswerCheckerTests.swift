import Testing
import NetcardsCore

@Suite("Typed answer checking")
struct AnswerCheckerTests {
    func verdict(_ typed: String, _ accepted: [String]) -> AnswerVerdict {
        AnswerChecker.check(typed, against: accepted).verdict
    }

    @Test(arguments: ["ssh", "SSH", "  ssh  ", "ssh.", "\"ssh\"", "Ssh!"])
    func caseSpacesAndPunctuationAreIgnored(typed: String) {
        #expect(verdict(typed, ["ssh"]) == .correct)
    }

    @Test func punctuationInsideTheAnswerIsIgnored() {
        #expect(verdict("syn syn ack ack", ["SYN, SYN-ACK, ACK"]) == .correct)
        #expect(verdict("kube apiserver", ["kube-apiserver"]) == .correct)
        #expect(verdict("kubeapiserver", ["kube-apiserver"]) == .correct)
    }

    @Test func everyAlternativeIsAccepted() {
        let accepted = ["postgres", "postgresql"]
        #expect(verdict("postgres", accepted) == .correct)
        #expect(verdict("PostgreSQL", accepted) == .correct)
    }

    @Test func articlesDoNotDecideAnAnswer() {
        #expect(verdict("a route to an IGW", ["route to IGW"]) == .correct)
        #expect(verdict("the phonebook", ["phonebook"]) == .correct)
        #expect(verdict("route to a NAT", ["route to an IGW"]) == .wrong)
    }

    @Test func theClosestAlternativeIsShownBesideTheAnswer() {
        let check = AnswerChecker.check("postgresq", against: ["postgres", "postgresql"])
        #expect(check.verdict == .almost)
        #expect(check.closest == "postgres" || check.closest == "postgresql")
        #expect(AnswerChecker.check("PostgreSQL", against: ["postgres", "postgresql"]).closest == "postgresql")
    }

    @Test(arguments: ["2379-2380", "2379–2380", "2379 to 2380", "2379..2380", "2379 - 2380", "2379—2380"])
    func portRangesAreCorrectInAnyCommonSpelling(typed: String) {
        #expect(verdict(typed, ["2379-2380"]) == .correct)
    }

    @Test(arguments: ["2379", "2380"])
    func oneEndOfAPortRangeIsPartial(typed: String) {
        #expect(verdict(typed, ["2379-2380"]) == .partial)
    }

    @Test(arguments: ["2379-2381", "2380-2379", "2378", "6443"])
    func aDifferentRangeOrPortIsWrong(typed: String) {
        #expect(verdict(typed, ["2379-2380"]) == .wrong)
    }

    @Test func oneWrongLetterInALongWordIsAlmost() {
        #expect(verdict("postgras", ["postgres"]) == .almost)
        #expect(verdict("postgrs", ["postgres"]) == .almost, "one letter missing")
        #expect(verdict("postgress", ["postgres"]) == .almost, "one letter too many")
    }

    @Test func oneWrongLetterInAShortWordIsWrong() {
        #expect(verdict("sah", ["ssh"]) == .wrong)
        #expect(verdict("dnz", ["dns"]) == .wrong)
        #expect(verdict("etdc", ["etcd"]) == .wrong)
    }

    @Test func aSwapOfNeighbouringLettersIsAlmost() {
        #expect(verdict("postgers", ["postgres"]) == .almost)
        #expect(verdict("rdeis", ["redis"]) == .almost)
    }

    @Test func oneSlipInOneWordOfSeveralIsAlmost() {
        #expect(verdict("kube-apiservr", ["kube-apiserver"]) == .almost)
        #expect(verdict("routing tabel", ["routing table"]) == .almost)
    }

    /// An imported card's answer can be one long word, and a learner can paste up to 4 KB: one slip anywhere in
    /// it (the first letter, the middle, a swap of the last two) is still one slip, two are still wrong.
    @Test func oneSlipInAWordOfThousandsOfLettersIsAlmost() {
        let answer = String(repeating: "abcdefghij", count: 400)
        var changed = Array(answer)
        changed[2_000] = "z"
        #expect(verdict(String(changed), [answer]) == .almost, "one letter changed in the middle")
        #expect(verdict("x" + answer, [answer]) == .almost, "one letter added in front")
        #expect(verdict(String(answer.dropLast()), [answer]) == .almost, "the last letter left out")
        #expect(verdict(String(answer.dropLast(2)) + "ji", [answer]) == .almost, "the last two swapped")
        changed[3_000] = "z"
        #expect(verdict(String(changed), [answer]) == .wrong, "two letters changed")
        #expect(verdict("xy" + answer, [answer]) == .wrong, "two letters added")
    }

    @Test func twoWrongLettersAreWrong() {
        #expect(verdict("pastgras", ["postgres"]) == .wrong)
        #expect(verdict("routnig tabel", ["routing table"]) == .wrong, "slips in two words")
    }

    @Test(arguments: ["", "   ", "?!"])
    func anEmptyAnswerIsWrong(typed: String) {
        #expect(verdict(typed, ["ssh"]) == .wrong)
    }

    @Test func aDifferentAnswerIsWrong() {
        #expect(verdict("telnet", ["ssh"]) == .wrong)
        #expect(verdict("22", ["53"]) == .wrong)
    }

    @Test func suggestedGradesFollowTheVerdict() {
        #expect(AnswerVerdict.correct.suggestedGrade == Grade(4))
        #expect(AnswerVerdict.almost.suggestedGrade == Grade(3))
        #expect(AnswerVerdict.partial.suggestedGrade == Grade(3))
        #expect(AnswerVerdict.wrong.suggestedGrade == Grade(1))
    }

    // FuzzAnswerChecker's find (Fuzz/Seeds/answer-checker/lone-mark-after-control): a Syriac mark (U+0736) left
    // alone by a control character started a word, and once the words were joined by spaces it joined the space
    // instead, so normalizing the normalized text dropped it.
    @Test func aCombiningMarkLeftAloneStartsNoWord() {
        let typed = "Ün\u{19}\u{736}cP<Z#sau?r"
        #expect(AnswerChecker.normalize(typed) == "ün cp z sau r")
        #expect(AnswerChecker.normalize("ün cp z sau r") == "ün cp z sau r")
        #expect(verdict(typed, ["ün cp z sau r"]) == .correct)
    }
}
