import Foundation
import NetcardsTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// :hint, :give-up and :quit, the review's reminder, the list, missing tools, and the services stopping on every
/// way a lab can end (checked with the real `ss`).
@Suite("Lab commands, scheduling and shutdown", .serialized)
struct LabControlTests {
    @Test(":give-up shows the answer; the lab is graded 1, due today, and review ends with the reminder")
    func giveUp() throws {
        let sandbox = try Sandbox()
        let session = try sandbox.startLab("dns")
        try session.send(":hint\n")
        try session.expect("Hint 1/3: ")
        try session.send(":hint\n:hint\n:hint\n")
        try session.expect("No more hints.")
        try session.send(":give-up\n")
        try session.expect("Given up. The answer: ")
        try session.expect("How to see it: `dig @127.0.0.1 -p ")
        try session.expect("answer> ")  // the second question still comes
        try session.send(":give-up\n")
        #expect(try session.waitForExit().status == 0, "\(session.stdout)")
        #expect(session.stdout.contains("Given up: grade 1 · again today."))

        let card = try #require(try sandbox.cards(["--deck", "labs"])[id: "labs/dns"])
        #expect(card.due == "2026-11-28" && card.reps == 0)
        let stats = try sandbox.stats()
        #expect(stats.labs.first { $0.name == "dns" } == .init(name: "dns", solved: 0, attempts: 1, lastSolved: nil))

        let review = try sandbox.run(["review", "--new", "0"])
        #expect(review.stdout.hasSuffix("1 lab due: netcards lab dns\n"), "\(review)")
        let list = try sandbox.run(["lab", "--list"])
        #expect(list.stdout.split(separator: "\n").contains { $0.hasPrefix("dns ") && $0.hasSuffix("due") },
                "\(list)")
    }

    @Test(":quit and the end of input stop the lab with nothing saved and no listener left")
    func quitAndEndOfInput() throws {
        let sandbox = try Sandbox()
        let session = try sandbox.startLab("dns")
        let port = try #require(LabTools.endpoints(in: session.stdout).first)
        #expect(try LabTools.listening(pid: session.pid).map(\.port) == [port])
        #expect(try LabTools.listening(pid: session.pid, udp: true).map(\.port) == [port])
        try session.send(":quit\n")
        #expect(try session.waitForExit().status == 0)
        #expect(session.stdout.contains("nothing saved"))
        #expect(!(try LabTools.allListeningPorts().contains(port)))

        let piped = try sandbox.run(["lab", "resolve"], stdin: "")
        #expect(piped.status == 0, "\(piped)")
        let resolvePort = try #require(LabTools.endpoints(in: piped.stdout).first)
        #expect(!(try LabTools.allListeningPorts().contains(resolvePort)))
        #expect(try sandbox.logLines().isEmpty)
        #expect(try sandbox.cards(["--deck", "labs"]).allSatisfy { $0.state == "new" })
    }

    @Test("SIGTERM, SIGINT and SIGKILL (a crash) leave no listener behind", arguments: [SIGTERM, SIGINT, SIGKILL])
    func signals(signal: Int32) throws {
        let sandbox = try Sandbox()
        let session = try sandbox.startLab("gateway-errors")
        let ports = try LabTools.listening(pid: session.pid).map(\.port)
        #expect(ports.count == 2, "the gateway and its slow upstream")
        session.waitUntilReadingStandardInput()
        session.signal(signal)
        #expect(try session.waitForExit().status == 128 + signal)
        #expect(try LabTools.allListeningPorts().isDisjoint(with: ports))
    }

    @Test("Ctrl-C on a terminal: exit 130 and no listener left")
    func controlC() throws {
        let sandbox = try Sandbox()
        let terminal = try sandbox.terminal(["lab", "listening"])
        _ = try terminal.expectPrompt("answer> ")
        let ports = try LabTools.listening(pid: terminal.pid).map(\.port)
        #expect(ports.count == 3)
        try terminal.pressControlC()
        #expect(try terminal.waitForExit() == 130)
        #expect(try LabTools.allListeningPorts().isDisjoint(with: ports))
        #expect(try sandbox.cards(["--deck", "labs"])[id: "labs/listening"]?.state == "new")
    }

    @Test("a missing tool is named with its Debian package; the route lab without ip stops with one clear line")
    func missingTools() throws {
        let sandbox = try Sandbox()
        let empty = sandbox.path("empty-bin")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let list = try sandbox.run(["lab", "--list"], env: ["PATH": empty])
        #expect(list.status == 0, "\(list)")
        for (tool, package) in [("dig", "dnsutils"), ("curl", "curl"), ("ss", "iproute2"), ("nc", "netcat-openbsd"), ("ip", "iproute2")] {
            #expect(list.stdout.contains("\(tool) (missing: apt install \(package))"), "\(list.stdout)")
        }
        let route = try sandbox.run(["lab", "route"], env: ["PATH": empty])
        #expect(route.status == 1)
        #expect(route.stderr == "netcards: lab route can't start: the route lab asks the kernel with `ip`, and ip is not installed here: on Debian/Ubuntu, `sudo apt install iproute2`.\n", "\(route)")
    }

    @Test("netcards lab lists every lab with its status, then runs the due ones")
    func listThenDue() throws {
        let sandbox = try Sandbox()
        let list = try sandbox.run(["lab"])
        #expect(list.status == 0)
        let rows = list.stdout.split(separator: "\n").dropFirst().prefix(7).map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(rows == ["listening", "refused-or-silent", "dns", "cluster-dns", "resolve", "gateway-errors", "route"], "\(list.stdout)")
        #expect(list.stdout.contains("never tried"))
        #expect(list.stdout.contains("No lab is due."))

        _ = try sandbox.run(["lab", "route"], stdin: ":give-up\n")
        let due = try sandbox.pipedSession(["lab"])
        try due.expect("Lab route")
        try due.expect("answer> ")
        try due.send(":quit\n")
        #expect(try due.waitForExit().status == 0)
    }
}
