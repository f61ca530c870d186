import NetcardsCore
import NetcardsTerminal

/// A card's question or answer on the terminal: prose as given (styled by the caller), and each line of a code
/// block verbatim after a margin — never wrapped or reflowed, tabs expanded so columns line up — with a blank
/// line around the block. Like all text, a block's control characters are shown escaped, never obeyed.
enum CardTextView {
    static let codeMargin = "  "

    static func render(_ text: String, prose: (TerminalText) -> TerminalText = { $0 }) -> TerminalText {
        var lines: [TerminalText] = []
        for block in CardText.blocks(of: text) {
            switch block {
            case .prose(let text):
                lines.append(prose(TerminalText(text)))
            case .code(let code):
                if !lines.isEmpty { lines.append("") }
                lines += codeLines(code).map { TerminalText($0) }
                lines.append("")
            }
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The lines of a code block as the terminal shows them.
    static func codeLines(_ code: [String]) -> [String] {
        code.map { (codeMargin + CardText.expandingTabs($0)).trimmingTrailingSpaces() }
    }
}
