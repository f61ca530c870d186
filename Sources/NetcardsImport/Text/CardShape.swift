import NetcardsCore

/// Whether an imported card is typed or revealed: short one-line answers are typed and checked,
/// longer ones are revealed and self-graded (as in Anki).
enum CardShape {
    static let typedLimit = 40
    static let typedWordLimit = 5

    static func mode(forBack back: String) -> AnswerMode {
        guard !back.contains("\n"), back.count <= typedLimit else { return .reveal }
        return back.split(separator: " ").count <= typedWordLimit ? .typed : .reveal
    }
}

/// Tags as written in Anki and in CSV files: separated by spaces (or commas).
enum TagText {
    static func split(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\u{A0}" })
            .map(String.init)
            .filter { seen.insert($0).inserted }
    }
}
