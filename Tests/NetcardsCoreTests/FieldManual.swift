import Foundation
import NetcardsCore

/// The repository's files, found from this source file so tests run from any working directory.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // NetcardsCoreTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent()

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// Every deck file of Decks/, by file name, in name order.
    static func deckFiles() throws -> [(name: String, bytes: [UInt8])] {
        let folder = root.appendingPathComponent("Decks")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".md") }
            .sorted()
            .map { ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }
}

/// The field manual the bundled decks are written from (a copy in Tests/Fixtures/field-manual.txt).
struct FieldManual {
    struct Table {
        var header: [String]
        var rows: [[String]]
    }

    struct Port {
        var number: String
        var service: String
    }

    var tables: [Table] = []
    var ports: [Port] = []

    init(_ text: String) {
        var block: [[String]] = []
        func closeBlock() {
            // A header is the row right above a separator row; tables may follow each other without a blank line.
            let isSeparator = block.map { $0.allSatisfy { $0.allSatisfy { "-: ".contains($0) } } }
            let headers = isSeparator.indices.filter { $0 + 1 < block.count && isSeparator[$0 + 1] }
            for (index, start) in headers.enumerated() {
                let end = index + 1 < headers.count ? headers[index + 1] : block.count
                tables.append(Table(header: block[start], rows: Array(block[(start + 2)..<end])))
            }
            block = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("|") {
                block.append(Self.cells(trimmed))
                continue
            }
            closeBlock()
            // Port lines: "22 ssh," … "2379-2380 etcd."
            let words = trimmed.split(separator: " ")
            if words.count == 2, let last = trimmed.last, last == "," || last == ".",
               words[0].allSatisfy({ $0.isNumber || $0 == "-" }), words[0].first?.isNumber == true {
                ports.append(Port(number: String(words[0]), service: String(words[1].dropLast())))
            }
        }
        closeBlock()
    }

    static func cells(_ row: String) -> [String] {
        var parts = row.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        parts.removeFirst()
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    static func load() throws -> FieldManual {
        FieldManual(try Repository.text("Tests/Fixtures/field-manual.txt"))
    }
}

/// Text a learner sees or types, compared word by word (case, punctuation and spacing ignored).
func mentions(_ text: String, _ phrase: String) -> Bool {
    let haystack = " " + AnswerChecker.normalize(text) + " "
    let needle = " " + AnswerChecker.normalize(phrase) + " "
    return needle.count > 2 && haystack.contains(needle)
}
