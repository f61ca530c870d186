import NetcardsCore
import NetcardsStore

/// Turns one imported note into its cards: a basic note gives one card (first field → front, the rest → back);
/// a cloze note gives one card per cloze number, the deletion shown as `[...]`.
enum NoteCards {
    struct Made {
        var card: CardDefinition
        var history: ImportedCardHistory?
    }

    /// The cards of `note` in deck `deck`, or why it has none.
    static func cards(for note: ImportedNote, deck: String) -> Result<[Made], NoteProblem> {
        let front = note.front
        guard !front.isEmpty else { return .failure(.emptyFront) }
        let cloze = ClozeText(front)
        let isCloze = note.isCloze || cloze.hasDeletions
        let idPart = note.guid.map(StableId.forGuid) ?? StableId.forFront(isCloze ? cloze.revealed : front)
        let noteKey = "\(deck)/\(idPart)"
        if isCloze {
            let numbers = cloze.numbers
            guard !numbers.isEmpty else { return .failure(.clozeWithoutDeletions) }
            let back = [cloze.revealed, note.back].filter { !$0.isEmpty }.joined(separator: "\n")
            return .success(numbers.map { number in
                let id = "\(noteKey)-c\(number)"
                let card = CardDefinition(id: id, noteKey: noteKey, front: PlainText.tidy(cloze.front(hiding: number)),
                                          answers: [back], mode: .reveal, tags: note.tags)
                return Made(card: card, history: note.history[number - 1].map { withId($0, id) })
            })
        }
        let back = note.back
        guard !back.isEmpty else { return .failure(.emptyBack) }
        let card = CardDefinition(id: noteKey, noteKey: noteKey, front: front, answers: [back],
                                  mode: CardShape.mode(forBack: back), tags: note.tags)
        let history = note.history.keys.min().flatMap { note.history[$0] }
        return .success([Made(card: card, history: history.map { withId($0, noteKey) })])
    }

    private static func withId(_ history: ImportedCardHistory, _ id: String) -> ImportedCardHistory {
        var history = history
        history.cardId = id
        return history
    }
}

enum NoteProblem: Error {
    case emptyFront, emptyBack, clozeWithoutDeletions

    var message: String {
        switch self {
        case .emptyFront: "the front is empty (HTML, images and sounds are not imported) — write the question in the first field"
        case .emptyBack: "the back is empty — write the answer in the field after the front"
        case .clozeWithoutDeletions: "a cloze note without a {{c1::…}} deletion — add one, or use a basic note"
        }
    }
}
