import Foundation
import NetcardsTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Reliability {
    /// A write that cannot land (disk full, file too large) fails the command with a clear error naming the
    /// store, and leaves the store as it was before that write: sound, with every earlier answer.
    @Suite struct FullDisk {
        /// `prlimit --fsize` caps how large a file the process may write, the way a nearly full disk would;
        /// SIGXFSZ is ignored so the write fails (EFBIG) instead of killing netcards. Works without root.
        @Test("a grade that cannot be written: exit 1, the error names the store, earlier grades kept",
              .enabled(if: FileLimit.prlimit != nil, "needs prlimit (util-linux)"))
        func fileSizeLimit() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            let first = try sandbox.run(["review", "--deck", "internet", "--new", "2"], stdin: goodGrades(2))
            try #require(first.status == 0, "\(first)")
            if SQLite3.isInstalled { _ = try SQLite3.query(sandbox.storePath, "PRAGMA wal_checkpoint(TRUNCATE)", in: sandbox) }

            // 40 kB: room for SQLite's 32 kB shared-memory index, not for a grade's pages in the WAL.
            let limited = try FileLimit.run(sandbox, bytes: 40_000,
                                                  ["--db", sandbox.storePath, "review", "--deck", "internet", "--new", "5"],
                                                  input: goodGrades(5))
            #expect(limited.status == 1 && !limited.killedBySignal, "\(limited)")
            #expect(limited.stderr.contains(sandbox.storePath), "\(limited)")
            #expect(limited.stdout.occurrences(of: "next in") == 0, "\(limited)")

            try Self.expectSound(sandbox, answered: 2)
        }

        /// A real ENOSPC on a tiny tmpfs. Mounting needs root and a container allowed to mount; elsewhere the
        /// test is skipped, and the file-size-limit test above covers the same path through SQLite.
        @Test("a full disk (tiny tmpfs): exit 1, \"full\" and the store's name, earlier grades kept",
              .enabled(if: TinyDisk.canMount, "cannot mount a tmpfs here (needs root and a container that allows it)"))
        func fullTmpfs() throws {
            let sandbox = try Sandbox()
            let disk = try TinyDisk.mount(in: sandbox)
            defer { withExtendedLifetime(sandbox) { TinyDisk.unmount(disk) } }
            let store = disk + "/netcards.sqlite"
            try sandbox.createStore(at: store)
            let first = try sandbox.run(["review", "--deck", "internet", "--new", "2"], stdin: goodGrades(2), db: .at(store))
            try #require(first.status == 0, "\(first)")
            if SQLite3.isInstalled { _ = try SQLite3.query(store, "PRAGMA wal_checkpoint(TRUNCATE)", in: sandbox) }

            // Fill the disk, leaving 40 kB: the shared-memory index fits, a grade's pages do not.
            let filler = disk + "/filler"
            var stats = statvfs()
            try #require(statvfs(disk, &stats) == 0)
            let free = Int(stats.f_bavail) * Int(stats.f_frsize)
            _ = FileManager.default.createFile(atPath: filler, contents: Data(count: max(0, free - 40_960)))

            let full = try sandbox.run(["review", "--deck", "internet", "--new", "5"], stdin: goodGrades(5), db: .at(store))
            #expect(full.status == 1 && !full.killedBySignal, "\(full)")
            #expect(full.stderr.contains(store), "\(full)")
            #expect(full.stderr.contains("full"), "\(full)")

            try FileManager.default.removeItem(atPath: filler)
            try Self.expectSound(sandbox, db: store, answered: 2)
        }

        /// An export that cannot be written whole leaves nothing: no 0-byte or half file that a retry would then
        /// be refused over ("already exists"), no temp file beside it.
        @Test("an export over the file size limit: exit 1, no file left, the retry writes it",
              .enabled(if: FileLimit.prlimit != nil, "needs prlimit (util-linux)"))
        func exportOverFileSizeLimit() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            // 600 cards of 150-character questions: a CSV of about 100 kB, well over the 40 kB limit below.
            let rows = (0..<600).map { "question \($0) \(String(repeating: "x", count: 130)),answer \($0)" }
            let deck = sandbox.path("big.csv")
            try (["front,back"] + rows).joined(separator: "\n").write(toFile: deck, atomically: false, encoding: .utf8)
            let imported = try sandbox.run(["import", deck])
            try #require(imported.status == 0, "\(imported)")
            if SQLite3.isInstalled { _ = try SQLite3.query(sandbox.storePath, "PRAGMA wal_checkpoint(TRUNCATE)", in: sandbox) }

            let target = sandbox.path("out/cards.csv")
            try FileManager.default.createDirectory(atPath: sandbox.path("out"), withIntermediateDirectories: false)
            let limited = try FileLimit.run(sandbox, bytes: 40_000, ["--db", sandbox.storePath, "export", "--format", "csv", target], input: "")
            #expect(limited.status == 1 && !limited.killedBySignal, "\(limited)")
            #expect(limited.stderr.contains(target), "\(limited)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.path("out")) == [], "nothing left in the folder")

            let retry = try sandbox.run(["export", "--format", "csv", target])
            #expect(retry.status == 0, "\(retry)")
            #expect(try String(contentsOfFile: target, encoding: .utf8).split(separator: "\n").count > 600)
        }

        @Test("an export onto a full disk (tiny tmpfs): exit 1 saying so, no file left, the retry writes it",
              .enabled(if: TinyDisk.canMount, "cannot mount a tmpfs here (needs root and a container that allows it)"))
        func exportOntoFullDisk() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            let disk = try TinyDisk.mount(in: sandbox)
            defer { withExtendedLifetime(sandbox) { TinyDisk.unmount(disk) } }
            let filler = disk + "/filler"
            var stats = statvfs()
            try #require(statvfs(disk, &stats) == 0)
            _ = FileManager.default.createFile(atPath: filler, contents: Data(count: Int(stats.f_bavail) * Int(stats.f_frsize)))

            let target = disk + "/cards.csv"
            let full = try sandbox.run(["export", "--format", "csv", target])
            #expect(full.status == 1 && !full.killedBySignal, "\(full)")
            #expect(full.stderr.contains(target) && full.stderr.contains("full"), "\(full)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: disk) == ["filler"], "nothing left beside the filler")

            try FileManager.default.removeItem(atPath: filler)
            let retry = try sandbox.run(["export", "--format", "csv", target])
            #expect(retry.status == 0, "\(retry)")
            #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("front,back,tags,deck,module\n"))
        }

        static func expectSound(_ sandbox: Sandbox, db: String? = nil, answered: Int) throws {
            let store = db ?? sandbox.storePath
            if SQLite3.isInstalled {
                #expect(try SQLite3.query(store, "PRAGMA integrity_check", in: sandbox) == "ok")
                #expect(try SQLite3.query(store, "SELECT count(*) FROM review_log", in: sandbox) == "\(answered)")
            }
            #expect(try sandbox.cards(db: .at(store)).filter { $0.reps >= 1 }.count == answered)
            let next = try sandbox.run(["review", "--deck", "internet", "--new", "1"], stdin: goodGrades(1), db: .at(store))
            #expect(next.status == 0, "\(next)")
            #expect(try sandbox.stats(db: .at(store)).today.answered == answered + 1)
        }
    }
}

enum TinyDisk {
    /// Tries once: mount a 64 kB tmpfs on a temp folder and unmount it again.
    static let canMount: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netcards-tmpfs-probe-\(UUID().uuidString)").path
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)) != nil else { return false }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let mount = try? runProgram(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder],
                                    environment: ProcessInfo.processInfo.environment)
        guard mount?.status == 0 else { return false }
        unmount(folder)
        return true
    }()

    /// A 4 MB tmpfs (room for the store and the day's backup) mounted on the sandbox's `disk` folder; the caller unmounts it.
    static func mount(in sandbox: Sandbox) throws -> String {
        let disk = sandbox.path("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: false)
        let mount = try sandbox.runProgram("/bin/mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", disk])
        try #require(mount.status == 0, "\(mount)")
        return disk
    }

    static func unmount(_ folder: String) {
        _ = try? runProgram(URL(fileURLWithPath: "/bin/umount"), [folder], environment: ProcessInfo.processInfo.environment)
    }
}

enum FileLimit {
    static let prlimit: String? = ["/usr/bin/prlimit", "/bin/prlimit"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs netcards with RLIMIT_FSIZE set to `bytes` and SIGXFSZ ignored (ignored signals survive exec).
    static func run(_ sandbox: Sandbox, bytes: Int, _ arguments: [String], input: String) throws -> ProcessResult {
        let prlimit = try #require(prlimit)
        return try sandbox.runProgram("/bin/sh", ["-c", "trap '' XFSZ; exec \"$@\"", "sh",
                                                        prlimit, "--fsize=\(bytes)", NetcardsBinary.path] + arguments,
                                            stdin: Data(input.utf8))
    }
}
