import Foundation
import NetcardsCore
import NetcardsImport
import NetcardsStore
import Testing

/// Each fixture format gives the decks, cards and tags that Tests/Fixtures/import/README.md describes.
@Suite struct FormatTests {
    @Test(arguments: ["legacy.apkg", "legacy-history.apkg", "modern.apkg"])
    func ankiPackage(_ name: String) throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let report = try harness.importFixtures(name)
        #expect(report.decks.map(\.deck) == ["networking-ports", "networking-cloze"])
        #expect(report.decks.map(\.added.count) == [3, 2])
        let ports = try harness.cards("networking-ports")
        #expect(ports.map(\.id) == ["networking-ports/guid-ssh", "networking-ports/guid-dns", "networking-ports/guid-https"])
        #expect(ports.map(\.front) == ["ssh port", "What does DNS map?", "https port"])
        #expect(ports.map(\.back) == ["22", "names to\nIP addresses", "443"])
        #expect(ports.map(\.tags) == [["ports"], ["dns"], ["ports"]])
        #expect(ports.map(\.mode) == [.typed, .reveal, .typed])
        #expect(Set(ports.map(\.module)) == ["Networking"])
        #expect(Set(ports.map(\.noteKey)).count == 3)
        let cloze = try harness.cards("networking-cloze")
        #expect(cloze.map(\.id) == ["networking-cloze/guid-cloze-c1", "networking-cloze/guid-cloze-c2"])
        #expect(cloze.map(\.front) == ["[...] is reliable, UDP is not", "TCP is reliable, [...] is not"])
        #expect(cloze.allSatisfy { $0.back == "TCP is reliable, UDP is not" && $0.tags.isEmpty && $0.mode == .reveal })
        #expect(cloze[0].noteKey == cloze[1].noteKey)
        // Without --with-history every card is new.
        #expect(try harness.store.cards().allSatisfy { $0.memory == .new })
        #expect(try harness.store.reviewLog().isEmpty)
        let decks = try harness.store.deckSummaries(today: ImportHarness.today)
        #expect(decks.first { $0.deck == "networking-ports" }?.title == "Networking::Ports")
        #expect(decks.allSatisfy { $0.source == "imported" })
    }

    @Test func ankiTextWithDeckAndTags() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        try harness.importFixtures("notes.txt")
        let ports = try harness.cards("networking-ports")
        #expect(ports.map(\.front) == ["ssh port", "What does DNS map?", "https port", "What do TCP & UDP share?"])
        #expect(ports.map(\.back) == ["22", "names to\nIP addresses", "443", "port numbers"])
        #expect(ports.map(\.tags) == [["ports"], ["dns"], ["ports"], ["transport"]])
        #expect(ports.allSatisfy { $0.module == "Networking" && $0.id.hasPrefix("networking-ports/") })
        let cloze = try harness.cards("networking-cloze")
        #expect(cloze.map(\.front) == ["[...] is reliable, UDP is not", "TCP is reliable, [...] is not"])
        #expect(cloze.map { $0.id.hasSuffix("-c1") || $0.id.hasSuffix("-c2") } == [true, true])
    }

    @Test func ankiTextWithGuidsMatchesThePackage() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        try harness.importFixtures("notes-full.txt")
        #expect(try harness.cards("networking-ports").map(\.id)
                == ["networking-ports/guid-ssh", "networking-ports/guid-dns", "networking-ports/guid-https", "networking-ports/guid-amp"])
        #expect(try harness.cards("networking-cloze").map(\.id) == ["networking-cloze/guid-cloze-c1", "networking-cloze/guid-cloze-c2"])
        // The package holds the same notes but guid-amp: importing it over the text export retires only that one.
        let report = try harness.importFixtures("legacy.apkg")
        #expect(report.decks.flatMap(\.added).isEmpty)
        #expect(report.decks.flatMap(\.changed).isEmpty)
        #expect(report.decks.flatMap(\.retired) == ["networking-ports/guid-amp"])
    }

    @Test func csvWithQuotingAndDeckColumn() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        try harness.importFixtures("cards.csv")
        let networking = try harness.cards("networking")
        #expect(networking.map(\.front) == ["ssh port", "tcp, udp and quic", "What does \"TTL\" stand for?", "Name the TCP handshake steps"])
        #expect(networking.map(\.back) == ["22", "transport protocols, layer 4", "time to live", "SYN\nSYN-ACK\nACK"])
        #expect(networking.map(\.tags) == [["ports"], ["transport"], ["dns", "ip"], ["tcp"]])
        #expect(networking[3].mode == .reveal)
        // The row with an empty deck goes to the deck named after the file; the module is the file's name.
        let rest = try harness.cards("cards")
        #expect(rest.map(\.front) == ["https port"])
        #expect(rest[0].tags.isEmpty)
        #expect(Set((networking + rest).map(\.module)) == ["cards"])
    }

    @Test func tsvWithDeckAndModuleOptions() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        try harness.importFixtures("cards.tsv", options: harness.options(deck: "my-ports", module: "My module"))
        let cards = try harness.cards("my-ports")
        // CSV and TSV are plain text: the `<b>` is part of the front, as written.
        #expect(cards.map(\.front) == ["ssh port", "dns port", "What does <b>ARP</b> resolve?"])
        #expect(cards.map(\.back) == ["22", "53", "IP to MAC"])
        #expect(cards.map(\.tags) == [["ports"], ["dns", "ports"], ["arp"]])
        #expect(cards.allSatisfy { $0.module == "My module" && $0.id.hasPrefix("my-ports/") })
    }

    /// Networking notes are full of placeholders: in a CSV they are text, never tags to strip.
    @Test func csvFieldsArePlainText() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let path = try harness.write("placeholders.csv", """
            front,back
            Which name reaches a Service in another namespace?,<svc>.<namespace>.svc.cluster.local
            Ask a virtual host by name,"curl -H ""Host: <name>"" http://<ip>/"
            AT&amp;T's ASN?,AS7018 <br> (7018)

            """)
        try harness.importFiles([path])
        let cards = try harness.cards("placeholders")
        #expect(cards.map(\.back) == ["<svc>.<namespace>.svc.cluster.local", "curl -H \"Host: <name>\" http://<ip>/",
                                      "AS7018 <br> (7018)"])
        #expect(cards.map(\.front)[2] == "AT&amp;T's ASN?")
    }

    @Test func ankiPackageIntoOneDeckAndModule() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        try harness.importFixtures("modern.apkg", options: harness.options(deck: "anki", module: "From Anki"))
        let cards = try harness.cards("anki")
        #expect(cards.map(\.id) == ["anki/guid-ssh", "anki/guid-dns", "anki/guid-https", "anki/guid-cloze-c1", "anki/guid-cloze-c2"])
        #expect(cards.allSatisfy { $0.module == "From Anki" })
    }

    @Test func markdownDeck() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let path = try harness.write("mine.md", """
            ---
            deck: mine
            module: My notes
            ---

            Table: ports
            | Service | Port |
            |---|---|
            | ssh | 22 |

            Card port: Which port does {Service} use? => {Port}

            Q: What is a VPC? {#vpc}
            Reveal: A private network
              inside AWS.
            Tags: aws
            """)
        try harness.importFiles([path])
        let cards = try harness.cards("mine")
        #expect(cards.map(\.id) == ["mine/ports/ssh/port", "mine/vpc"])
        #expect(cards[1].back == "A private network\ninside AWS.")
        // --deck renames the deck and its ids.
        try harness.importFiles([path], harness.options(deck: "renamed"))
        #expect(try harness.cards("renamed").map(\.id) == ["renamed/ports/ssh/port", "renamed/vpc"])
    }

    @Test func severalFilesAtOnce() throws {
        let harness = try ImportHarness()
        defer { harness.remove() }
        let report = try harness.importFixtures("cards.tsv", "legacy.apkg")
        #expect(report.decks.map(\.deck) == ["cards", "networking-ports", "networking-cloze"])
        #expect(try harness.store.cards().count == 8)
    }
}
