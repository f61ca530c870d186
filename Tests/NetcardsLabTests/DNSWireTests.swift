import Testing
@testable import NetcardsLab

/// The wire format against bytes laid out by hand from RFC 1035 §4.1.
@Suite("DNS wire format")
struct DNSWireTests {
    /// A query as dig sends it: id 0xbeef, RD set, one question www.lab.test A IN, plus one additional
    /// record (EDNS OPT, 11 bytes) that the server ignores.
    let query: [UInt8] = [0xbe, 0xef, 0x01, 0x20, 0, 1, 0, 0, 0, 0, 0, 1,
                          3, 0x77, 0x77, 0x77, 3, 0x6c, 0x61, 0x62, 4, 0x74, 0x65, 0x73, 0x74, 0,
                          0, 1, 0, 1,
                          0, 0, 41, 0x04, 0xd0, 0, 0, 0, 0, 0, 0]

    @Test("a query's id, flags and question are read; EDNS after it is ignored")
    func readsQuery() throws {
        let parsed = try DNSWire.parseQuery(query)
        #expect(parsed == DNSQuery(id: 0xbeef, flags: 0x0120, name: "www.lab.test", type: 1, qclass: 1))
    }

    @Test("an A answer: QR, AA and RD set, the question echoed, TTL and address in network order")
    func writesAnswer() throws {
        let parsed = try DNSWire.parseQuery(query)
        let bytes = DNSWire.response(to: parsed, code: .noError,
                                     answers: [DNSRecord(name: "www.lab.test", ttl: 300, data: .a(IPv4(10, 1, 2, 3)))])
        let name: [UInt8] = [3, 0x77, 0x77, 0x77, 3, 0x6c, 0x61, 0x62, 4, 0x74, 0x65, 0x73, 0x74, 0]
        let expected: [UInt8] = [0xbe, 0xef, 0x85, 0x00, 0, 1, 0, 1, 0, 0, 0, 0] + name + [0, 1, 0, 1]
            + name + [0, 1, 0, 1, 0, 0, 0x01, 0x2c, 0, 4, 10, 1, 2, 3]
        #expect(bytes == expected)
    }

    @Test("NXDOMAIN is rcode 3 with no answers")
    func writesNameError() throws {
        let parsed = try DNSWire.parseQuery(query)
        let bytes = DNSWire.response(to: parsed, code: .nameError, answers: [])
        #expect(Array(bytes[2...7]) == [0x85, 0x03, 0, 1, 0, 0])
    }

    @Test("a CNAME's data is its target as labels")
    func writesCNAME() throws {
        let parsed = try DNSWire.parseQuery(query)
        let bytes = DNSWire.response(to: parsed, code: .noError,
                                     answers: [DNSRecord(name: "www.lab.test", ttl: 60, data: .cname("a.lab.test"))])
        let rdata: [UInt8] = [1, 0x61, 3, 0x6c, 0x61, 0x62, 4, 0x74, 0x65, 0x73, 0x74, 0]
        #expect(Array(bytes.suffix(rdata.count + 10)) == [0, 5, 0, 1, 0, 0, 0, 60, 0, UInt8(rdata.count)] + rdata)
    }

    @Test("truncated input, a response and two questions are refused")
    func refusesBadInput() {
        #expect(throws: DNSWireError.truncated) { try DNSWire.parseQuery(Array(query.prefix(20))) }
        var response = query
        response[2] |= 0x80
        #expect(throws: DNSWireError.notAQuery) { try DNSWire.parseQuery(response) }
        var twoQuestions = query
        twoQuestions[5] = 2
        #expect(throws: DNSWireError.questionCount(2)) { try DNSWire.parseQuery(twoQuestions) }
    }

    @Test("the zone follows a CNAME to its A record; unknown names are NXDOMAIN; other types are empty")
    func zoneAnswers() {
        let zone = DNSZone(records: [DNSRecord(name: "www.lab.test", ttl: 60, data: .cname("web.lab.test")),
                                     DNSRecord(name: "web.lab.test", ttl: 300, data: .a(IPv4(10, 0, 0, 7)))])
        let chain = zone.answer(DNSQuery(id: 1, name: "WWW.lab.test", type: DNSQuery.typeA))
        #expect(chain.code == .noError)
        #expect(chain.answers.map(\.name) == ["www.lab.test", "web.lab.test"])
        #expect(zone.answer(DNSQuery(id: 1, name: "nope.lab.test", type: DNSQuery.typeA)).code == .nameError)
        let aaaa = zone.answer(DNSQuery(id: 1, name: "web.lab.test", type: 28))
        #expect(aaaa.code == .noError && aaaa.answers.isEmpty)
    }
}
