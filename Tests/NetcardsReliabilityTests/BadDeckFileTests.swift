import Foundation
import NetcardsTestSupport
import Testing

extension Reliability {
    /// `netcards import` of a file that is no deck: a clear error naming the file, exit 1, the store unchanged.
    /// Runs only once the binary has an `import` command (issue 6); until then every case is skipped.
    @Suite(.enabled(if: ImportCommand.exists, "the built netcards has no import command yet"))
    struct BadDeckFiles {
        enum BadFile: String, CaseIterable, CustomTestStringConvertible {
            case empty, binary, invalidUTF8, fiveMegabyteLine, threeThousandErrors
            var testDescription: String { rawValue }

            var contents: Data {
                switch self {
                case .empty:
                    return Data()
                case .binary:
                    var random = SplitMix(seed: 42)
                    return Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) })
                case .invalidUTF8:
                    // A good deck but for one Latin-1 byte (é as 0xE9) in a card.
                    var data = Data("---\ndeck: latin\nmodule: Latin-1\n---\n\nQ: Caf".utf8)
                    data.append(0xE9)
                    data.append(contentsOf: Array("? {#cafe}\nA: coffee\n".utf8))
                    return data
                case .fiveMegabyteLine:
                    // One line of 5 MB and no front matter.
                    return Data(String(repeating: "x", count: 5 << 20).utf8)
                case .threeThousandErrors:
                    var text = "---\ndeck: many-errors\nmodule: Errors\n---\n\n"
                    for index in 0..<3000 { text += "A: an answer without its question \(index)\n" }
                    return Data(text.utf8)
                }
            }
        }

        @Test("a bad deck file: exit 1, the error names the file, the store unchanged", arguments: BadFile.allCases)
        func refused(file: BadFile) throws {
            let sandbox = try Sandbox()
            try sandbox.createStore()
            let deck = sandbox.path("\(file.rawValue).md")
            try file.contents.write(to: URL(fileURLWithPath: deck))
            let before = try StoreSnapshot.take(sandbox)

            let result = try sandbox.run(["import", deck], timeout: .seconds(120))
            #expect(result.status == 1 && !result.killedBySignal, "\(result)")
            #expect(result.stderr.contains(deck) || result.stderr.contains("\(file.rawValue).md"), "\(result)")
            #expect(try StoreSnapshot.take(sandbox) == before, "the failed import changed the store")

            if file == .threeThousandErrors {
                let located = result.stderr.components(separatedBy: "\n").filter { $0.contains("\(file.rawValue).md:") }
                #expect(located.count == 20, "the report lists the first 20 errors: \(result)")
                #expect(result.stderr.contains("… and 2980 more"), "\(result)")
            }
        }
    }
}

enum ImportCommand {
    /// `netcards import --help` prints the root help (exit 0) while there is no such command, so look for its usage line.
    static let exists: Bool = {
        guard let help = try? runProgram(NetcardsBinary.require(), ["import", "--help"], environment: [:]) else { return false }
        return help.status == 0 && help.stdout.contains("USAGE: netcards import")
    }()
}

/// What a store holds, to compare before and after a command that must change nothing.
struct StoreSnapshot: Equatable {
    var dump: String?
    var cards: String
    var decks: String

    static func take(_ sandbox: Sandbox) throws -> StoreSnapshot {
        let cards = try sandbox.run(["cards", "--json"])
        let decks = try sandbox.run(["decks", "--json"])
        let dump = SQLite3.isInstalled ? try SQLite3.query(sandbox.storePath, ".dump", in: sandbox) : nil
        return StoreSnapshot(dump: dump, cards: cards.stdout, decks: decks.stdout)
    }
}
