import Foundation
import NetcardsTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A review fed through a pipe, stopped by a signal while it waits for the next line: Ctrl-C in a shell
/// pipeline, `timeout`, a cancelled CI job.
///
/// Regression test: PlainLineReader used Swift.readLine, which retries getline() on EINTR; with stdin's error
/// flag set getline then fails at once, forever, so a signal made netcards spin at 100% CPU and never exit.
@Suite("Signals during a piped review")
struct SignalTests {
    @Test("SIGINT or SIGTERM while waiting for input: exit 128+signal, summary shown, grades kept",
          arguments: [SIGINT, SIGTERM])
    func signalWhileWaiting(signal: Int32) throws {
        let sandbox = try Sandbox()
        let card = try #require(try sandbox.cards(["--deck", "protocols"]).first)
        let session = try sandbox.pipedSession(["review", "--deck", "protocols", "--new", "2"])

        try session.send("\(card.back)\n5\n")
        try session.expect("next in 1 day (2026-11-29)")
        try session.expect("answer> ")  // the second card waits for its answer
        session.waitUntilReadingStandardInput()
        session.signal(signal)
        let status = try session.waitForExit(timeout: .seconds(10)).status

        #expect(status == 128 + signal, "exit status\n\(session.stdout)")
        #expect(session.stdout.contains("Reviewed 1 card (1 answer) · 100% correct"))
        #expect(session.stdout.contains("Due tomorrow: 1"))
        // The grade given before the signal was saved at once; the card on screen is untouched.
        let after = try sandbox.cards()
        #expect(after[id: card.id]?.reps == 1)
        #expect(after.filter { $0.state != "new" }.map(\.id) == [card.id])
    }

    @Test("end of piped input in the middle of a card ends the run normally: exit 0, the grades kept")
    func endOfInputMidRun() throws {
        let sandbox = try Sandbox()
        let card = try #require(try sandbox.cards(["--deck", "protocols"]).first)
        // The last line has no line break: it still counts as the answer to the second card.
        let result = try sandbox.run(["review", "--deck", "protocols", "--new", "2"], stdin: "\(card.back)\n5\nzzz")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("answer> zzz"))
        #expect(result.stdout.contains("Reviewed 1 card"))
        #expect(try sandbox.cards()[id: card.id]?.reps == 1)
    }
}

@Suite("Crashes and Ctrl-\\ at a terminal")
struct CrashAtTerminalTests {
    @Test("Ctrl-\\ in a review on a terminal ends the run at once, like Ctrl-C: exit 131, the summary shown")
    func quitEndsTheRun() throws {
        let sandbox = try Sandbox()
        let term = try sandbox.terminal(["review", "--new", "1"])
        try term.expectPrompt("answer> ")
        try term.send([0x1C])
        try term.expect("Reviewed 0 cards", timeout: .seconds(5))
        #expect(try term.waitForExit(timeout: .seconds(5)) == 128 + SIGQUIT, "\(term.transcript)")
    }

    @Test("a crash signal (SIGSEGV) on a terminal gets its backtrace printed, never the backtracer's 30 s prompt")
    func crashDoesNotWait() throws {
        let sandbox = try Sandbox()
        let term = try sandbox.terminal(["review", "--new", "1"])
        try term.expectPrompt("answer> ")
        kill(term.pid, SIGSEGV)
        try term.expect("Backtrace took", timeout: .seconds(20))
        let prompt = try? term.expect("Press space to interact", timeout: .seconds(2))
        #expect(prompt == nil, "the backtracer's interactive prompt: \(term.transcript)")
    }
}
