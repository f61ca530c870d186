import Foundation
import Testing
import NetcardsCore

/// How the bundled decks' cards are built: real output to read, scenarios to reason about, one fact per card.
@Suite("Bundled decks: card design")
struct BundledDeckDesignTests {
    let cards: [CardDefinition]

    init() throws {
        cards = try Repository.deckFiles().flatMap { file in
            try DeckParser.parse(data: file.bytes, file: "Decks/\(file.name)").cards
        }
    }

    func tagged(_ tag: String) -> [CardDefinition] { cards.filter { $0.tags.contains(tag) } }

    @Test func atLeast40OutputCardsEachWithACodeBlock() {
        let output = tagged("output")
        #expect(output.count >= 40, "\(output.count) output cards")
        let withoutCode = output.filter { CardText.codeLines(of: $0.front).isEmpty }
        #expect(withoutCode.map(\.id) == [], "an output card shows the tool's output")
    }

    @Test func atLeast25ScenarioCards() {
        #expect(tagged("scenario").count >= 25, "\(tagged("scenario").count) scenario cards")
    }

    @Test func outputCoversEveryToolTheIssueNames() {
        let output = tagged("output").map { CardText.codeLines(of: $0.front).joined(separator: "\n") }
        for tool in ["$ dig ", "$ ss -tlnp", "$ traceroute ", "$ mtr ", "$ curl -v", "$ nc -zv", "$ tcpdump ", "$ ip route get", "$ ping "] {
            #expect(output.contains { $0.contains(tool) }, "no output card shows \(tool)")
        }
        for status in ["status: NOERROR", "status: NXDOMAIN", "status: SERVFAIL", "IN\tCNAME", "* * *", "Connection refused",
                       "timed out", "succeeded!", "Flags [R.]", "Time to live exceeded", "Destination Host Unreachable",
                       "502 Bad Gateway", "504 Gateway Time-out", "no alternative certificate subject name", "127.0.0.1:6379"] {
            #expect(output.contains { $0.contains(status) }, "no output card shows \(status)")
        }
    }

    /// The canonical typed answer: at most 5 words, or a number, port, range, CIDR, address or command line.
    @Test func typedAnswersAreShort() {
        let tools: Set = ["ss", "nc", "netcat", "ncat", "dig", "curl", "traceroute", "mtr", "tcpdump", "ip", "ping",
                          "sudo", "netstat", "getent", "nslookup"]
        for card in cards where card.mode == .typed {
            let answer = card.answers[0]
            let words = answer.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "→" })
            let isCommand = words.first.map { tools.contains(String($0)) || $0.hasPrefix("-") || $0.hasPrefix("+") } ?? false
            let isNumeric = answer.allSatisfy { $0.isNumber || ".:/-–".contains($0) }
            #expect(words.count <= 5 || isCommand || isNumeric, "\(card.id): “\(answer)” is \(words.count) words")
        }
    }

    /// No accepted answer of a typed card, nor a short revealed answer, appears word for word in the question's
    /// prose (a tool's output may show it: reading it is the skill).
    @Test func noAnswerInItsQuestion() {
        let articles: Set = ["a", "an", "the"]
        func words(_ text: String) -> [String] {
            AnswerChecker.normalize(text).split(separator: " ").map(String.init).filter { !articles.contains($0) }
        }
        for card in cards {
            let question = " " + words(CardText.prose(of: card.front)).joined(separator: " ") + " "
            let answers = card.mode == .typed ? card.answers : (words(card.back).count <= 5 ? [card.back] : [])
            for answer in answers {
                // "an A record": a capital A is the DNS record type, not an article.
                let needle = answer.split(separator: " ").contains("A") ? AnswerChecker.normalize(answer)
                    : words(answer).joined(separator: " ")
                guard !needle.isEmpty else { continue }
                #expect(!question.contains(" \(needle) "), "\(card.id): the answer “\(answer)” is in its question")
            }
        }
    }

    @Test func aRevealedAnswerWithACodeBlockIsNeverTyped() {
        #expect(cards.filter { $0.mode == .typed && $0.answers.contains { !CardText.codeLines(of: $0).isEmpty } }.isEmpty)
    }

    @Test func codeLinesAreRealToolOutputWidths() {
        for card in cards {
            for line in CardText.codeLines(of: card.front) {
                #expect(CardText.width(of: line) <= 120, "\(card.id): a \(CardText.width(of: line))-column line")
                #expect(!line.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" }, "\(card.id): a control character")
            }
        }
    }

    /// A question that asks for an order has an answer written as a sequence (`→`), so the checker takes every
    /// list answer of the card in order; a six-item order (the ladder) is revealed, not typed.
    @Test func everyTypedInOrderQuestionHasASequenceAnswer() {
        let asking = cards.filter { card in
            let question = CardText.prose(of: card.front).lowercased()
            return card.mode == .typed && ["in order", "the order"].contains { question.contains($0) }
        }
        #expect(asking.count >= 3, "\(asking.map(\.id))")
        for card in asking {
            #expect(card.answers.contains { $0.contains("→") }, "\(card.id): no answer is a sequence")
        }
    }

    @Test(arguments: [
        ("curl-order", ["DNS, TCP, TLS, HTTP", "DNS then TCP then TLS then HTTP", "dns -> tcp -> tls -> http"],
         ["TCP, DNS, TLS, HTTP", "DNS, TLS, TCP, HTTP", "HTTP, TLS, TCP, DNS"]),
        ("dns-resolver-walk-order", ["root, TLD, authoritative", "root then TLD then authoritative"],
         ["TLD, root, authoritative", "authoritative, TLD, root"]),
        ("tcp-handshake-order", ["SYN, SYN-ACK, ACK", "syn then syn-ack then ack"], ["SYN, ACK, SYN-ACK"]),
    ])
    func aWrongOrderIsRejected(id: String, right: [String], wrong: [String]) throws {
        let card = try #require(cards.first { $0.id == id || $0.id.hasSuffix("/\(id)") })
        for typed in right {
            #expect(AnswerChecker.check(typed, against: card.answers).verdict == .correct, "\(id): “\(typed)”")
        }
        for typed in wrong {
            let verdict = AnswerChecker.check(typed, against: card.answers).verdict
            #expect(verdict == .wrong, "\(id): “\(typed)” was \(verdict)")
        }
    }
}
