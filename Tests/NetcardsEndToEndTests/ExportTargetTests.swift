import Foundation
import NetcardsTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Where `netcards export` may write: `-` is standard output, a symlink is written through (and stays a
/// symlink), a FIFO or device is written to rather than replaced, and nothing of netcards' temp files stays.
@Suite("export targets: stdout, symlinks, FIFOs and devices")
struct ExportTargetTests {
    static let csvHeader = "front,back,tags,deck,module\n"

    @Test("export to - prints the CSV on stdout, byte for byte what a file gets, and creates no file")
    func standardOutput() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(["export", "--format", "csv", "-"], directory: sandbox.root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix(Self.csvHeader), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("-")))
        let file = sandbox.path("cards.csv")
        #expect(try sandbox.run(["export", "--format", "csv", file]).status == 0)
        #expect(result.stdoutData == (try Data(contentsOf: URL(fileURLWithPath: file))))

        // /dev/stdout names the same pipe through /proc's links: written to, with the summary after the content.
        let devStdout = try sandbox.run(["export", "--format", "csv", "/dev/stdout"])
        #expect(devStdout.status == 0, "\(devStdout)")
        #expect(devStdout.stdout.hasPrefix(result.stdout) && devStdout.stdout.hasSuffix("to /dev/stdout\n"), "\(devStdout)")
        #expect(leftovers(in: sandbox).isEmpty)
    }

    @Test("--force through a symlink writes the file it names; the link stays a link")
    func throughSymlink() throws {
        let sandbox = try Sandbox()
        let real = sandbox.path("real.csv"), link = sandbox.path("link.csv")
        try "old content\n".write(toFile: real, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.csv")

        let refused = try sandbox.run(["export", "--format", "csv", link])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("--force"), "\(refused)")
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "old content\n")

        let forced = try sandbox.run(["export", "--format", "csv", "--force", link])
        #expect(forced.status == 0, "\(forced)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.csv")
        #expect(try String(contentsOfFile: real, encoding: .utf8).hasPrefix(Self.csvHeader))
        #expect(leftovers(in: sandbox).isEmpty)
    }

    @Test("a symlink to a file not there yet: the file is created where the link points")
    func danglingSymlink() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(atPath: sandbox.path("out"), withIntermediateDirectories: false)
        let link = sandbox.path("link.csv")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "out/new.csv")
        let result = try sandbox.run(["export", "--format", "csv", link])
        #expect(result.status == 0, "\(result)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "out/new.csv")
        #expect(try String(contentsOfFile: sandbox.path("out/new.csv"), encoding: .utf8).hasPrefix(Self.csvHeader))
    }

    @Test("a FIFO is written to (a reader gets the CSV) and is still a FIFO afterwards")
    func fifo() throws {
        let sandbox = try Sandbox()
        let fifo = sandbox.path("pipe.csv")
        try #require(mkfifo(fifo, 0o600) == 0)
        let reader = FIFOReader(fifo)
        let result = try sandbox.run(["export", "--format", "csv", fifo])
        let received = try reader.finish()
        #expect(result.status == 0, "\(result)")
        #expect(received.hasPrefix(Self.csvHeader), "the reader got: \(received.prefix(200))")
        #expect(fileType(fifo) == S_IFIFO)
        #expect(leftovers(in: sandbox).isEmpty)
    }

    /// A character device made in the sandbox (as /dev/null is: 1, 3), so a regression replaces only this node.
    @Test("a device is written to, not replaced by a regular file", .enabled(if: getuid() == 0, "mknod needs root"))
    func device() throws {
        let sandbox = try Sandbox()
        let device = sandbox.path("null")
        try #require(mknod(device, mode_t(S_IFCHR) | 0o666, dev_t(1 << 8 | 3)) == 0)
        for arguments in [["export", "--format", "csv", device], ["export", "--format", "csv", "--force", device]] {
            let result = try sandbox.run(arguments)
            #expect(result.status == 0, "\(result)")
            #expect(fileType(device) == S_IFCHR, "\(arguments)")
        }
        #expect(leftovers(in: sandbox).isEmpty)
    }

    @Test("a folder as the target: exit 1, the message says it is a folder")
    func folder() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(["export", "--format", "csv", "--force", sandbox.root.path])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("is a folder"), "\(result)")
    }

    private func fileType(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    private func leftovers(in sandbox: Sandbox) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: sandbox.root.path)) ?? []).filter { $0.hasPrefix(".netcards-") || $0.hasSuffix(".tmp") }
    }
}

/// Reads a FIFO to its end on a thread of its own; `finish` releases a reader still waiting for a writer (the
/// command failed without opening the FIFO) and returns what arrived.
private final class FIFOReader: @unchecked Sendable {
    private let path: String
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ path: String) {
        self.path = path
        Thread { [self] in
            if let handle = FileHandle(forReadingAtPath: path) {
                data = handle.readDataToEndOfFile()
                try? handle.close()
            }
            done.signal()
        }.start()
    }

    func finish() throws -> String {
        if done.wait(timeout: .now() + 1) == .timedOut {
            let writer = open(path, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
            try #require(done.wait(timeout: .now() + 60) == .success, "the FIFO reader never finished")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
