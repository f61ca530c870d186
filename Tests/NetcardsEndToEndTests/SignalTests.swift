import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A review fed through a pipe, stopped by a signal while it waits for the next line: Ctrl-C in a shell
/// pipeline, `timeout`, a cancelled CI job.
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
        let status = session.waitForExit(timeout: .seconds(5))  // nil: still running (then killed)

        // The grade given before the signal was saved at once, whatever happens next.
        #expect(try sandbox.cards()[id: card.id]?.reps == 1)

        // Bug: PlainLineReader.readLine (Sources/NetcardsTerminal/LineReader.swift:42) relies on Swift.readLine
        // returning nil when the signal interrupts read(2). Swift's stdlib retries getline() while errno is
        // EINTR, and with stdin's error flag set getline keeps failing at once: netcards spins at 100% CPU
        // and never exits (until SIGKILL).
        withKnownIssue("a signal during a piped review makes netcards spin forever in Swift.readLine") {
            #expect(status == 128 + signal, "exit status (nil = still running after 5 s)")
            #expect(session.text.contains("Reviewed 1 card"))
        }
    }
}
