import NetcardsCore
import NetcardsTerminal

/// Shows a typed answer against the expected one: the verdict's mark first (✓ ≈ ✗), then, unless it was right,
/// both answers word by word with extra and missing words marked (in colour, or with a caret line in plain
/// output).
enum AnswerFeedback {
    static func render(typed: String, check: AnswerCheck, style: Style) -> TerminalText {
        if check.verdict == .correct {
            return ["\(verdictLine(check, style: style))  \(style.bold("\(check.closest)"))", alsoAccepted(check.alsoAccepted, style: style)]
                .compactMap { $0 }.joined(separator: "\n")
        }
        var lines = [verdictLine(check, style: style)]
        if typed.trimmingCharacters(in: .whitespaces).isEmpty {
            lines.append("  answer: \(style.bold("\(check.closest)"))")
            return lines.joined(separator: "\n")
        }
        let diff = AnswerDiff(typed: typed, expected: check.closest)
        lines += painted("  you typed: ", diff.typed, style: style, mark: style.red)
        lines += painted("  answer:    ", diff.expected, style: style, mark: { style.bold(style.yellow($0)) }, plain: style.bold)
        if check.verdict == .almost, let also = alsoAccepted(check.alsoAccepted, style: style) { lines.append(also) }
        return lines.joined(separator: "\n")
    }

    static func verdictLine(_ check: AnswerCheck, style: Style) -> TerminalText {
        switch check.verdict {
        case .correct: style.green("✓ correct")
        case .almost: style.yellow(check.extraOptions ? "≈ almost — an option more than asked" : "≈ almost — one letter off")
        case .partial: style.yellow("≈ partly: \(check.partly?.matched ?? 1) of \(check.partly?.of ?? 2)")
        case .wrong: style.red("✗ not quite")
        }
    }

    /// `also accepted: a · b · c`, or nil when there is nothing else to show.
    static func alsoAccepted(_ answers: [String], style: Style) -> TerminalText? {
        answers.isEmpty ? nil : style.dim("  also accepted: \(answers.joined(separator: " · "))")
    }

    /// The words on one line, marked ones coloured; without colour, a second line of carets under them.
    private static func painted(_ label: String, _ words: [AnswerDiff.Word], style: Style,
                                mark: (TerminalText) -> TerminalText,
                                plain: (TerminalText) -> TerminalText = { $0 }) -> [TerminalText] {
        var text: [TerminalText] = []
        var carets: [String] = []
        for word in words {
            let width = TerminalText(word.text).visible.count
            switch word.mark {
            case .same:
                text.append(plain("\(word.text)"))
                carets.append(String(repeating: " ", count: width))
            case .extra, .missing:
                text.append(mark("\(word.text)"))
                carets.append(String(repeating: "^", count: width))
            case .typo(let letters):
                text.append(zip(word.text, letters).map { $1 ? mark("\($0)") : plain("\($0)") }.joined())
                carets.append(zip(word.text, letters).map { char, wrong in
                    String(repeating: wrong ? "^" : " ", count: TerminalText(String(char)).visible.count)
                }.joined())
            }
        }
        var lines: [TerminalText] = ["\(label)\(text.joined(separator: " "))"]
        let caretLine = carets.joined(separator: " ").trimmingTrailingSpaces()
        if !style.colored && !caretLine.isEmpty {
            lines.append("\(String(repeating: " ", count: label.count))\(caretLine)")
        }
        return lines
    }
}
