import NetcardsCore
import NetcardsLab
import Testing

@Suite("Lab grades")
struct LabOutcomeTests {
    @Test("first try without hints 5, retries 4, hints 3, given up 1")
    func grades() {
        var outcome = LabOutcome()
        #expect(outcome.grade.value == 5)
        outcome.wrongAnswers = 2
        #expect(outcome.grade.value == 4)
        outcome.hintsTaken = 1
        #expect(outcome.grade.value == 3)
        outcome.givenUp = 1
        #expect(outcome.grade.value == 1)
        #expect(!outcome.solved)
    }

    @Test("an answer one letter off is solved, but not at the first try")
    func almost() {
        var outcome = LabOutcome()
        outcome.almost = 1
        #expect(outcome.grade.value == 4)
        #expect(outcome.solved)
    }

    @Test("the labs deck has one reveal card per lab, in the debugging module")
    func deck() {
        let deck = LabCatalogue.deck
        #expect(deck.name == "labs")
        #expect(deck.module == "The debugging arsenal")
        #expect(deck.cards.map(\.id) == ["labs/listening", "labs/refused-or-silent", "labs/dns", "labs/cluster-dns",
                                         "labs/resolve", "labs/gateway-errors", "labs/route"])
        #expect(deck.cards.allSatisfy { $0.mode == .reveal })
    }
}
