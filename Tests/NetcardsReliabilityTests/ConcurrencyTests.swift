import Foundation
import NetcardsTestSupport
import Testing

extension Reliability {
    /// Two netcards processes on one store, as in two terminals: both finish, and the log holds every answer
    /// exactly once (SQLite's busy timeout makes the second writer wait instead of failing).
    @Suite struct TwoAtOnce {
        @Test("two scripted reviews at once on one store: both exit 0, every answer counted once")
        func twoReviews() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            let perRun = 10
            let internet = try sandbox.start(["review", "--deck", "internet", "--new", "\(perRun)"])
            let cloud = try sandbox.start(["review", "--deck", "cloud", "--new", "\(perRun)"])
            // Interleave the grades so both processes write while the other one does.
            for _ in 0..<perRun {
                try internet.send(goodGrades(1))
                try cloud.send(goodGrades(1))
            }
            internet.closeInput()
            cloud.closeInput()
            let first = try internet.waitForExit()
            let second = try cloud.waitForExit()
            #expect(first.status == 0 && !first.killedBySignal, "\(first)")
            #expect(second.status == 0 && !second.killedBySignal, "\(second)")
            #expect(first.stdout.occurrences(of: "next in") == perRun, "\(first)")
            #expect(second.stdout.occurrences(of: "next in") == perRun, "\(second)")

            let cards = try sandbox.cards()
            #expect(cards.filter { $0.deck == "internet" && $0.reps >= 1 }.count == perRun)
            #expect(cards.filter { $0.deck == "cloud" && $0.reps >= 1 }.count == perRun)
            #expect(cards.filter { $0.reps >= 1 }.allSatisfy { $0.reps == 1 })
            #expect(try sandbox.stats().today.answered == 2 * perRun)
            if SQLite3.isInstalled {
                #expect(try SQLite3.query(sandbox.storePath, "SELECT count(*) FROM review_log", in: sandbox) == "\(2 * perRun)")
                #expect(try SQLite3.query(sandbox.storePath, "PRAGMA integrity_check", in: sandbox) == "ok")
            }
        }

        /// The very first run, twice at once: both create, migrate and load the bundled decks into the same
        /// new file. One must wait for the other rather than fail or load the decks twice.
        @Test("two first runs at once on a store that does not exist yet")
        func twoFirstRuns() throws {
            for round in 0..<5 {
                let sandbox = try Sandbox()
                let a = try sandbox.start(["decks", "--json"])
                let b = try sandbox.start(["decks", "--json"])
                a.closeInput()
                b.closeInput()
                let first = try a.waitForExit()
                let second = try b.waitForExit()
                #expect(first.status == 0, "round \(round): \(first)")
                #expect(second.status == 0, "round \(round): \(second)")
                #expect(first.stdout == second.stdout, "round \(round): the two runs saw different decks")
                let cards = try sandbox.cards()
                #expect(Set(cards.map(\.id)).count == cards.count)
            }
        }

        /// A reader (stats, cards) while a review writes: readers never block the writer or see half an answer.
        @Test("stats and cards while a review writes")
        func readersDuringReview() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            let review = try sandbox.start(["review", "--new", "15"])
            try review.send(goodGrades(15))
            var lastSeen = 0
            for _ in 0..<5 {
                let stats = try sandbox.stats()
                #expect(stats.today.answered >= lastSeen)
                lastSeen = stats.today.answered
            }
            review.closeInput()
            let result = try review.waitForExit()
            #expect(result.status == 0, "\(result)")
            #expect(try sandbox.stats().today.answered == 15)
        }
    }
}
