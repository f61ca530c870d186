import Foundation
import NetcardsTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Reliability {
    /// A review killed with SIGKILL (no handler runs, nothing is flushed or closed) keeps every grade it had
    /// confirmed, leaves a sound store, and the next run works.
    @Suite struct Crash {
        @Test("SIGKILL after k grades: the k grades are in the store, integrity ok, the next review works",
              arguments: [1, 3])
        func killAfterGrades(k: Int) throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            let review = try sandbox.start(["review", "--deck", "internet", "--new", "10"])
            try review.send(goodGrades(k))
            // "next in" is printed after the grade's transaction has committed.
            try review.waitForCount(of: "next in", k)
            try review.waitForOutput("the next card's prompt") { $0.endsAtPrompt }
            let shownFronts = Self.fronts(in: review.stdout)
            review.signal(SIGKILL)
            let killed = try review.waitForExit()
            #expect(killed.signal == SIGKILL, "\(killed)")

            // The store is sound: SQLite's own check, and an online backup that reads every page.
            if SQLite3.isInstalled {
                #expect(try SQLite3.query(sandbox.storePath, "PRAGMA integrity_check", in: sandbox) == "ok")
            }
            let backup = try sandbox.run(["backup", sandbox.path("after-kill.sqlite")])
            #expect(backup.status == 0, "\(backup)")

            // Exactly the k cards graded before the kill have been reviewed, once each.
            let graded = try sandbox.cards(["--deck", "internet"]).filter { $0.reps >= 1 }
            #expect(graded.count == k, "graded cards: \(graded.map(\.id))")
            #expect(graded.allSatisfy { $0.reps == 1 })
            for card in graded {
                #expect(shownFronts.contains(card.front.components(separatedBy: "\n")[0]), "\(card.id) was graded but never shown")
            }
            #expect(try sandbox.stats().today.answered == k)

            // The next review starts, grades and saves as usual.
            let next = try sandbox.run(["review", "--deck", "internet", "--new", "10"], stdin: goodGrades(1))
            #expect(next.status == 0, "\(next)")
            #expect(next.stdout.occurrences(of: "next in") == 1, "\(next)")
            #expect(try sandbox.cards(["--deck", "internet"]).filter { $0.reps >= 1 }.count == k + 1)
        }

        /// Killed while grades are streaming in (some committed, one possibly mid-transaction): whatever made it
        /// in is whole — the card's state, its log row and the day's count agree — and nothing is corrupt.
        @Test("SIGKILL mid-write: every answer is whole (card state, log and day count agree)",
              arguments: [5, 20, 45, 80])
        func killWhileWriting(delayMs: Int) throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            let review = try sandbox.start(["review", "--new", "30"])
            try review.waitForOutput("the first prompt") { $0.endsAtPrompt }
            try review.send(goodGrades(30))
            usleep(UInt32(delayMs) * 1000)
            let confirmed = review.stdout.occurrences(of: "next in")
            review.signal(SIGKILL)
            _ = try review.waitForExit()

            if SQLite3.isInstalled {
                #expect(try SQLite3.query(sandbox.storePath, "PRAGMA integrity_check", in: sandbox) == "ok")
                let logRows = Int(try SQLite3.query(sandbox.storePath, "SELECT count(*) FROM review_log", in: sandbox))
                let reviewed = Int(try SQLite3.query(sandbox.storePath, "SELECT count(*) FROM card WHERE reps > 0", in: sandbox))
                #expect(logRows == reviewed)
            }
            let graded = try sandbox.cards().filter { $0.reps >= 1 }.count
            #expect(graded >= confirmed, "\(confirmed) grades were confirmed on screen, \(graded) are in the store")
            #expect(try sandbox.stats().today.answered == graded)
            let next = try sandbox.run(["review", "--new", "1"], stdin: goodGrades(1))
            #expect(next.status == 0, "\(next)")
        }

        /// The first line of each card's front as the review printed it (the line after `[i/n] deck`).
        static func fronts(in output: String) -> Set<String> {
            let lines = output.components(separatedBy: "\n")
            var fronts = Set<String>()
            for (index, line) in lines.enumerated() where line.hasPrefix("[") && line.contains("/") && index + 1 < lines.count {
                fronts.insert(lines[index + 1])
            }
            return fronts
        }
    }
}
