import Foundation
import Testing
import NetcardsCore

/// The bundled decks (Decks/*.md) against the field manual they are written from.
@Suite("Bundled decks cover the field manual")
struct BundledDeckCoverageTests {
    let manual: FieldManual
    let decks: [DeckDefinition]
    var cards: [CardDefinition] { decks.flatMap(\.cards) }

    init() throws {
        manual = try FieldManual.load()
        decks = try Repository.deckFiles().map { file in
            try DeckParser.parse(data: file.bytes, file: "Decks/\(file.name)")
        }
    }

    /// All a learner sees of a card: question, shown answer and every accepted answer.
    func everything(_ card: CardDefinition) -> String {
        ([card.front, card.back] + card.answers).joined(separator: "\n")
    }

    /// The manual table whose header starts with `firstColumn`.
    func table(_ header: String) throws -> FieldManual.Table {
        try #require(manual.tables.first { $0.header.first == header || $0.header.contains(header) },
                     "the manual has no table with a \(header) column")
    }

    /// Manual cells the decks teach in corrected words, each against its primary source (also cited in the deck).
    static let corrections: [String: (deck: String, source: String)] = [
        "arp, ip link": ("ip neigh, ip link (arp on older systems)", "ip-neighbour(8); arp(8) is legacy net-tools"),
        "CIDR overlap kills VPC peering and TGW attachments. Plan early.":
            ("Overlapping CIDRs: VPC peering can't be created, and a transit gateway doesn't propagate the overlapping route. Plan early.",
             "AWS VPC peering basics; EC2 API CreateTransitGatewayVpcAttachment"),
        "Per-subnet rule: “for destination X, send to gateway Y.”":
            ("Rules for every subnet associated with it (one table can serve many subnets): “for destination X, send to gateway Y.”",
             "AWS VPC User Guide, route tables"),
        "Stateful firewall at the ENI level. Default deny inbound, default allow outbound.":
            ("Stateful firewall at the ENI level. A new group allows no inbound and all outbound; the VPC’s default group also allows inbound from its own members.",
             "AWS VPC User Guide, default security group"),
        "Stateless — you must allow ephemeral return ports (1024-65535) on outbound responses.":
            ("Stateless — a custom NACL must allow the ephemeral return ports (1024-65535) in both directions; the default NACL allows all traffic.",
             "AWS VPC User Guide, network ACLs"),
        "NAT GW is per-AZ — one per AZ if you want HA and no cross-AZ data charges.":
            ("A zonal NAT GW (the default) lives in one AZ — one per AZ if you want HA and no cross-AZ data charges, or one regional NAT GW.",
             "AWS VPC User Guide, regional NAT gateways"),
        "Istio, Linkerd, App Mesh": ("Istio, Linkerd, Cilium", "AWS App Mesh end of support, 30 September 2026"),
        "K8s pattern that programs an L7 LB from Ingress / Gateway resources":
            ("K8s pattern that programs an HTTP-routing load balancer from Ingress / Gateway resources",
             "reworded only, so the layer card doesn't print its answer (L7)"),
    ]

    func expectEveryCellIsOnACard(_ table: FieldManual.Table, sourceLocation: SourceLocation = #_sourceLocation) {
        for row in table.rows {
            for cell in row where !cell.isEmpty {
                let taught = Self.corrections[cell]?.deck ?? cell
                #expect(cards.contains { mentions(everything($0), taught) },
                        "no bundled card mentions “\(taught)” (row \(row[0]))", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func everyDeckFileParsesWithoutErrors() throws {
        let files = try Repository.deckFiles()
        #expect(files.count == 5)
        for file in files {
            #expect(throws: Never.self, "Decks/\(file.name)") {
                try DeckParser.parse(data: file.bytes, file: "Decks/\(file.name)")
            }
        }
    }

    @Test func theDecksHoldBetween250And400Cards() {
        #expect((250...400).contains(cards.count), "\(cards.count) cards")
    }

    @Test func cardIdsAreUniqueAcrossDecks() {
        let ids = cards.map(\.id)
        let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys
        #expect(repeated.isEmpty, "ids used twice: \(repeated.sorted())")
        #expect(Set(decks.map(\.name)).count == decks.count, "deck names are unique")
    }

    @Test func everyCardHasAQuestionAndAnAnswer() {
        #expect(cards.allSatisfy { !$0.front.isEmpty && !$0.back.isEmpty && !($0.answers.first ?? "").isEmpty })
    }

    @Test func noCardShowsAnUnfilledPlaceholder() {
        let unfilled = cards.filter { card in
            [card.front, card.back].contains { $0.range(of: #"\{[A-Z][A-Za-z ]*\}"#, options: .regularExpression) != nil }
        }
        #expect(unfilled.map(\.id) == [])
    }

    @Test func allFourLayersRowsAreCards() throws {
        let layers = try table("Layer")
        #expect(layers.rows.count == 4)
        expectEveryCellIsOnACard(layers)
    }

    @Test func allFiveTcpVsUdpRowsAreCards() throws {
        let tcpUdp = try table("UDP")
        #expect(tcpUdp.rows.count == 5)
        expectEveryCellIsOnACard(tcpUdp)
    }

    @Test func allSixComponentsAreCards() throws {
        let components = try table("Component")
        #expect(components.rows.count == 6)
        expectEveryCellIsOnACard(components)
    }

    @Test func allSevenVpcConceptsAreCards() throws {
        let vpc = try table("Concept")
        #expect(vpc.rows.count == 7)
        expectEveryCellIsOnACard(vpc)
    }

    @Test func theManualListsNinePorts() {
        #expect(manual.ports.map(\.service) == ["ssh", "dns", "http", "https", "mysql", "postgres", "redis", "kube-apiserver", "etcd"])
        #expect(manual.ports.last?.number == "2379-2380")
    }

    @Test func everyPortHasAServiceToPortCardWithTheRightAnswer() {
        for port in manual.ports {
            let asked = cards.filter { mentions($0.front, port.service) && !mentions($0.front, port.number) }
            #expect(asked.contains { AnswerChecker.check(port.number, against: $0.answers).verdict == .correct },
                    "no card asks for the port of \(port.service) and accepts \(port.number)")
        }
    }

    @Test func everyPortHasAPortToServiceCardWithTheRightAnswer() {
        for port in manual.ports {
            let asked = cards.filter { mentions($0.front, port.number) && !mentions($0.front, port.service) }
            #expect(asked.contains { AnswerChecker.check(port.service, against: $0.answers).verdict == .correct },
                    "no card asks what listens on \(port.number) and accepts \(port.service)")
        }
    }

    @Test func portCardsAreTyped() {
        let portCards = cards.filter { $0.table == "ports" }
        #expect(portCards.count == 2 * manual.ports.count)
        #expect(portCards.allSatisfy { $0.mode == .typed })
    }
}
