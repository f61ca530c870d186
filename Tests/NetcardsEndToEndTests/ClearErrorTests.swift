import Foundation
import NetcardsTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Errors that used to mislead: a pipe as an import file ("permission"), a device as the store ("try again"), a
/// header of 100,000 columns echoed whole into the message. Each now says what is wrong, exits 1 and changes
/// nothing.
@Suite("clear errors for pipes, devices and huge headers")
struct ClearErrorTests {
    @Test("import <(…): exit 1, it is not a regular file but a pipe; nothing imported")
    func processSubstitution() throws {
        let sandbox = try Sandbox()
        let before = try sandbox.cards().count
        let netcards = try NetcardsBinary.require().path
        let result = try sandbox.runProgram("/bin/bash", ["-c", "exec \"$0\" import <(printf 'front,back\\na,b\\n') --db \"$1\"",
                                                          netcards, sandbox.storePath])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("/dev/fd/") && result.stderr.contains("not a regular file but a pipe"), "\(result)")
        #expect(!result.stderr.contains("permission"), "\(result)")
        #expect(try sandbox.cards().count == before)
    }

    @Test("import of a FIFO (a writer waiting): exit 1, the message names it and says it is a pipe")
    func fifo() throws {
        let sandbox = try Sandbox()
        let fifo = sandbox.path("deck.csv")
        try #require(mkfifo(fifo, 0o600) == 0)
        let writer = FIFOWriter(fifo, text: "front,back\na,b\n")
        defer { writer.release() }
        let result = try sandbox.run(["import", fifo])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("\(fifo): is not a regular file but a pipe"), "\(result)")
        #expect(result.stderr.contains("save the content to a file first"), "\(result)")
    }

    /// A character device like /dev/null: made in the sandbox when root (so whatever SQLite might create beside
    /// it stays there), else /dev/null itself, which a user other than root cannot create files beside.
    @Test("--db on a device: exit 1, not a file netcards can store into; nothing created beside it")
    func deviceAsStore() throws {
        let sandbox = try Sandbox()
        var device = "/dev/null"
        if getuid() == 0 {
            device = sandbox.path("null")
            try #require(mknod(device, mode_t(S_IFCHR) | 0o666, dev_t(1 << 8 | 3)) == 0)
        }
        for arguments in [["stats"], ["review"]] {
            let result = try sandbox.run(arguments + ["--db", device], db: .unnamed)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("\(device) is a character device, not a file netcards can store into"), "\(result)")
            #expect(!result.stderr.contains("try again"), "\(result)")
        }
        for suffix in ["-journal", "-wal", "-shm"] {
            #expect(!FileManager.default.fileExists(atPath: device + suffix), "\(device + suffix) was created")
        }
    }

    @Test("--db on a folder: exit 1, it is a folder, with a file name to use instead")
    func folderAsStore() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(["stats", "--db", sandbox.root.path], db: .unnamed)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("is a folder") && result.stderr.contains("netcards.sqlite"), "\(result)")
    }

    @Test("a CSV header of 100,000 columns: one short message naming file and line, the header cut with …")
    func hugeHeader() throws {
        let sandbox = try Sandbox()
        let file = sandbox.path("wide.csv")
        let header = (0..<100_000).map { "column\($0)" }.joined(separator: ",")
        try (header + "\na,b\n").write(toFile: file, atomically: false, encoding: .utf8)
        let result = try sandbox.run(["import", file])
        #expect(result.status == 1, "\(result.stderr.prefix(300))")
        #expect(result.stderr.hasPrefix("netcards: \(file):1: the header has an unknown column `column0`"), "\(result.stderr.prefix(300))")
        #expect(result.stderr.contains("column0, column1") && result.stderr.contains("…"), "\(result.stderr.prefix(300))")
        #expect(result.stderr.utf8.count < 500, "the message is \(result.stderr.utf8.count) bytes")
    }
}

/// Writes `text` into a FIFO once a reader opens it; `release` unblocks a writer no reader ever came for.
private final class FIFOWriter: @unchecked Sendable {
    private let path: String

    init(_ path: String, text: String) {
        self.path = path
        Thread {
            let descriptor = open(path, O_WRONLY)
            guard descriptor >= 0 else { return }
            _ = text.utf8CString.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count - 1) }
            close(descriptor)
        }.start()
    }

    func release() {
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        if reader >= 0 { usleep(50_000); close(reader) }
    }
}
