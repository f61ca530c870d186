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

    /// The words on one line, marked ones coloured (each run of words painted once, so the line reads as
    /// written); without colour, a second line of carets under the marked ones.
    private static func painted(_ label: String, _ words: [AnswerDiff.Word], style: Style,
                                mark: (TerminalText) -> TerminalText,
                                plain: (TerminalText) -> TerminalText = { $0 }) -> [TerminalText] {
        // Runs of characters that share a style: (text, marked).
        var runs: [(text: String, marked: Bool)] = []
        var carets = ""
        func add(_ text: String, marked: Bool) {
            if let last = runs.last, last.marked == marked { runs[runs.count - 1].text += text } else { runs.append((text, marked)) }
            carets += String(repeating: marked ? "^" : " ", count: TerminalText(text).visible.count)
        }
        for (index, word) in words.enumerated() {
            if index > 0 { add(" ", marked: false) }
            switch word.mark {
            case .same: add(word.text, marked: false)
            case .extra, .missing: add(word.text, marked: true)
            case .typo(let letters): for (char, wrong) in zip(word.text, letters) { add(String(char), marked: wrong) }
            }
        }
        let text = runs.map { $0.marked ? mark("\($0.text)") : plain("\($0.text)") }.joined()
        var lines: [TerminalText] = ["\(label)\(text)"]
        let caretLine = carets.trimmingTrailingSpaces()
        if !style.colored && !caretLine.isEmpty {
            lines.append("\(String(repeating: " ", count: label.count))\(caretLine)")
        }
        return lines
    }
}
