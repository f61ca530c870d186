import Foundation
import NetcardsCore
import NetcardsStore

/// Gathers the cards of every imported file into decks: names them, gives them their module,
/// and refuses two cards with one id.
struct DeckAssembler {
    let options: ImportOptions
    private var decks: [String: DeckDefinition] = [:]
    private var deckOrder: [String] = []
    /// Where each card id came from, to name both places when two notes make one id.
    private var madeBy: [String: Origin] = [:]
    private(set) var history: [ImportedCardHistory] = []
    private(set) var problems: [ImportProblem] = []
    private(set) var warnings: [String] = []

    init(options: ImportOptions) { self.options = options }

    /// Notes from a CSV, Anki text or Anki package. `lenient`: a note that makes no card is skipped with a
    /// warning (Anki notes whose front is only an image) instead of being an error (a hand-written CSV row).
    mutating func add(_ notes: [ImportedNote], file: String, lenient: Bool) {
        let fallback = Self.baseName(file)
        var places: [[String]: (deck: String, title: String?)] = [:]
        madeBy.reserveCapacity(madeBy.count + notes.count)
        for note in notes {
            let place = places[note.deckPath] ?? {
                let deck = deckName(for: note.deckPath, fallback: fallback)
                let fullName = note.deckPath.joined(separator: "::")
                let place = (deck: deck, title: options.deck == nil && !fullName.isEmpty && fullName != deck ? fullName : nil)
                places[note.deckPath] = place
                return place
            }()
            let (deck, title) = place
            let module = options.module ?? note.module ?? fallback
            switch NoteCards.cards(for: note, deck: deck) {
            case .failure(let problem):
                let found = ImportProblem(file: file, note.location, problem.message)
                if lenient { warnings.append("skipped — " + found.description) } else { problems.append(found) }
            case .success(let made):
                for item in made where append(item.card, to: deck, module: module, title: title,
                                                  from: Origin(file: file, location: note.location)) {
                    if let itemHistory = item.history { history.append(itemHistory) }
                }
            }
        }
    }

    /// A netcards Markdown deck, renamed and moved by `--deck` and `--module` when given.
    mutating func add(_ definition: DeckDefinition, file: String) {
        var deck = definition
        if let name = options.deck, name != deck.name {
            let old = deck.name + "/"
            deck.cards = deck.cards.map { card in
                var card = card
                card.id = name + "/" + card.id.dropFirst(old.count)
                card.noteKey = name + "/" + card.noteKey.dropFirst(old.count)
                return card
            }
            deck.name = name
        }
        if let module = options.module { deck.module = module }
        for card in deck.cards {
            append(card, to: deck.name, module: deck.module, title: deck.title, from: Origin(file: file, location: nil))
        }
    }

    /// The decks in the order first met.
    var result: [DeckToLoad] { deckOrder.map { DeckToLoad(decks[$0]!) } }

    private struct Origin {
        var file: String
        var location: ImportLocation?
    }

    /// Adds the card to its deck; false (and a problem) when another note already made its id.
    @discardableResult
    private mutating func append(_ card: CardDefinition, to deck: String, module: String, title: String?, from origin: Origin) -> Bool {
        if let earlier = madeBy[card.id] {
            problems.append(ImportProblem(file: origin.file, origin.location,
                "makes the card id `\(card.id)`, as does \(Self.place(earlier, from: origin.file)) — "
                    + "two notes with the same front (or the same Anki guid) in one deck; make them differ or remove one"))
            return false
        }
        madeBy[card.id] = origin
        if decks[deck] == nil {
            decks[deck] = DeckDefinition(name: deck, module: module, title: title, cards: [])
            deckOrder.append(deck)
        }
        decks[deck]!.cards.append(card)
        return true
    }

    private func deckName(for path: [String], fallback: String) -> String {
        if let deck = options.deck { return deck }
        let fromFile = DeckNaming.slug(path.joined(separator: " "))
        if !fromFile.isEmpty { return fromFile }
        let fromName = DeckNaming.slug(fallback)
        return fromName.isEmpty ? "imported" : fromName
    }

    private static func place(_ origin: Origin, from file: String) -> String {
        let text: String
        switch origin.location {
        case .line(let line): text = "line \(line)"
        case .note(let id): text = "note \(id)"
        case nil: text = "a card"
        }
        return origin.file == file ? text : "\(text) of \(origin.file)"
    }

    /// `Decks/cards.csv` → `cards`.
    static func baseName(_ file: String) -> String {
        ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}
