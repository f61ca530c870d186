import NetcardsCore
import NetcardsTerminal

/// Shows a typed answer against the expected one, with the differing characters marked.
enum AnswerFeedback {
    static func render(typed: String, check: AnswerCheck, style: Style) -> TerminalText {
        let verdict: TerminalText
        switch check.verdict {
        case .correct: verdict = style.green("✓ correct")
        case .almost: verdict = style.yellow("≈ almost — one letter off")
        case .partial: verdict = style.yellow("½ half right — the answer is a range")
        case .wrong: verdict = style.red("✗ not quite")
        }
        if check.verdict == .correct {
            return "\(verdict)  \(style.bold("\(check.closest)"))"
        }
        var lines: [TerminalText] = [verdict]
        if typed.trimmingCharacters(in: .whitespaces).isEmpty {
            lines.append("  answer: \(style.bold("\(check.closest)"))")
            return lines.joined(separator: "\n")
        }
        let marks = AnswerDiff.mismatches(typed: typed, expected: check.closest)
        let paintedTyped = zip(typed, marks).map { char, wrong in wrong ? style.red("\(char)") : "\(char)" }.joined()
        lines.append("  you typed: \(paintedTyped)")
        if marks.contains(true) && !style.colored {
            lines.append("             \(marks.map { $0 ? "^" : " " }.joined().trimmingTrailingSpaces())")
        }
        lines.append("  answer:    \(style.bold("\(check.closest)"))")
        return lines.joined(separator: "\n")
    }
}
