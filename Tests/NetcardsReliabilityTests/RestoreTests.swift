import Foundation
import NetcardsTestSupport
import Testing

extension Reliability {
    /// `netcards restore` lists the daily backups and puts one back, saving the current store aside first.
    @Suite struct Restore {
        @Test("restore lists the backups newest first, with date and cards; a number out of range is a usage error")
        func listing() throws {
            let sandbox = try Sandbox()
            let none = try sandbox.run(["restore"])
            #expect(none.status == 0 && none.stdout.contains("No backups"), "\(none)")
            try sandbox.createStore()
            let cards = try sandbox.cards().count
            _ = try sandbox.run([], env: DailyCheck.morning("2026-11-30"))

            let list = try sandbox.run(["restore"])
            #expect(list.status == 0, "\(list)")
            let rows = list.stdout.split(separator: "\n").filter { $0.contains("netcards-2026-") }
            #expect(rows.count == 2, "\(list)")
            #expect(rows.first?.contains("2026-11-30") == true && rows.last?.contains("2026-11-28") == true, "newest first: \(list)")
            #expect(rows.allSatisfy { $0.contains(" \(cards) ") }, "each row shows the \(cards) cards: \(list)")

            let outOfRange = try sandbox.run(["restore", "3"])
            #expect(outOfRange.status == 2, "\(outOfRange)")
            #expect(outOfRange.stderr.contains("1 to 2"), "\(outOfRange)")
        }

        @Test("a damaged store is restored from the newest good backup; the damaged one is saved aside",
              .enabled(if: SQLite3.isInstalled, "needs sqlite3 to damage a page"))
        func restoreDamagedStore() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            try #require(try sandbox.run(["review", "--new", "3"], stdin: goodGrades(3)).status == 0)
            // The 29th's backup holds the three answers of the 28th.
            try #require(try sandbox.run([], env: DailyCheck.morning("2026-11-29")).status == 0)
            try DailyCheck.damageAPage(sandbox)
            let damaged = try bytes(of: sandbox.storePath)
            let refused = try sandbox.run([], env: DailyCheck.morning("2026-11-30"))
            try #require(refused.status == 1, "\(refused)")

            let restore = try sandbox.run(["restore", "1"], env: DailyCheck.morning("2026-11-30"))
            #expect(restore.status == 0, "\(restore)")
            let aside = try #require(files(in: sandbox.root, startingWith: "netcards.sqlite.before-restore-").first)
            #expect(restore.stdout.contains(sandbox.path(aside)), "says where the replaced store went: \(restore)")
            #expect(try bytes(of: sandbox.path(aside)) == damaged, "the damaged store is kept as it was")

            let after = try sandbox.run(["review", "--new", "1"], stdin: goodGrades(1), env: DailyCheck.morning("2026-11-30"))
            #expect(after.status == 0 && after.stdout.contains("next in"), "\(after)")
            #expect(try SQLite3.query(sandbox.storePath, "SELECT count(*) FROM review_log", in: sandbox) == "4",
                    "the 3 answers of the backup and today's")
            #expect(try SQLite3.query(sandbox.storePath, "PRAGMA integrity_check", in: sandbox) == "ok")
        }

        @Test("a damaged or foreign backup file is refused and the store left as it was")
        func badBackupRefused() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            try #require(try sandbox.run(["review", "--new", "1"], stdin: goodGrades(1)).status == 0)
            let before = try sandbox.cards()
            let bad = sandbox.path("half.sqlite")
            let whole = try bytes(of: sandbox.path("backups/netcards-2026-11-28.sqlite"))
            try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: bad))
            let notes = sandbox.path("notes.txt")
            try Data("not a store\n".utf8).write(to: URL(fileURLWithPath: notes))

            for file in [bad, notes, sandbox.path("missing.sqlite")] {
                let result = try sandbox.run(["restore", file])
                #expect(result.status == 1, "\(file): \(result)")
                #expect(result.stderr.contains(file), "\(file): \(result)")
            }
            #expect(files(in: sandbox.root, startingWith: "netcards.sqlite.before-restore").isEmpty)
            #expect(try sandbox.cards().map(\.reps) == before.map(\.reps))
        }

        /// A review waiting at its prompt holds no lock SQLite's busy wait would see, yet has the store open:
        /// swapping the file under it would send its next grades to the store set aside.
        @Test("restore under a running review is refused naming it; the review's grades still land; afterwards it restores")
        func refusedWhileOpen() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            let review = try sandbox.start(["review", "--deck", "internet", "--new", "2"])
            try review.waitForOutput("the first prompt") { $0.endsAtPrompt }
            review.waitUntilReadingStandardInput()
            let before = try bytes(of: sandbox.storePath)

            let refused = try sandbox.run(["restore", "1"])
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stderr.contains("is open in another netcards (pid \(review.pid): netcards review --deck internet"), "\(refused)")
            #expect(refused.stderr.contains("nothing was changed"), "\(refused)")
            #expect(files(in: sandbox.root, startingWith: "netcards.sqlite.before-restore").isEmpty)
            #expect(try bytes(of: sandbox.storePath) == before)

            try review.send(goodGrades(2))
            review.closeInput()
            let finished = try review.waitForExit()
            #expect(finished.status == 0 && finished.stdout.occurrences(of: "next in") == 2, "\(finished)")
            #expect(try sandbox.cards(["--deck", "internet"]).filter { $0.reps >= 1 }.count == 2, "the review's grades are in the store")

            let restored = try sandbox.run(["restore", "1"])
            #expect(restored.status == 0, "\(restored)")
            #expect(try sandbox.cards(["--deck", "internet"]).allSatisfy { $0.reps == 0 }, "the backup of the 28th, before the review")
        }
    }
}
