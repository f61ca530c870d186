import Foundation
import Testing
import NetcardsCore

@Suite("Multiple choice: one right option, and only one")
struct MultipleChoiceTests {
    @Test func aLayerRangeHoldingTheRightLayerIsNeverOffered() {
        let candidates = [["L4 – L7", "L4-L7", "L4 to L7"], ["L4", "layer 4"], ["L3/L4", "L3 and L4"], ["L7", "layer 7"]]
        for seed in UInt64(0)..<50 {
            var generator = SeededGenerator(seed: seed)
            let options = MultipleChoice.options(right: ["L7", "layer 7", "application"], candidates: candidates, count: 4,
                                                 using: &generator)
            #expect(Set(options) == ["L7", "L4", "L3/L4"], "seed \(seed): \(options)")
        }
    }

    @Test func listsSharingAnItemAreNeverOffered() {
        let candidates = [["AWS ALB, NGINX, Envoy, Traefik"], ["AWS NLB, HAProxy (TCP mode)"], ["AWS NAT Gateway, your home router"]]
        var generator = SeededGenerator(seed: 7)
        let options = MultipleChoice.options(right: ["NGINX, Caddy, Envoy"], candidates: candidates, count: 4, using: &generator)
        #expect(Set(options) == ["NGINX, Caddy, Envoy", "AWS NLB, HAProxy (TCP mode)", "AWS NAT Gateway, your home router"])
    }

    @Test func anAcceptedSpellingOfTheRightAnswerIsNeverAWrongOption() {
        var generator = SeededGenerator(seed: 1)
        let options = MultipleChoice.options(right: ["postgres", "postgresql"], candidates: [["postgresql"], ["mysql"]],
                                             count: 3, using: &generator)
        #expect(Set(options) == ["postgres", "mysql"])
    }

    /// Items of an answer as a learner reads them: list parts and range ends.
    static func items(_ text: String) -> Set<String> {
        var parts = [text.lowercased()]
        for separator in [",", "/", "–", " and "] { parts = parts.flatMap { $0.components(separatedBy: separator) } }
        return Set(parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }

    /// As many options as the table has rows offers every fair candidate at once, and a draw of four: each draw
    /// runs the answer checker over every candidate, so two cover the table (a hundred seeds took minutes).
    @Test("every table of the bundled decks, all options and 4: no second right option")
    func noSecondRightOptionInAnyBundledTable() throws {
        let cards = try Repository.deckFiles().flatMap { file in
            try DeckParser.parse(data: file.bytes, file: "Decks/\(file.name)").cards
        }.filter { $0.table != nil }
        let columns = Dictionary(grouping: cards) { "\($0.id.split(separator: "/")[0])/\($0.table!)/\($0.template!)" }
        #expect(columns.count >= 10)
        for (column, questions) in columns {
            for question in questions {
                for count in [4, questions.count + 1] {
                    var generator = SeededGenerator(seed: 7)
                    let options = MultipleChoice.options(right: question.answers, candidates: questions.map(\.answers),
                                                         count: count, using: &generator)
                    #expect(options.filter { $0 == question.answers[0] }.count == 1)
                    for option in options where option != question.answers[0] {
                        #expect(AnswerChecker.check(option, against: question.answers).verdict == .wrong,
                                "\(column): “\(option)” is also accepted for \(question.id)")
                        #expect(Self.items(option).isDisjoint(with: Self.items(question.answers[0])),
                                "\(column): “\(option)” shares an item with “\(question.answers[0])”")
                    }
                }
            }
        }
    }
}
