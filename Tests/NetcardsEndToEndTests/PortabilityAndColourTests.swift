import Foundation
import NetcardsTestSupport
import Testing

@Suite("A copied binary, and colour")
struct PortabilityAndColourTests {
    @Test("the binary copied alone to another folder still knows the 5 bundled decks")
    func copiedBinary() throws {
        let sandbox = try Sandbox()
        let folder = sandbox.root.appending(path: "elsewhere/bin", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appending(path: "netcards")
        try FileManager.default.copyItem(at: try NetcardsBinary.require(), to: copy)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["netcards"])

        let result = try sandbox.run(["decks"], executable: copy)
        #expect(result.status == 0, "\(result)")
        let sources = try DeckSources.parsed()
        #expect(sources.count == 5)
        for deck in sources {
            #expect(result.stdout.contains(deck.name), "lists \(deck.name)")
            #expect(result.stdout.contains(deck.module), "lists \(deck.module)")
        }
        let listed = result.stdout.split(separator: "\n").dropFirst()  // the header
        #expect(listed.count == 6, "the five decks and the labs")
        #expect(listed.last?.hasPrefix("labs ") == true, "\(result.stdout)")

        // None of netcards' own targets reads a resource bundle (SwiftPM's Bundle.module falls back to an
        // absolute path in the build folder, which a copied binary doesn't have).
        let binary = try Data(contentsOf: copy)
        #expect(Self.resourceBundles(in: binary).filter { $0.hasPrefix("netcards_") } == [])
    }

    @Test("the copied binary runs with the whole build folder out of sight",
          .enabled(if: BuildFolderHiding.isAvailable, "needs unshare(1) with user and mount namespaces"))
    func copiedBinaryWithoutBuildFolder() throws {
        let sandbox = try Sandbox()
        let copy = sandbox.root.appending(path: "netcards")
        try FileManager.default.copyItem(at: try NetcardsBinary.require(), to: copy)
        // <scratch>/<triple>/debug/netcards: cover <scratch>/<triple> with an empty tmpfs in a private
        // mount namespace, so not even SwiftPM's absolute fallback paths into the build exist.
        let buildFolder = try NetcardsBinary.require().resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent()
        let result = try sandbox.runProgram(BuildFolderHiding.unshare.path,
            ["--mount", "--map-root-user", "sh", "-c", #"mount -t tmpfs none "$1" && shift && exec "$@""#, "sh",
             buildFolder.path, copy.path, "decks", "--db", sandbox.storePath])
        #expect(result.status == 0, "\(result)")
        for deck in try DeckSources.parsed() {
            #expect(result.stdout.contains(deck.name), "lists \(deck.name)")
        }
    }

    /// The bundle names (`X.resources`) a binary carries paths to.
    static func resourceBundles(in binary: Data) -> Set<String> {
        let suffix = Data(".resources".utf8)
        var names: Set<String> = []
        var searchFrom = binary.startIndex
        while let found = binary.range(of: suffix, in: searchFrom..<binary.endIndex) {
            var start = found.lowerBound
            while start > binary.startIndex, found.lowerBound - start < 200 {
                let byte = binary[start - 1]
                guard byte != UInt8(ascii: "/"), (0x21...0x7E).contains(byte) else { break }
                start -= 1
            }
            names.insert(String(decoding: binary[start..<found.upperBound], as: UTF8.self))
            searchFrom = found.upperBound
        }
        return names
    }

    @Test("piped output has no escape codes", arguments: [[], ["decks"], ["cards"], ["review", "--new", "1"]])
    func pipedIsPlain(arguments: [String]) throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(arguments, stdin: "x\n1\n", env: ["TERM": "xterm-256color"])
        #expect(result.status == 0, "\(result)")
        #expect(!result.stdoutData.containsEscape)
        #expect(!result.stderrData.containsEscape)
    }

    @Test("--color always colours even a pipe, and even with NO_COLOR set")
    func alwaysColours() throws {
        let sandbox = try Sandbox()
        let plain = try sandbox.run(["decks", "--color", "always"])
        #expect(plain.status == 0, "\(plain)")
        #expect(plain.stdoutData.containsEscape)
        let noColor = try sandbox.run(["--color", "always"], env: ["NO_COLOR": "1"])
        #expect(noColor.stdoutData.containsEscape)
        let never = try sandbox.run(["--color", "never"])
        #expect(!never.stdoutData.containsEscape)
    }

    @Test("on a terminal colour is on by default, and NO_COLOR (or TERM=dumb) turns it off")
    func terminalColour() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.cards()  // create the store first

        let coloured = try sandbox.terminal([])
        try coloured.expect("netcards review")
        #expect(try coloured.waitForExit() == 0)
        #expect(coloured.rawOutput.contains(0x1B), "colour on a terminal: \(coloured.transcript)")

        for env in [["NO_COLOR": "1"], ["TERM": "dumb"]] {
            let plain = try sandbox.terminal([], env: env)
            try plain.expect("netcards review")
            #expect(try plain.waitForExit() == 0)
            #expect(!plain.rawOutput.contains(0x1B), "\(env): \(plain.transcript)")
        }
    }
}

enum BuildFolderHiding {
    static let unshare = URL(fileURLWithPath: "/usr/bin/unshare")

    /// unshare(1) exists and may make user + mount namespaces here (not every CI runner allows it).
    static let isAvailable: Bool = {
        guard FileManager.default.isExecutableFile(atPath: unshare.path) else { return false }
        let probe = try? runProgram(unshare, ["--mount", "--map-root-user", "sh", "-c", "mount -t tmpfs none /mnt"],
                                    environment: ["PATH": "/usr/bin:/bin"], timeout: .seconds(10))
        return probe?.status == 0
    }()
}
