import Foundation
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
        #expect(listed.count == 5)
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
