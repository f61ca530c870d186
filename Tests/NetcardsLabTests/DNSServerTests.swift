import Foundation
import Testing
@testable import NetcardsLab

/// The labs' DNS server asked by the real `dig` (dnsutils), over UDP and TCP.
@Suite("DNS server against dig", .serialized)
struct DNSServerTests {
    let zone = DNSZone(records: [DNSRecord(name: "www.lab.test", ttl: 120, data: .cname("web-k2.lab.test")),
                                 DNSRecord(name: "web-k2.lab.test", ttl: 3600, data: .a(IPv4(10, 20, 30, 40)))])

    func dig(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["dig", "+time=2", "+tries=1"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = PipeReading.readToEnd(output.fileHandleForReading)
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The ANSWER SECTION's records as (name, ttl, type, data).
    func answers(_ output: String) -> [[String]] {
        guard let start = output.range(of: ";; ANSWER SECTION:\n") else { return [] }
        return output[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.isEmpty }
            .map { line in line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) }
            .map { [$0[0], $0[1], $0[3], $0[4]] }
    }

    @Test("UDP and TCP: the CNAME and the A record, with their TTLs, authoritative", arguments: ["+notcp", "+tcp"])
    func chain(transport: String) throws {
        let services = LoopbackServices()
        defer { services.stop() }
        let port = try DNSServer.start(zone, on: services)
        let output = try dig(["@127.0.0.1", "-p", String(port), transport, "www.lab.test"])
        #expect(output.contains("status: NOERROR"), "\(output)")
        #expect(output.contains("flags: qr aa rd"), "\(output)")
        #expect(answers(output) == [["www.lab.test.", "120", "CNAME", "web-k2.lab.test."],
                                    ["web-k2.lab.test.", "3600", "A", "10.20.30.40"]], "\(output)")
    }

    @Test("a name the zone lacks is NXDOMAIN")
    func nameError() throws {
        let services = LoopbackServices()
        defer { services.stop() }
        let port = try DNSServer.start(zone, on: services)
        let output = try dig(["@127.0.0.1", "-p", String(port), "nothing.lab.test"])
        #expect(output.contains("status: NXDOMAIN"), "\(output)")
        #expect(answers(output).isEmpty)
    }

    @Test("AAAA for a name with only an A record: NOERROR and no answer")
    func noData() throws {
        let services = LoopbackServices()
        defer { services.stop() }
        let port = try DNSServer.start(zone, on: services)
        let output = try dig(["@127.0.0.1", "-p", String(port), "web-k2.lab.test", "AAAA"])
        #expect(output.contains("status: NOERROR"), "\(output)")
        #expect(output.contains("ANSWER: 0"), "\(output)")
    }
}
