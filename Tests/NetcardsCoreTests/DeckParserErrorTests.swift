import Testing
import NetcardsCore

/// A tiny deck with exactly one mistake, and where the parser must point.
struct BrokenDeck: Sendable, CustomTestStringConvertible {
    var kind: DeckParseError.Kind
    var line: Int
    var text: String
    var testDescription: String { "\(kind) at line \(line)" }
}

/// Front matter (lines 1–4) so bodies start at line 5.
let deckHeader = "---\ndeck: net\nmodule: Networking\n---\n"

/// Every kind of error the parser reports, each provoked by the smallest deck that shows it.
let brokenDecks: [BrokenDeck] = [
    BrokenDeck(kind: .missingFrontMatter, line: 1, text: "# Ports\n\nQ: Port of ssh? {#ssh}\nA: 22\n"),
    BrokenDeck(kind: .unterminatedFrontMatter, line: 1, text: "---\ndeck: net\nmodule: Networking\n"),
    BrokenDeck(kind: .malformedFrontMatterLine, line: 4, text: "---\ndeck: net\nmodule: Networking\njust some words\n---\n"),
    BrokenDeck(kind: .unknownFrontMatterKey, line: 3, text: "---\ndeck: net\nauthor: me\nmodule: Networking\n---\n"),
    BrokenDeck(kind: .missingRequiredKey, line: 1, text: "---\ndeck: net\n---\nQ: Port of ssh? {#ssh}\nA: 22\n"),
    BrokenDeck(kind: .invalidName, line: 2, text: "---\ndeck: My Deck\nmodule: Networking\n---\n"),
    BrokenDeck(kind: .tableWithoutRows, line: 5, text: deckHeader + "Table: ports\n| Service | Port |\n|---|---|\n"),
    BrokenDeck(kind: .missingSeparatorRow, line: 7, text: deckHeader + """
        Table: ports
        | Service | Port |
        | ssh | 22 |
        | dns | 53 |
        """),
    BrokenDeck(kind: .cellCountMismatch, line: 9, text: deckHeader + """
        Table: ports
        | Service | Port | Transport |
        |---|---|---|
        | ssh | 22 | TCP |
        | dns | 53 |
        Card port: Port of {Service}? => {Port}
        """),
    BrokenDeck(kind: .emptyRowKey, line: 9, text: deckHeader + """
        Table: ports
        | Service | Port |
        |---|---|
        | ssh | 22 |
        | -- | 53 |
        Card port: Port of {Service}? => {Port}
        """),
    BrokenDeck(kind: .duplicateRowKey, line: 9, text: deckHeader + """
        Table: ports
        | Service | Port |
        |---|---|
        | ssh | 22 |
        | SSH | 2222 |
        Card port: Port of {Service}? => {Port}
        """),
    BrokenDeck(kind: .tableWithoutName, line: 6, text: deckHeader + """
        Ports:
        | Service | Port |
        |---|---|
        | ssh | 22 |
        """),
    BrokenDeck(kind: .templateOutsideTable, line: 6, text: deckHeader + "\nCard port: Port of {Service}? => {Port}\n"),
    BrokenDeck(kind: .malformedTemplate, line: 10, text: deckHeader + """
        Table: ports
        | Service | Port |
        |---|---|
        | ssh | 22 |
        Card port: Port of {Service}? => {Port}
        Card service: What listens on {Port}?
        """),
    BrokenDeck(kind: .unknownColumn, line: 10, text: deckHeader + """
        Table: ports
        | Service | Port |
        |---|---|
        | ssh | 22 |
        Card port: Port of {Service}? => {Port}
        Card service: What listens on {Number}? => {Service}
        """),
    BrokenDeck(kind: .duplicateTemplate, line: 10, text: deckHeader + """
        Table: ports
        | Service | Port |
        |---|---|
        | ssh | 22 |
        Card port: Port of {Service}? => {Port}
        Card port: Which port for {Service}? => {Port}
        """),
    BrokenDeck(kind: .tableWithoutTemplates, line: 5, text: deckHeader + """
        Table: ports
        | Service | Port |
        |---|---|
        | ssh | 22 |

        The templates were forgotten.
        """),
    BrokenDeck(kind: .questionWithoutId, line: 6, text: deckHeader + "\nQ: Which port does ssh use?\nA: 22\n"),
    BrokenDeck(kind: .questionWithoutAnswer, line: 6, text: deckHeader + "\nQ: Which port does ssh use? {#ssh-port}\nIt is 22.\n"),
    BrokenDeck(kind: .answerWithoutQuestion, line: 6, text: deckHeader + "\nA: 22\n"),
    BrokenDeck(kind: .emptyAnswer, line: 6, text: deckHeader + "\nQ: Which port does ssh use? {#ssh-port}\nA:\n"),
    BrokenDeck(kind: .unclosedCodeBlock, line: 7, text: deckHeader + "\nQ: Which port? {#p}\n```\nLISTEN 0 128 *:22\nA: 22\n"),
    BrokenDeck(kind: .blockWithoutCode, line: 6, text: deckHeader + "\nBlock: listen\nLISTEN 0 128 *:22\n"),
    BrokenDeck(kind: .duplicateBlock, line: 10, text: deckHeader + "\nBlock: listen\n```\nA\n```\nBlock: listen\n```\nB\n```\n"),
    BrokenDeck(kind: .unknownBlock, line: 8, text: deckHeader + """
        Table: readings
        | Output | Means |
        |---|---|
        | {{listen}} | sshd listens |
        Reveal means: What does it mean? {Output} => {Means}
        """),
    BrokenDeck(kind: .codeInTypedAnswer, line: 8, text: deckHeader + """
        Table: readings
        | Means | Output |
        |---|---|
        | sshd listens | {{listen}} |
        Card output: Which output shows that {Means}? => {Output}

        Block: listen
        ```
        LISTEN 0 128 *:22
        ```
        """),
    BrokenDeck(kind: .duplicateId, line: 8, text: deckHeader + "\nQ: Which port does ssh use? {#ssh}\nA: 22\nQ: What is ssh? {#ssh}\nA: secure shell\n"),
]

@Suite("Deck parser errors")
struct DeckParserErrorTests {
    func errors(_ text: String, file: String = "Decks/test.md") -> [DeckParseError] {
        do {
            let deck = try DeckParser.parse(text, file: file)
            Issue.record("expected errors, parsed \(deck.cards.count) cards")
            return []
        } catch {
            return error.errors
        }
    }

    @Test(arguments: brokenDecks)
    func eachMistakeIsReportedWithItsKindAndLine(deck: BrokenDeck) {
        let found = errors(deck.text)
        #expect(found.map(\.kind) == [deck.kind])
        #expect(found.first?.line == deck.line)
        #expect(found.first?.file == "Decks/test.md")
    }

    @Test func everyKindOfErrorHasAnExample() {
        let covered = Set(brokenDecks.map(\.kind)).union([.invalidText])
        #expect(covered == Set(DeckParseError.Kind.allCases))
    }

    @Test func notUTF8TextIsInvalidTextAtLineOne() {
        let bytes: [UInt8] = Array(deckHeader.utf8) + [0x51, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]
        do {
            _ = try DeckParser.parse(data: bytes, file: "Decks/latin1.md")
            Issue.record("parsed a file that is not UTF-8")
        } catch {
            #expect(error.errors.map(\.kind) == [.invalidText])
            #expect(error.errors.first?.line == 1)
        }
    }

    @Test func validUTF8BytesParseLikeText() throws {
        let text = deckHeader + "Q: Which port does ssh use? {#ssh-port}\nA: 22\n"
        let deck = try DeckParser.parse(data: Array(text.utf8), file: "Decks/net.md")
        #expect(deck.cards.map(\.id) == ["net/ssh-port"])
    }

    @Test(arguments: [
        ("Table: Port Numbers\n| Service | Port |\n|---|---|\n| ssh | 22 |\nCard port: Port of {Service}? => {Port}\n", 5),
        ("Table: ports\n| Service | Port |\n|---|---|\n| ssh | 22 |\nCard port: Port of {Service}? => {Port}\nCard By Port: What uses {Port}? => {Service}\n", 10),
        ("Q: Which port does ssh use? {#SSH_port}\nA: 22\n", 5),
    ])
    func badTableTemplateAndCardNamesAreInvalidNames(body: String, line: Int) {
        let found = errors(deckHeader + body)
        #expect(found.map(\.kind) == [.invalidName])
        #expect(found.first?.line == line)
    }

    @Test func anEmptyCellUnderAOneColumnAnswerIsAnEmptyAnswerOnItsRow() {
        let found = errors(deckHeader + """
            Table: ports
            | Service | Port |
            |---|---|
            | ssh | 22 |
            | dns |  |
            Card port: Port of {Service}? => {Port}
            """)
        #expect(found.map(\.kind) == [.emptyAnswer])
        #expect(found.first?.line == 9)
    }

    @Test func aBadDeckNameIsReportedOnTheDeckLine() {
        let found = errors("---\nmodule: Networking\ndeck: My Deck\n---\n")
        #expect(found.map(\.kind) == [.invalidName])
        do {
            #expect(found.first?.line == 3)
        }
    }

    @Test func aTableWithABrokenSeparatorDoesNotAlsoBlameItsTemplates() {
        let found = errors(deckHeader + """
            Table: ports
            | Service | Port |
            | ssh | 22 |
            | dns | 53 |
            Card port: Port of {Service}? => {Port}
            """)
        #expect(found.first?.kind == .missingSeparatorRow)
        do {
            #expect(found.map(\.kind) == [.missingSeparatorRow])
        }
    }

    @Test func aDeckMissingItsClosingFrontMatterLineSaysSoFirst() {
        let body = (1...30).map { "Q: Question \($0)? {#q\($0)}\nA: answer \($0)" }.joined(separator: "\n")
        let found = errors("---\ndeck: net\nmodule: Networking\n\n" + body)
        #expect(found.contains { $0.kind == .unterminatedFrontMatter })
        do {
            #expect(found.first?.kind == .unterminatedFrontMatter)
            #expect(found.count == 1)
        }
    }

    @Test func aFileWithSeveralMistakesReportsThemAllAndYieldsNoCards() {
        let text = deckHeader + """
            Table: ports
            | Service | Port |
            |---|---|
            | ssh | 22 |
            | dns | 53 | UDP |
            Card port: Port of {Service}? => {Port}
            Card service: What uses {Number}? => {Service}

            Q: What does TCP guarantee?
            A: order and delivery

            Q: What does UDP trade guarantees for? {#udp}
            A: speed
            """
        let found = errors(text)
        #expect(found.map(\.kind) == [.cellCountMismatch, .unknownColumn, .questionWithoutId])
        #expect(found.map(\.line) == [9, 11, 13])
    }

    @Test func errorsReadAsFileLineMessage() {
        let found = errors(deckHeader + "\nA: 22\n", file: "Decks/2-protocols.md")
        #expect(found.first?.description.hasPrefix("Decks/2-protocols.md:6: ") == true)
    }

    @Test func aLongListOfErrorsIsCutShortWithACount() {
        let text = deckHeader + (1...25).map { "A: \($0)" }.joined(separator: "\n")
        do {
            _ = try DeckParser.parse(text, file: "Decks/x.md")
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.count == 25)
            let lines = error.description.split(separator: "\n")
            #expect(lines.count == DeckParseErrors.reportLimit + 1)
            #expect(lines.last?.contains("25") == true)
        }
    }
}
