import Foundation
import NetcardsTestSupport
import Testing

/// Every lab solved through a pipe with the real tools, as a learner in a second terminal would, then the
/// log, the schedule (SM-2 worked by hand: a first 5 gives ease 2.6 and interval 1, a 4 ease 2.5 and interval 1,
/// a 3 ease 2.36 and a repeat today, a 1 a lapse due today) and `stats --json` checked.
@Suite("Labs solved with the real tools", .serialized)
struct LabSolvingTests {
    let tomorrow = "2026-11-29"
    let today = "2026-11-28"

    private func labCard(_ sandbox: Sandbox, _ name: String) throws -> StoredCard {
        try #require(try sandbox.cards(["--deck", "labs"])[id: "labs/\(name)"])
    }

    @Test("listening: ss -tlnp shows the loopback-only port; a wildcard one is ✗ and retried; grade 4")
    func listening() throws {
        let sandbox = try Sandbox()
        let session = try sandbox.startLab("listening")
        let sockets = try LabTools.listening(pid: session.pid)
        #expect(sockets.count == 3, "\(sockets)")
        let local = try #require(sockets.first { $0.address == "127.0.0.1" })
        let wildcard = try #require(sockets.first { $0.address == "0.0.0.0" })
        #expect(sockets.contains { $0.address == "[::]" || $0.address == "*" }, "\(sockets)")
        #expect(!session.stdout.contains(String(local.port)), "the ports are not printed")

        try session.send("\(wildcard.port)\n")
        try session.expect("✗")
        try session.expect("answer> ")
        try session.send("\(local.port)\n")
        try session.expect("✓ correct")
        #expect(try session.waitForExit().status == 0, "\(session.stdout)")
        #expect(session.stdout.contains("Solved, after retries: grade 4"), "\(session.stdout)")
        #expect(try LabTools.allListeningPorts().isDisjoint(with: sockets.map(\.port)), "no listener is left")

        let card = try labCard(sandbox, "listening")
        #expect(card.reps == 1 && card.interval == 1 && card.due == tomorrow && abs(card.ease - 2.5) < 1e-9)
        let log = try sandbox.logLines()
        #expect(log.count == 1 && log[0].hasPrefix("labs/listening,") && log[0].contains(",lab,4,"), "\(log)")
        let stats = try sandbox.stats()
        #expect(stats.labs.first { $0.name == "listening" } == .init(name: "listening", solved: 1, attempts: 1, lastSolved: today))
        #expect(stats.labs.map(\.name) == ["listening", "refused-or-silent", "dns", "cluster-dns", "resolve", "gateway-errors", "route"])
        #expect(stats.calendar.last == .init(date: today, answers: 1), "a lab result counts in the calendar")
        #expect(stats.currentStreak == 1)
    }

    @Test("refused-or-silent: nc -zv tells the silent port from the closed one; a hint makes it grade 3")
    func refusedOrSilent() throws {
        let sandbox = try Sandbox()
        let session = try sandbox.startLab("refused-or-silent")
        let ports = LabTools.endpoints(in: session.stdout)
        try #require(ports.count == 2, "\(session.stdout)")
        let probes = try ports.map { try LabTools.run(["nc", "-zv", "-w", "2", "127.0.0.1", String($0)]) }
        let silent = try #require(zip(ports, probes).first { $0.1.status == 0 }?.0, "\(probes)")
        #expect(probes.contains { $0.status != 0 && $0.stderr.contains("refused") }, "\(probes)")

        try session.send(":hint\n")
        try session.expect("Hint 1/2: ")
        try session.send("127.0.0.1:\(silent)\n")
        try session.expect("✓ correct")
        #expect(try session.waitForExit().status == 0, "\(session.stdout)")
        #expect(session.stdout.contains("Solved, with hints: grade 3"))
        let card = try labCard(sandbox, "refused-or-silent")
        #expect(card.due == today && abs(card.ease - 2.36) < 1e-9, "a 3 comes back today: \(card)")
        #expect(try LabTools.allListeningPorts().isDisjoint(with: ports))
    }

    @Test("dns: dig follows the CNAME to the A record and shows the CNAME's TTL (answered with its unit); both first try, grade 5")
    func dns() throws {
        let sandbox = try Sandbox()
        let session = try sandbox.startLab("dns")
        let port = try #require(LabTools.endpoints(in: session.stdout).first)
        let udp = try LabTools.run(["dig", "@127.0.0.1", "-p", String(port), "www.lab.test"])
        let tcp = try LabTools.run(["dig", "@127.0.0.1", "-p", String(port), "+tcp", "www.lab.test"])
        let answers = LabTools.digAnswers(udp.stdout)
        try #require(answers.count == 2, "\(udp.stdout)")
        #expect(answers[0].name == "www.lab.test." && answers[0].type == "CNAME")
        #expect(answers[1].name == answers[0].data && answers[1].type == "A")
        #expect(LabTools.digAnswers(tcp.stdout).map(\.data) == answers.map(\.data), "the same over TCP")
        let nowhere = try LabTools.run(["dig", "@127.0.0.1", "-p", String(port), "nowhere.lab.test"])
        #expect(nowhere.stdout.contains("status: NXDOMAIN"))

        try session.send("\(answers[1].data)\n")
        try session.expect("✓ correct")
        try session.expect("answer> ")
        // The question says "in seconds"; saying the unit too is as right.
        try session.send("\(answers[0].ttl) seconds\n")
        try session.expect("✓ correct")
        #expect(try session.waitForExit().status == 0, "\(session.stdout)")
        #expect(session.stdout.contains("Solved at the first try: grade 5 · next on \(tomorrow)"))
        let card = try labCard(sandbox, "dns")
        #expect(card.reps == 1 && card.due == tomorrow && abs(card.ease - 2.6) < 1e-9)
    }

    @Test("cluster-dns: only the full name answers; its A record is the ClusterIP")
    func clusterDNS() throws {
        let sandbox = try Sandbox()
        let session = try sandbox.startLab("cluster-dns")
        let port = try #require(LabTools.endpoints(in: session.stdout).first)
        let short = try LabTools.run(["dig", "@127.0.0.1", "-p", String(port), "payments.prod"])
        #expect(short.stdout.contains("status: NXDOMAIN"), "\(short.stdout)")
        let full = try LabTools.run(["dig", "@127.0.0.1", "-p", String(port), "+short", "payments.prod.svc.cluster.local"])
        let address = full.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(address.hasPrefix("10."), "\(full)")

        try session.send("\(address)\n")
        try session.expect("✓ correct")
        #expect(try session.waitForExit().status == 0, "\(session.stdout)")
        #expect(try labCard(sandbox, "cluster-dns").due == tomorrow)
    }

    @Test("resolve: plain curl gets a 404, curl --resolve the code word")
    func resolve() throws {
        let sandbox = try Sandbox()
        let session = try sandbox.startLab("resolve")
        let port = try #require(LabTools.endpoints(in: session.stdout).first)
        let direct = try LabTools.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/"])
        #expect(direct.stdout == "404")
        let pinned = try LabTools.run(["curl", "-s", "--resolve", "shop.lab.test:\(port):127.0.0.1", "http://shop.lab.test:\(port)/"])
        let word = pinned.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!word.isEmpty && !word.contains(" "), "\(pinned)")

        try session.send("\(word)\n")
        try session.expect("✓ correct")
        #expect(try session.waitForExit().status == 0, "\(session.stdout)")
        #expect(try labCard(sandbox, "resolve").due == tomorrow)
    }

    @Test("gateway-errors: the route answering 502 at once is down; the other answers 504 after about 3 s")
    func gatewayErrors() throws {
        let sandbox = try Sandbox()
        let session = try sandbox.startLab("gateway-errors")
        let port = try #require(LabTools.endpoints(in: session.stdout).first)
        nonisolated(unsafe) var results: [String: (code: String, seconds: Double)] = [:]
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let route = ["/orders", "/payments"][index]
            let started = Date()
            let output = try? LabTools.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10",
                                            "http://127.0.0.1:\(port)\(route)"])
            lock.withLock { results[route] = (output?.stdout ?? "", Date().timeIntervalSince(started)) }
        }
        let down = try #require(results.first { $0.value.code == "502" }, "\(results)")
        let slow = try #require(results.first { $0.value.code == "504" }, "\(results)")
        // Compared with each other, not with a wall clock: on a loaded machine even the 502 takes seconds to come back.
        #expect(down.value.seconds < slow.value.seconds - 1 && slow.value.seconds >= 2.5, "\(results)")

        try session.send("\(slow.key)\n")
        try session.expect("✗")
        try session.send("\(down.key)\n")
        try session.expect("✓ correct")
        #expect(try session.waitForExit().status == 0, "\(session.stdout)")
        #expect(session.stdout.contains("grade 4"))
    }

    @Test("route: the interface after `dev` in ip route get 203.0.113.9")
    func route() throws {
        let sandbox = try Sandbox()
        let session = try sandbox.startLab("route")
        let output = try LabTools.run(["ip", "route", "get", "203.0.113.9"])
        let words = output.stdout.split(whereSeparator: \.isWhitespace).map(String.init)
        let device = try #require(words.firstIndex(of: "dev").map { words[$0 + 1] }, "\(output)")

        try session.send("\(device)\n")
        try session.expect("✓ correct")
        #expect(try session.waitForExit().status == 0, "\(session.stdout)")
        #expect(try labCard(sandbox, "route").due == tomorrow)
    }
}
