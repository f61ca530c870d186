import NetcardsCore

/// libFuzzer entry point: any bytes as a deck file. The parser must return a deck or a list of errors —
/// never crash, hang or give a deck that breaks its own rules.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDeckParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        let deck = try DeckParser.parse(data: bytes, file: "fuzz.md")
        var ids = Set<String>()
        for card in deck.cards {
            precondition(ids.insert(card.id).inserted, "two cards share the id \(card.id)")
            precondition(card.id.hasPrefix(deck.name + "/"), "card id \(card.id) is outside deck \(deck.name)")
            precondition(!card.answers.isEmpty && !card.answers[0].isEmpty, "card \(card.id) has no answer")
            precondition(!card.front.isEmpty, "card \(card.id) has no front")
        }
    } catch {
        precondition(!error.errors.isEmpty, "a failed parse reported no error")
        let lineCount = bytes.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        for problem in error.errors {
            precondition((1...lineCount).contains(problem.line), "error at line \(problem.line) of a \(lineCount)-line file")
        }
        _ = error.description
    }
    return 0
}
