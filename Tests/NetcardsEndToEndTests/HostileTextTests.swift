import Foundation
import NetcardsTestSupport
import Testing

/// Card text that tries to drive the terminal (retitle the window, clear the screen, a C1 CSI) is shown with
/// its control characters escaped, `\u{1b}` style, in every command and with colour on or off.
@Suite("Control characters in card text")
struct HostileTextTests {
    /// OSC 0 (set the window title, ended by BEL), ED 2 (clear the screen), and CSI as the one-byte C1 control.
    static let front = "Title \u{1B}]0;pwned\u{07} here \u{1B}[2J clear \u{9B}31m csi"
    static let back = "answer \u{1B}[31mred"
    static let module = "Evil \u{1B}]0;mod\u{07} module"

    static let shownFront = #"Title \u{1b}]0;pwned\u{07} here \u{1b}[2J clear \u{9b}31m csi"#
    static let shownBack = #"answer \u{1b}[31mred"#
    static let shownModule = #"Evil \u{1b}]0;mod\u{07} module"#

    /// A store holding one hostile card in deck `evil`, imported from CSV.
    private func hostileStore() throws -> (Sandbox, ProcessResult) {
        let sandbox = try Sandbox()
        let csv = sandbox.path("evil.csv")
        let quoted = { (field: String) in "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        try Data("front,back,module\n\(quoted(Self.front)),\(quoted(Self.back)),\(quoted(Self.module))\n".utf8)
            .write(to: URL(fileURLWithPath: csv))
        let imported = try sandbox.run(["import", csv, "--color", "never"])
        return (sandbox, imported)
    }

    @Test("the import summary, cards, decks, stats and a piped review show the controls, never send them",
          arguments: ["never", "always"])
    func commands(color: String) throws {
        let (sandbox, imported) = try hostileStore()
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stdout.contains(Self.shownModule), "\(imported)")
        #expect(TerminalBytes.unexpectedControls(in: imported.stdoutData, colour: false) == [], "\(imported)")

        let runs: [(command: [String], stdin: String, shows: [String])] = [
            (["cards", "--deck", "evil"], "", [Self.shownFront]),
            (["decks"], "", [Self.shownModule]),
            (["stats"], "", [Self.shownModule]),
            (["review", "--deck", "evil"], "wrong\n1\n", [Self.shownFront, Self.shownBack]),
        ]
        for run in runs {
            let result = try sandbox.run(run.command + ["--color", color], stdin: run.stdin)
            #expect(result.status == 0, "\(run.command): \(result)")
            for text in run.shows { #expect(result.stdout.contains(text), "\(run.command) shows \(text): \(result)") }
            #expect(TerminalBytes.unexpectedControls(in: result.stdoutData, colour: color == "always") == [],
                    "\(run.command) --color \(color): \(result)")
            #expect(TerminalBytes.unexpectedControls(in: result.stderrData, colour: false) == [], "\(run.command): \(result)")
        }
    }

    @Test("an error message quoting a name with controls escapes them on stderr")
    func errorMessage() throws {
        let (sandbox, _) = try hostileStore()
        let result = try sandbox.run(["cards", "--deck", "nope\u{1B}]0;x\u{07}"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains(#"nope\u{1b}]0;x\u{07}"#), "\(result)")
        #expect(TerminalBytes.unexpectedControls(in: result.stderrData, colour: false) == [], "\(result)")
    }

    @Test("--json keeps the exact text, escaped as JSON, with no raw control byte (C1 included)")
    func json() throws {
        let (sandbox, _) = try hostileStore()
        let cards = try sandbox.cards(["--deck", "evil"])
        #expect(cards.map(\.front) == [Self.front])
        #expect(cards.map(\.back) == [Self.back])
        for command in [["cards", "--json"], ["decks", "--json"], ["stats", "--json"]] {
            let result = try sandbox.run(command)
            #expect(result.status == 0, "\(result)")
            #expect(TerminalBytes.unexpectedControls(in: result.stdoutData, colour: false) == [], "\(command): \(result)")
            #expect((try? JSONSerialization.jsonObject(with: result.stdoutData)) != nil, "\(command) prints valid JSON")
        }
        let decks = try sandbox.run(["decks", "--json"])
        let modules = try #require(try JSONSerialization.jsonObject(with: decks.stdoutData) as? [[String: Any]])
            .compactMap { $0["module"] as? String }
        #expect(modules.contains(Self.module))
    }

    @Test("review on a terminal shows the card's controls escaped, colour on")
    func terminalReview() throws {
        let (sandbox, _) = try hostileStore()
        let term = try sandbox.terminal(["review", "--deck", "evil"])
        try term.expectPrompt("answer> ")
        try term.type("wrong\r")
        try term.expectPrompt("grade 0-5")
        try term.type("1\r")
        try term.expectPrompt("answer> ")  // the lapsed card again; Ctrl-D before raw mode would be lost
        try term.pressControlD()
        _ = try term.waitForExit()
        let raw = term.rawOutput
        #expect(term.transcript.contains(Self.shownFront), "\(term.transcript)")
        #expect(term.transcript.contains(Self.shownBack), "\(term.transcript)")
        #expect(raw.contains(0x1B), "colour is on, so netcards' own codes are there")
        for forbidden in ["\u{1B}]0;pwned", "\u{1B}[2J", "\u{9B}", "\u{1B}[31mred"] {
            #expect(TerminalBytes.find(Array(forbidden.utf8), in: raw) == false, "\(forbidden.debugDescription) reached the terminal raw")
        }
    }
}

/// Looks for control bytes a terminal would obey.
enum TerminalBytes {
    /// Every control character in `data` but newline and tab (and, when `colour`, SGR sequences
    /// `ESC [ digits ; … m`), as "offset: U+XXXX".
    static func unexpectedControls(in data: Data, colour: Bool) -> [String] {
        let scalars = Array(String(decoding: data, as: UTF8.self).unicodeScalars)
        var found: [String] = []
        var index = 0
        while index < scalars.count {
            let value = scalars[index].value
            if colour, value == 0x1B, let end = sgrEnd(scalars, from: index) {
                index = end
                continue
            }
            if (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value) {
                found.append("\(index): U+\(String(value, radix: 16))")
            }
            index += 1
        }
        return found
    }

    /// The index after an SGR sequence starting at `start` (an ESC), or nil if none starts there.
    private static func sgrEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        while index < scalars.count, ("0"..."9").contains(scalars[index]) || scalars[index] == ";" { index += 1 }
        return index < scalars.count && scalars[index] == "m" ? index + 1 : nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
