/// Anki cloze deletions, `{{c1::answer}}` or `{{c1::answer::hint}}`: one card per cloze number.
struct ClozeText {
    private enum Piece {
        case text(String)
        case cloze(number: Int, answer: String, hint: String?)
    }

    private let pieces: [Piece]

    init(_ text: String) {
        guard text.utf8.contains(UInt8(ascii: "{")) else {
            pieces = [.text(text)]
            return
        }
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{c") {
            let afterOpen = rest[open.upperBound...]
            let digits = afterOpen.prefix(while: \.isNumber)
            guard let number = Int(digits), afterOpen.dropFirst(digits.count).hasPrefix("::"),
                  let close = afterOpen.range(of: "}}") else {
                pieces.append(.text(String(rest[..<open.upperBound])))
                rest = afterOpen
                continue
            }
            pieces.append(.text(String(rest[..<open.lowerBound])))
            let body = afterOpen[afterOpen.index(afterOpen.startIndex, offsetBy: digits.count + 2)..<close.lowerBound]
            if let hintMark = body.range(of: "::", options: .backwards) {
                pieces.append(.cloze(number: number, answer: String(body[..<hintMark.lowerBound]),
                                     hint: String(body[hintMark.upperBound...])))
            } else {
                pieces.append(.cloze(number: number, answer: String(body), hint: nil))
            }
            rest = afterOpen[close.upperBound...]
        }
        pieces.append(.text(String(rest)))
        self.pieces = pieces
    }

    /// Whether the text has a deletion (`numbers` is not empty).
    var hasDeletions: Bool {
        pieces.contains { if case .cloze = $0 { true } else { false } }
    }

    /// The cloze numbers used, ascending.
    var numbers: [Int] {
        Set(pieces.compactMap { if case .cloze(let number, _, _) = $0 { number } else { nil } }).sorted()
    }

    /// The question for cloze `number`: its deletions shown as `[...]` (or `[hint]`), the others filled in.
    func front(hiding number: Int) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): text
            case .cloze(let n, let answer, let hint): n == number ? "[\(hint.map { $0.isEmpty ? "..." : $0 } ?? "...")]" : answer
            }
        }.joined()
    }

    /// The whole text with every deletion filled in.
    var revealed: String {
        pieces.map { piece in
            switch piece {
            case .text(let text): text
            case .cloze(_, let answer, _): answer
            }
        }.joined()
    }
}
