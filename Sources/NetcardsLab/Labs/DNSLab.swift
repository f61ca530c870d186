enum DNSLab {
    static let lab = Lab(name: "dns", summary: "follow a CNAME to its A record, and read a record's TTL",
                         tools: [.dig]) { _ throws(LabError) in
        let target = "\(LabRandom.word(["web", "edge", "origin", "app", "front"]))-\(LabRandom.suffix()).lab.test"
        let address = LabRandom.privateAddress()
        let ttls = LabRandom.ttls(4)
        let zone = DNSZone(records: [
            DNSRecord(name: "www.lab.test", ttl: ttls[0], data: .cname(target)),
            DNSRecord(name: target, ttl: ttls[1], data: .a(address)),
            DNSRecord(name: "api.lab.test", ttl: ttls[2], data: .a(LabRandom.privateAddress())),
            DNSRecord(name: "mail.lab.test", ttl: ttls[3], data: .a(LabRandom.privateAddress())),
        ])
        return try LoopbackServices.start { services throws(LabError) in
            let port = try DNSServer.start(zone, on: services)
            let ask = "dig @127.0.0.1 -p \(port) www.lab.test"
            return RunningLab(
                briefing: ["A DNS server for the zone lab.test answers at \(LoopbackServices.loopback):\(port) (UDP and TCP)."],
                questions: [
                    LabQuestion(
                        text: "What IPv4 address does www.lab.test finally resolve to?",
                        accepted: [address.description],
                        hints: ["dig asks a server of your choice: @ADDRESS for the server, -p PORT for its port.",
                                "`\(ask)` — the ANSWER SECTION lists a CNAME, then the A record of its target.",
                                "`\(ask) +short` prints only the chain, the address last."],
                        howToSee: "`\(ask)`: www.lab.test is a CNAME for \(target), whose A record is \(address)."),
                    LabQuestion(
                        text: "What TTL, in seconds, does www.lab.test's CNAME record carry?",
                        accepted: [String(ttls[0]), "\(ttls[0]) seconds", "\(ttls[0])s"],
                        hints: ["In dig's ANSWER SECTION the number after each name is the record's TTL in seconds.",
                                "Read the line of www.lab.test ... IN CNAME, not the A record's line."],
                        howToSee: "`\(ask)`: the line `www.lab.test. \(ttls[0]) IN CNAME \(target).` carries TTL \(ttls[0])."),
                ],
                services: services)
        }
    }
}
