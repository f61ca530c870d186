import Foundation
import NetcardsTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Reliability {
    /// A file that is not a sound, current netcards store is refused: exit 1, an error that names the file and
    /// says what to do, and the file's bytes exactly as they were — never "repaired" by overwriting it.
    @Suite struct BadStores {
        enum Damage: String, CaseIterable, CustomTestStringConvertible {
            case textFile, randomBytes, sqliteHeaderThenGarbage, truncatedToHalf, scrambledPages, newerNetcards, otherProgramsDatabase
            var testDescription: String { rawValue }

            /// Written with the sqlite3 shell (CI installs it); without it these cases are left out.
            var needsSQLite3: Bool { self == .newerNetcards || self == .otherProgramsDatabase }
            static var testable: [Damage] { allCases.filter { SQLite3.isInstalled || !$0.needsSQLite3 } }
        }

        @Test("a bad store: exit 1, the error names the file, the bytes are unchanged", arguments: Damage.testable)
        func refused(damage: Damage) throws {
            let sandbox = try Sandbox()
            let file = sandbox.path("bad.sqlite")
            try Self.make(damage, at: file, sandbox: sandbox)
            let before = try bytes(of: file)

            for command in [[], ["review"], ["stats", "--json"], ["backup", sandbox.path("copy.sqlite")]] {
                let result = try sandbox.run(command, stdin: goodGrades(3), db: .at(file))
                #expect(result.status == 1 && !result.killedBySignal, "\(command): \(result)")
                #expect(result.stderr.contains(file), "\(command): the error must name \(file): \(result)")
                #expect(result.stderr.hasPrefix("netcards: "), "\(command): \(result)")
                #expect(try bytes(of: file) == before, "\(command) changed \(file)")
            }
            #expect(!FileManager.default.fileExists(atPath: sandbox.path("copy.sqlite")))
            #expect(files(in: sandbox.root, startingWith: "bad.sqlite.bak").isEmpty)
        }

        static func make(_ damage: Damage, at file: String, sandbox: Sandbox) throws {
            var random = SplitMix(seed: 0x5EED)
            switch damage {
            case .textFile:
                try Data("my shopping list\n- eggs\n- milk\n".utf8).write(to: URL(fileURLWithPath: file))
            case .randomBytes:
                try Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &random) }).write(to: URL(fileURLWithPath: file))
            case .sqliteHeaderThenGarbage:
                var data = Data("SQLite format 3\0".utf8)
                data.append(contentsOf: (0..<8176).map { _ in UInt8.random(in: 0...255, using: &random) })
                try data.write(to: URL(fileURLWithPath: file))
            case .truncatedToHalf:
                let real = try Self.realStore(sandbox)
                try real.prefix(real.count / 2).write(to: URL(fileURLWithPath: file))
            case .scrambledPages:
                // A real store whose pages after the first (the schema) are overwritten with noise.
                var real = try Self.realStore(sandbox)
                for index in 4096..<real.count { real[index] = UInt8.random(in: 0...255, using: &random) }
                try real.write(to: URL(fileURLWithPath: file))
            case .newerNetcards:
                try sandbox.createStore(at: file)
                _ = try #require(SQLite3.path, "sqlite3 is needed to write a newer store's migration row: apt-get install sqlite3")
                _ = try SQLite3.query(file, "INSERT INTO grdb_migrations VALUES ('v999')", in: sandbox)
                // sqlite3 checkpoints and removes the WAL as it closes: the file alone is the store now.
                #expect(!FileManager.default.fileExists(atPath: file + "-wal"))
            case .otherProgramsDatabase:
                _ = try #require(SQLite3.path, "sqlite3 is needed to write another program's database: apt-get install sqlite3")
                _ = try SQLite3.query(file, "CREATE TABLE recipe(name TEXT, minutes INTEGER); INSERT INTO recipe VALUES ('bread', 240)", in: sandbox)
            }
        }

        /// The bytes of a store netcards wrote and closed, with a few answers in it.
        static func realStore(_ sandbox: Sandbox) throws -> Data {
            let path = sandbox.path("real.sqlite")
            try sandbox.createStore(at: path)
            let review = try sandbox.run(["review", "--new", "5"], stdin: goodGrades(5), db: .at(path))
            try #require(review.status == 0, "\(review)")
            if SQLite3.isInstalled {
                // Fold the WAL into the main file, so the copy holds every page.
                _ = try SQLite3.query(path, "PRAGMA wal_checkpoint(TRUNCATE)", in: sandbox)
            }
            return try bytes(of: path)
        }

        @Test("an empty file becomes a new store (there is nothing in it to lose)")
        func emptyFileBecomesStore() throws {
            let sandbox = try Sandbox()
            #expect(FileManager.default.createFile(atPath: sandbox.storePath, contents: Data()))
            let result = try sandbox.run([])
            #expect(result.status == 0, "\(result)")
            #expect(try sandbox.cards().isEmpty == false)
        }

        /// Root ignores file permissions, so as root (the usual container) the folder stays writable: skipped.
        @Test("a read-only folder: a clear error naming the store, exit 1, nothing created",
              .enabled(if: getuid() != 0, "running as root: chmod does not stop root from writing"))
        func readOnlyFolder() throws {
            let sandbox = try Sandbox()
            let folder = sandbox.path("locked")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            #expect(chmod(folder, 0o555) == 0)
            defer { _ = chmod(folder, 0o755) }
            let file = folder + "/netcards.sqlite"
            let result = try sandbox.run([], db: .at(file))
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains(file), "\(result)")
            #expect(!FileManager.default.fileExists(atPath: file))
        }

        @Test("a read-only store file: a clear error naming it, exit 1, bytes unchanged",
              .enabled(if: getuid() != 0, "running as root: chmod does not stop root from writing"))
        func readOnlyStore() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            if SQLite3.isInstalled { _ = try SQLite3.query(sandbox.storePath, "PRAGMA wal_checkpoint(TRUNCATE)", in: sandbox) }
            #expect(chmod(sandbox.storePath, 0o444) == 0)
            let before = try bytes(of: sandbox.storePath)
            let result = try sandbox.run(["review", "--new", "1"], stdin: goodGrades(1))
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains(sandbox.storePath), "\(result)")
            #expect(try bytes(of: sandbox.storePath) == before)
        }

        /// Opening a store whose migrations are all applied must not copy it: `.bak-vN` is for a real migration.
        /// The copy made before a migration can only be exercised once there is a v2 migration (a store left at
        /// v1 is then the "older store"); until then this checks the negative case.
        @Test("opening a current store makes no .bak-v copy")
        func noBackupForCurrentStore() throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            for _ in 0..<2 {
                let result = try sandbox.run([])
                #expect(result.status == 0, "\(result)")
            }
            #expect(files(in: sandbox.root, startingWith: "netcards.sqlite.bak").isEmpty)
        }
    }
}

/// SplitMix64: the same "random" bytes on every run.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
