import Foundation
import NetcardsTestSupport
import Testing

/// A grade given while another process holds the store's write lock waits for it, however long, and says so;
/// Ctrl-C during that wait says the grade was not saved.
@Suite("A busy store")
struct BusyStoreTests {
    /// A review of one new card, answered right and waiting for its grade.
    private func reviewAtGradePrompt(_ sandbox: Sandbox) throws -> (PseudoTerminal, StoredCard) {
        let cards = try sandbox.cards(["--deck", "protocols"])
        let term = try sandbox.terminal(["review", "--deck", "protocols", "--new", "1"])
        let card = try card(shownIn: try term.expectPrompt("answer> "), among: cards)
        try term.type(card.back + "\r")
        try term.expectPrompt("grade 0-5")
        return (term, card)
    }

    @Test("a grade waits out another process's 12-second write lock, says so after a second, and is saved")
    func gradeWaits() throws {
        let sandbox = try Sandbox()
        let (term, card) = try reviewAtGradePrompt(sandbox)
        let holder = try WriteLockHolder(store: sandbox.storePath)
        let started = ContinuousClock.now
        try term.type("5\r")
        try term.expect("waiting for another netcards", timeout: .seconds(30))
        let announcedAfter = ContinuousClock.now - started
        #expect(announcedAfter >= .milliseconds(900), "said after \(announcedAfter)")
        Thread.sleep(forTimeInterval: 11)  // past the old 10-second busy timeout
        #expect(!term.transcript.contains("not saved"))
        holder.release()
        try term.expect("next in 1 day", timeout: .seconds(60))
        try term.expectPrompt("takes back the last action> ")  // Ctrl-D before raw mode would be lost
        try term.pressControlD()
        #expect(try term.waitForExit() == 0, "\(term.transcript)")
        #expect(try sandbox.cards()[id: card.id]?.reps == 1, "the grade was saved")
    }

    @Test("Ctrl-C while waiting for the lock: the grade was not saved, exit 130, the card unchanged")
    func interruptedWait() throws {
        let sandbox = try Sandbox()
        let (term, card) = try reviewAtGradePrompt(sandbox)
        let holder = try WriteLockHolder(store: sandbox.storePath)
        try term.type("5\r")
        try term.expect("waiting for another netcards", timeout: .seconds(30))
        try term.pressControlC()
        try term.expect("the grade for \(card.id) was not saved")
        #expect(try term.waitForExit() == 130, "\(term.transcript)")
        holder.release()
        let after = try sandbox.cards()[id: card.id]
        #expect(after?.reps == 0 && after?.state == "new", "nothing was written: \(String(describing: after))")
    }
}

/// The `sqlite3` shell in its own process, inside `BEGIN IMMEDIATE` on a store: it holds the write lock until
/// `release()`.
final class WriteLockHolder {
    private static let sqlite3 = URL(fileURLWithPath: "/usr/bin/sqlite3")
    private let shell: RunningProgram

    init(store: String) throws {
        shell = try RunningProgram(executable: Self.sqlite3, arguments: [store], environment: ProcessInfo.processInfo.environment)
        try shell.send("BEGIN IMMEDIATE;\n")
        // Held once a second writer is refused.
        let deadline = Date().addingTimeInterval(10)
        while Self.canWrite(store) {
            guard Date() < deadline else { throw CocoaError(.fileLocking) }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    func release() {
        try? shell.send("COMMIT;\n.quit\n")
        shell.closeInput()
        _ = try? shell.waitForExit()
    }

    private static func canWrite(_ store: String) -> Bool {
        let probe = try? runProgram(sqlite3, [store, "BEGIN IMMEDIATE; ROLLBACK;"], environment: ProcessInfo.processInfo.environment)
        return probe?.status == 0
    }
}
