import NetcardsCore

/// Whether an imported card is typed or revealed: short one-line answers are typed and checked,
/// longer ones are revealed and self-graded (as in Anki).
enum CardShape {
    static let typedLimit = 40
    static let typedWordLimit = 5

    static func mode(forBack back: String) -> AnswerMode {
        guard back.utf8.count <= typedLimit * 4, !back.utf8.contains(UInt8(ascii: "\n")), back.count <= typedLimit else { return .reveal }
        return back.utf8.split(separator: UInt8(ascii: " ")).count <= typedWordLimit ? .typed : .reveal
    }
}
