import Testing
import NetcardsCore

/// The phrasings of issue #11 (docs/answers.md) checked against today's decks: each pair goes to the bundled
/// typed card that shares the most accepted answers with the list it was written for, and is checked against
/// that card's answers as they are now (widened, reworded or made sequences since).
@Suite("Answer model: phrasings on today's decks")
struct BundledPhrasingTests {
    struct Tally {
        var judged = 0, passed = 0, withoutCard = 0
        var passedTyped: [String] = []
    }

    static let typedCards: [[String]] = {
        let cards = (try? Repository.deckFiles().flatMap { file in
            try DeckParser.parse(data: file.bytes, file: "Decks/\(file.name)").cards
        }) ?? []
        return cards.filter { $0.mode == .typed }.map(\.answers)
    }()

    /// The answers of the card the pair was written for, or nil when no typed card shares an answer with it.
    static func today(_ accepted: [String]) -> [String]? {
        let written = Set(accepted.map(AnswerChecker.normalize))
        let shared = typedCards.map { answers in answers.filter { written.contains(AnswerChecker.normalize($0)) }.count }
        guard let best = shared.indices.max(by: { shared[$0] < shared[$1] || (shared[$0] == shared[$1] && $0 > $1) }),
              shared[best] > 0 else { return nil }
        return typedCards[best]
    }

    static func tally(_ text: String, passing: Set<AnswerVerdict>) -> Tally {
        var tally = Tally()
        for pair in AnswerPhrasings.pairs(text) {
            guard let answers = today(pair.accepted) else { tally.withoutCard += 1; continue }
            tally.judged += 1
            if passing.contains(AnswerChecker.check(pair.typed, against: answers).verdict) {
                tally.passed += 1
                tally.passedTyped.append(pair.typed)
            }
        }
        return tally
    }

    @Test func rightPhrasingsAreAccepted() {
        let right = Self.tally(AnswerPhrasings.right, passing: [.correct])
        #expect(right.judged > 240, "\(right.judged) right phrasings still have their card")
        #expect(right.passed * 10 >= right.judged * 9, "\(right.passed) of \(right.judged) right phrasings are ✓")
    }

    @Test func wrongLookAlikesAreRejected() {
        let wrong = Self.tally(AnswerPhrasings.wrong, passing: [.correct, .almost])
        #expect(wrong.judged > 200, "\(wrong.judged) wrong answers still have their card")
        #expect(wrong.passed * 20 <= wrong.judged, "\(wrong.passed) of \(wrong.judged) pass: \(wrong.passedTyped)")
    }

    /// The wrong orders docs/answers.md found passing on the order cards: their answers are sequences now.
    @Test func noWrongOrderPasses() {
        let orders = ["TCP, DNS, TLS, HTTP", "DNS, TLS, TCP, HTTP", "HTTP, TLS, TCP, DNS", "TLD, root, authoritative",
                      "authoritative, TLD, root", "root, authoritative, TLD"]
        let wrong = Self.tally(AnswerPhrasings.wrong, passing: [.correct, .almost])
        #expect(wrong.passedTyped.filter(orders.contains) == [])
    }
}
