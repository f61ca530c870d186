import Foundation
import NetcardsTestSupport
import Testing

/// A line over 4 KB at a review or quiz prompt is refused with a message and the prompt comes back; the line
/// is dropped as it arrives, so an 8 MB paste costs neither memory (it took 1.6 GB) nor much time (21 s).
@Suite("a line over 4 KB at the prompt is refused")
struct LineLimitTests {
    static let refusal = "over 4096 bytes"
    static let pasted = [UInt8](repeating: UInt8(ascii: "x"), count: 8_000_000)

    @Test("on a terminal: an 8 MB paste is refused, memory stays small, the next line is read",
          arguments: [["quiz", "ports", "-n", "1", "--seed", "1"], ["review", "--deck", "protocols", "--new", "1"]])
    func pasteOnATerminal(arguments: [String]) throws {
        let sandbox = try Sandbox()
        _ = try sandbox.run([])  // the store exists before the terminal run, so only the paste is timed
        let terminal = try sandbox.terminal(arguments)
        try terminal.expectPrompt("> ")
        let started = ContinuousClock.now
        let typed = terminal.sendInBackground(Self.pasted + [0x0D])
        try terminal.expect(Self.refusal, timeout: .seconds(60))
        try terminal.expectPrompt("> ", timeout: .seconds(60))
        #expect(typed.wait(timeout: .now() + 60) == .success)
        let peak = try #require(peakResidentKilobytes(terminal.pid))
        print("8 MB paste at \(arguments[0])'s prompt refused after \(ContinuousClock.now - started), peak RSS \(peak) kB")
        #expect(peak < 100_000, "peak resident memory \(peak) kB")

        try terminal.type(":quit\r")
        #expect(try terminal.waitForExit(timeout: .seconds(30)) == 0)
        // Never judged as an answer: no verdict shows what was typed.
        #expect(!terminal.transcript.contains("you typed") && !terminal.transcript.contains("you wrote"), "\(terminal.transcript.suffix(500))")
    }

    @Test("piped: a line over 4 KB is refused and the next line is read; 4096 bytes are still an answer")
    func pipedLongLine() throws {
        let sandbox = try Sandbox()
        let long = String(repeating: "x", count: 100_000)
        let refused = try sandbox.run(["quiz", "ports", "-n", "1", "--seed", "1"], stdin: long + "\n:skip\n")
        #expect(refused.status == 0, "\(refused)")
        #expect(refused.stdout.contains(Self.refusal), "\(refused)")
        #expect(refused.stdout.contains("Score: 0/1"), "\(refused)")
        #expect(!refused.stdout.contains(long))

        let atLimit = try sandbox.run(["quiz", "ports", "-n", "1", "--seed", "1"], stdin: String(repeating: "y", count: 4096) + "\n")
        #expect(atLimit.status == 0, "\(atLimit)")
        #expect(!atLimit.stdout.contains(Self.refusal), "\(atLimit)")
        #expect(atLimit.stdout.contains("you typed"), "\(atLimit)")
    }

    /// VmHWM from /proc: the most memory the process has held at once.
    private func peakResidentKilobytes(_ pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
    }
}
