import Foundation
import NetcardsTestSupport
import Testing

extension Reliability {
    /// `netcards backup FILE` writes a consistent copy with SQLite's online backup, even while a review runs in
    /// another process, and never overwrites an existing file.
    @Suite struct Backup {
        @Test("backup while a review runs elsewhere: a valid store with the grades; an existing FILE is refused")
        func backupDuringReview() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            let review = try sandbox.start(["review", "--deck", "internet", "--new", "10"])
            try review.send(goodGrades(2))
            try review.waitForCount(of: "next in", 2)

            let copy = sandbox.path("copy.sqlite")
            let backup = try sandbox.run(["backup", copy])
            #expect(backup.status == 0, "\(backup)")
            #expect(backup.stdout.contains(copy), "\(backup)")
            let copied = try sandbox.cards(["--deck", "internet"], db: .at(copy))
            #expect(copied.filter { $0.reps >= 1 }.count == 2)
            #expect(copied.count == (try sandbox.cards(["--deck", "internet"])).count)
            if SQLite3.isInstalled {
                #expect(try SQLite3.query(copy, "PRAGMA integrity_check", in: sandbox) == "ok")
            }

            // The same name again: refused, and the first copy is left exactly as it is.
            let before = try bytes(of: copy)
            let again = try sandbox.run(["backup", copy])
            #expect(again.status == 1, "\(again)")
            #expect(again.stderr.contains(copy), "\(again)")
            #expect(try bytes(of: copy) == before)

            // The review carries on after the backups.
            try review.send(goodGrades(1))
            review.closeInput()
            let finished = try review.waitForExit()
            #expect(finished.status == 0, "\(finished)")
            #expect(finished.stdout.occurrences(of: "next in") == 3, "\(finished)")
            #expect(try sandbox.stats().today.answered == 3)
        }

        /// Backups taken while grades stream in: each copy is a snapshot between two answers — its log, its cards'
        /// state and its day count agree, whatever moment it caught.
        @Test("backups during a stream of grades are each consistent")
        func backupsWhileWriting() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            let review = try sandbox.start(["review", "--new", "40"])
            try review.waitForOutput("the first prompt") { $0.endsAtPrompt }
            try review.send(goodGrades(40))
            var copies: [String] = []
            for index in 0..<4 {
                let copy = sandbox.path("copy-\(index).sqlite")
                let backup = try sandbox.run(["backup", copy])
                #expect(backup.status == 0, "\(backup)")
                copies.append(copy)
            }
            review.closeInput()
            #expect(try review.waitForExit().status == 0)
            var lastCount = 0
            for copy in copies {
                let graded = try sandbox.cards(db: .at(copy)).filter { $0.reps >= 1 }.count
                #expect(try sandbox.stats(db: .at(copy)).today.answered == graded, "\(copy)")
                if SQLite3.isInstalled {
                    #expect(try SQLite3.query(copy, "PRAGMA integrity_check", in: sandbox) == "ok")
                    #expect(try SQLite3.query(copy, "SELECT count(*) FROM review_log", in: sandbox) == "\(graded)")
                }
                #expect(graded >= lastCount, "copies taken later hold at least as many answers")
                lastCount = graded
            }
        }

        @Test("backup into a folder that does not exist: exit 1, the error names the file")
        func backupIntoMissingFolder() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            let target = sandbox.path("no-such-folder/copy.sqlite")
            let result = try sandbox.run(["backup", target])
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains(target), "\(result)")
            #expect(result.stderr.contains("\(sandbox.path("no-such-folder")) does not exist"), "says the folder is missing: \(result)")
            #expect(!result.stderr.contains("--db"), "the store is fine; --db is no advice here: \(result)")
        }

        @Test("backup to a symlink writes its target; backup - writes the store to standard output")
        func symlinkAndStandardOutput() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            let cards = try sandbox.cards().count
            let link = sandbox.path("latest.sqlite")
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "copies-target.sqlite")
            let viaLink = try sandbox.run(["backup", link])
            #expect(viaLink.status == 0, "\(viaLink)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "copies-target.sqlite", "still a symlink")
            #expect(try sandbox.cards(db: .at(sandbox.path("copies-target.sqlite"))).count == cards)

            let piped = sandbox.path("piped.sqlite")
            let toStdout = try sandbox.runProgram("/bin/sh", ["-c", "exec \"$0\" --db \"$1\" backup - > \"$2\"",
                                                                    NetcardsBinary.path, sandbox.storePath, piped])
            #expect(toStdout.status == 0, "\(toStdout)")
            #expect(toStdout.stderr.contains("standard output"), "the report goes to stderr: \(toStdout)")
            #expect(try sandbox.cards(db: .at(piped)).count == cards)
        }

        @Test("backup on a full disk: exit 1, no file and no temp file left, and the retry succeeds",
              .enabled(if: FileLimit.prlimit != nil, "needs prlimit (util-linux)"))
        func fullDisk() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            let folder = sandbox.path("copies")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            let copy = folder + "/copy.sqlite"
            let limited = try FileLimit.run(sandbox, bytes: 40_000, ["--db", sandbox.storePath, "backup", copy], input: "")
            #expect(limited.status == 1 && !limited.killedBySignal, "\(limited)")
            #expect(limited.stderr.contains(copy) && limited.stderr.contains("full"), "\(limited)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "neither the copy nor a temp file")

            let retry = try sandbox.run(["backup", copy])
            #expect(retry.status == 0, "\(retry)")
            #expect(try sandbox.cards(db: .at(copy)).count == (try sandbox.cards()).count)
        }
    }
}
