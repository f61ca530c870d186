import Testing
import NetcardsCore

@Suite("Review queue")
struct ReviewQueueTests {
    let today = StudyDay(year: 2026, month: 5, day: 20)

    func due(_ id: String, note: String? = nil, group: String = "", answer: String? = nil, question: String = "",
             daysOverdue: Int, lastReviewedDaysAgo: Int = 10) -> ReviewQueue.Candidate {
        ReviewQueue.Candidate(id: id, noteKey: note ?? id, due: today.adding(days: -daysOverdue),
                              lastReviewDay: today.adding(days: -lastReviewedDaysAgo), group: group,
                              question: question, answer: answer ?? "answer of \(id)")
    }

    /// A card answered earlier today that must come back today (a lapse or a grade-3 pass).
    func repeatToday(_ id: String, note: String? = nil, group: String = "") -> ReviewQueue.Candidate {
        ReviewQueue.Candidate(id: id, noteKey: note ?? id, due: today, lastReviewDay: today, group: group,
                              answer: "answer of \(id)")
    }

    func new(_ id: String, note: String? = nil, group: String = "", question: String = "", answer: String? = nil) -> ReviewQueue.Candidate {
        ReviewQueue.Candidate(id: id, noteKey: note ?? id, group: group, question: question, answer: answer ?? "answer of \(id)")
    }

    func build(due: [ReviewQueue.Candidate] = [], new: [ReviewQueue.Candidate] = [], newRoom: Int = 20,
               studiedToday: [ReviewQueue.Candidate] = []) -> [String] {
        ReviewQueue.build(.init(due: due, new: new, newRoom: newRoom, studiedToday: studiedToday), today: today)
    }

    /// Neighbouring pairs of one group.
    func sameGroupNeighbours(_ order: [String], groupOf: (String) -> String) -> Int {
        zip(order, order.dropFirst()).filter { groupOf($0) == groupOf($1) }.count
    }

    // MARK: - Which cards

    @Test func dueCardsTodaysRepeatsAndNewCardsAreAllQueuedOnce() {
        let order = build(due: [due("overdue", daysOverdue: 3), repeatToday("again"), due("today", daysOverdue: 0)],
                          new: [new("fresh")])
        #expect(order.count == 4)
        #expect(Set(order) == ["overdue", "today", "again", "fresh"])
    }

    @Test func withinAGroupTheMostOverdueCardComesFirst() {
        let order = build(due: [due("five-days", group: "g", daysOverdue: 5), due("two-days", group: "g", daysOverdue: 2),
                                due("today", group: "g", daysOverdue: 0)])
        #expect(order == ["five-days", "two-days", "today"])
    }

    @Test func newCardsAreLimitedByTheRoomLeftTodayInDeckOrder() {
        let order = build(new: ["a", "b", "c", "d", "e"].map { new($0, group: $0) }, newRoom: 3)
        #expect(Set(order) == ["a", "b", "c"])
    }

    @Test func noRoomMeansNoNewCards() {
        let order = build(due: [due("review", daysOverdue: 1)], new: [new("a"), new("b")], newRoom: 0)
        #expect(order == ["review"])
    }

    @Test func dueCardsAreNotLimitedByTheNewRoom() {
        let dueCards = (0..<30).map { due("due-\($0)", daysOverdue: 1) }
        #expect(build(due: dueCards, newRoom: 0).count == 30)
    }

    // MARK: - Siblings: one per day

    @Test func aNewSiblingOfANoteStudiedTodayWaits() {
        let order = build(new: [new("row1/port", note: "row1"), new("row2/port", note: "row2"), new("row3/port", note: "row3")],
                          newRoom: 2, studiedToday: [new("row1/service", note: "row1")])
        #expect(Set(order) == ["row2/port", "row3/port"])
    }

    @Test func twoCardsOfOneRowAreNeverShownTheSameDay() {
        let order = build(new: [new("ssh/port", note: "ssh"), new("ssh/service", note: "ssh"), new("dns/port", note: "dns")],
                          newRoom: 3)
        #expect(Set(order) == ["ssh/port", "dns/port"])
        #expect(build(new: [new("ssh/port", note: "ssh"), new("ssh/service", note: "ssh")], newRoom: 2) == ["ssh/port"])
    }

    @Test func aNewSiblingOfADueCardWaits() {
        let order = build(due: [due("ssh/port", note: "ssh", daysOverdue: 1)],
                          new: [new("ssh/service", note: "ssh"), new("dns/port", note: "dns")], newRoom: 1)
        #expect(Set(order) == ["ssh/port", "dns/port"])
    }

    @Test func dueSiblingsWaitForAnotherDayTheMostOverdueFirst() {
        let order = build(due: [due("ssh/port", note: "ssh", daysOverdue: 2), due("ssh/service", note: "ssh", daysOverdue: 1),
                                due("dns/port", note: "dns", daysOverdue: 1)])
        #expect(Set(order) == ["ssh/port", "dns/port"])
    }

    @Test func cardsWithTheSameAnswerAreSiblings() {
        let order = build(new: [new("tool-a", answer: "tcpdump"), new("tool-b", answer: "TCPDump."), new("other", answer: "dig")])
        #expect(Set(order) == ["tool-a", "other"])
    }

    @Test func theEtcdPortsGiveEachOtherAway() {
        // The bundled etcd cards: the table row (both directions), the client port and the peer port.
        let order = build(new: [
            new("etcd/port", note: "etcd", question: "Which port does etcd listen on by default?", answer: "2379-2380"),
            new("etcd/service", note: "etcd", question: "What listens on 2379-2380 by default?", answer: "etcd"),
            new("etcd-client", question: "Which port do etcd clients connect to?", answer: "2379"),
            new("etcd-peer", question: "Which port do etcd members use to talk to each other?", answer: "2380"),
            new("redis/port", question: "Which port does redis listen on by default?", answer: "6379"),
        ])
        #expect(order.count == 2)
        #expect(Set(order) == ["etcd/port", "redis/port"])
        // Without the range card, the client and peer ports don't overlap: both may come.
        let apart = build(new: [new("etcd-client", answer: "2379"), new("etcd-peer", answer: "2380")])
        #expect(Set(apart) == ["etcd-client", "etcd-peer"])
        // A question naming a port gives away the card whose answer it is.
        let asked = build(new: [new("service", question: "What listens on 5432 by default?", answer: "postgres"),
                                new("port", question: "Which port does postgres listen on?", answer: "5432")])
        #expect(asked == ["service"])
    }

    @Test func smallNumbersWordsAndWideRangesGiveNothingAway() {
        let order = build(new: [
            new("handshake", question: "The TCP 3-way handshake: which segments?", answer: "SYN, SYN-ACK, ACK"),
            new("layer", question: "Which layer is TCP?", answer: "layer 4"),
            new("ttl", question: "What happens to the TTL?", answer: "decremented by 1"),
            new("ephemeral", question: "Which ports must a NACL allow back?", answer: "1024-65535"),
            new("postgres", question: "Which port does postgres use?", answer: "5432"),
            new("cidr", question: "The VPC's range?", answer: "10.0.0.0/16"),
            new("subnet", question: "A subnet of it?", answer: "10.0.1.0/24"),
            new("l4", question: "Where does an NLB work?", answer: "L4"),
        ], newRoom: 20)
        #expect(order.count == 8)
    }

    @Test func todaysRepeatsAlwaysComeBack() {
        let order = build(due: [repeatToday("ssh/port", note: "ssh")], new: [new("ssh/service", note: "ssh")],
                          studiedToday: [repeatToday("ssh/port", note: "ssh")])
        #expect(order == ["ssh/port"])
    }

    // MARK: - Order

    @Test func newCardsAreSpreadAmongTheDueOnes() {
        let dueCards = (0..<12).map { due("due-\($0)", group: "g\($0 % 4)", daysOverdue: 12 - $0) }
        let newCards = (0..<4).map { new("new-\($0)", group: "n\($0)") }
        let order = build(due: dueCards, new: newCards)
        let newPlaces = order.indices.filter { order[$0].hasPrefix("new-") }
        #expect(newPlaces.count == 4)
        #expect(newPlaces.first! < 4, "a new card in the first quarter: \(order)")
        #expect(newPlaces.last! < 15, "new cards are not all at the end: \(order)")
    }

    @Test func cardsOfOneTableAreNotNeighboursWhenOthersCanGoBetween() {
        // Deck order: 8 port cards, then 8 tool cards (the run the issue saw).
        let ports = (0..<8).map { new("port-\($0)", group: "ports") }
        let tools = (0..<8).map { new("tool-\($0)", group: "tools") }
        let order = build(new: ports + tools)
        #expect(order.count == 16)
        #expect(sameGroupNeighbours(order) { String($0.prefix(4)) } == 0, "\(order)")
    }

    @Test func aGroupTooBigToSeparateHasOnlyTheUnavoidableNeighbours() {
        // 10 cards of one table and 2 others: at best 3 of the 10 are split off, 7 pairs stay together.
        let order = build(new: (0..<10).map { new("big-\($0)", group: "big") } + [new("x", group: "x"), new("y", group: "y")])
        #expect(sameGroupNeighbours(order) { $0.hasPrefix("big") ? "big" : $0 } == 7, "\(order)")
    }

    @Test func everyCardAppearsAtMostOnce() {
        let order = build(due: [due("d1", note: "n", daysOverdue: 1), repeatToday("r1", note: "n")],
                          new: [new("n1", note: "n"), new("n2", note: "m")], newRoom: 5, studiedToday: [repeatToday("r1", note: "n")])
        #expect(Set(order).count == order.count)
        #expect(Set(order) == ["r1", "n2"])
    }

    @Test func theSameInputsAlwaysGiveTheSameOrder() {
        var generator = SeededGenerator(seed: 42)
        let notes = ["ssh", "dns", "http", "redis", "etcd", "mysql", "https", "kube"]
        let groups = ["a", "b", "c"]
        let dueCards = (0..<12).map { index in
            due("due-\(index)", note: notes.randomElement(using: &generator)!, group: groups.randomElement(using: &generator)!,
                daysOverdue: 12 - index)
        }
        let newCards = (0..<15).map { index in
            new("new-\(index)", note: "n\(index)", group: groups.randomElement(using: &generator)!)
        }
        let first = build(due: dueCards, new: newCards, newRoom: 6)
        for _ in 0..<20 {
            #expect(build(due: dueCards, new: newCards, newRoom: 6) == first)
        }
    }
}
