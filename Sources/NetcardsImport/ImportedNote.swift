import NetcardsStore

/// A note read from a CSV, Anki text or Anki package, before it becomes cards: fields already plain text.
struct ImportedNote {
    var location: ImportLocation
    /// The deck as the file names it, by level (`Networking::Ports` → ["Networking", "Ports"]); empty: the default.
    var deckPath: [String]
    /// The module as the file names it (a CSV `module` column, or an Anki deck's top level).
    var module: String?
    var fields: [String]
    var tags: [String]
    /// Anki's note guid: the note's identity across edits. Without one, the front is.
    var guid: String?
    var isCloze: Bool
    /// Anki history of the note's cards, by card ord (for cloze notes, ord = cloze number - 1).
    var history: [Int: ImportedCardHistory] = [:]

    var front: String { fields.first ?? "" }
    /// Every field after the first, the empty ones left out, one per line.
    var back: String {
        if fields.count == 2 { return fields[1] }
        return fields.dropFirst().filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
