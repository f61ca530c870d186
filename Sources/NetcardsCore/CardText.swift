/// A card's question as prose and verbatim code blocks. A deck writes a code block as a Markdown fence
/// (```` ``` ````) and the question keeps it, so the text stays plain Markdown in the store, exports and JSON;
/// the views read it back with `blocks(of:)` and show code lines as they are, never wrapped or reflowed.
public enum CardText {
    public enum Block: Hashable, Sendable {
        case prose(String)
        /// The lines between the fences, exactly as written (leading spaces and tabs kept).
        case code([String])
    }

    public static func blocks(of text: String) -> [Block] {
        var blocks: [Block] = []
        var prose: [String] = []
        func closeProse() {
            let joined = prose.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !joined.isEmpty { blocks.append(.prose(joined)) }
            prose = []
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        while let line = lines.popFirst() {
            guard let fence = CodeFence(opening: line) else {
                prose.append(line)
                continue
            }
            closeProse()
            var code: [String] = []
            while let inner = lines.popFirst(), !fence.closes(inner) { code.append(inner) }
            blocks.append(.code(code))
        }
        closeProse()
        return blocks
    }

    /// Blocks back as text: prose as it is, code fenced, one line break between — the form the parser gives
    /// every question, so an exported deck reads back the same.
    public static func text(of blocks: [Block]) -> String {
        blocks.map { block in
            switch block {
            case .prose(let text): text
            case .code(let lines): fenced(lines)
            }
        }.joined(separator: "\n")
    }

    /// The prose of a question, without its code blocks.
    public static func prose(of text: String) -> String {
        blocks(of: text).compactMap { block -> String? in if case .prose(let prose) = block { prose } else { nil } }
            .joined(separator: "\n")
    }

    /// The code lines of a question, every block's in order.
    public static func codeLines(of text: String) -> [String] {
        blocks(of: text).flatMap { block -> [String] in if case .code(let lines) = block { lines } else { [] } }
    }

    /// `lines` as a fenced block, its fence longer than any backtick run that starts a line inside.
    public static func fenced(_ lines: [String]) -> String {
        let longest = lines.map { $0.drop(while: { $0 == " " }).prefix(while: { $0 == "`" }).count }.max() ?? 0
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return ([fence] + lines + [fence]).joined(separator: "\n")
    }

    /// How many terminal columns a code line takes with its tabs expanded (tab stops every 8 columns).
    public static func width(of line: String) -> Int { expandingTabs(line).count }

    /// A code line with each tab replaced by the spaces up to the next tab stop (every 8 columns).
    public static func expandingTabs(_ line: String) -> String {
        guard line.contains("\t") else { return line }
        var result = ""
        var column = 0
        for character in line {
            if character == "\t" {
                let spaces = 8 - column % 8
                result += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                result.append(character)
                column += 1
            }
        }
        return result
    }
}

/// A Markdown code fence (CommonMark): a line of three or more backticks or tildes, indented at most three
/// spaces, optionally followed by an info string (```` ```text ````); closed by a line of at least as many
/// of the same character and nothing else.
public struct CodeFence: Hashable, Sendable {
    public let marker: Character
    public let length: Int

    public init?(opening line: String) {
        let indent = line.prefix(while: { $0 == " " }).count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let marker = rest.first, marker == "`" || marker == "~" else { return nil }
        let length = rest.prefix(while: { $0 == marker }).count
        guard length >= 3 else { return nil }
        if marker == "`" && rest.dropFirst(length).contains("`") { return nil }
        self.marker = marker
        self.length = length
    }

    public func closes(_ line: String) -> Bool {
        let indent = line.prefix(while: { $0 == " " }).count
        guard indent <= 3 else { return false }
        let rest = line.dropFirst(indent).trimmingCharacters(in: .whitespaces)
        return rest.count >= length && rest.allSatisfy { $0 == marker }
    }
}
