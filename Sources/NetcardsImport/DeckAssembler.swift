import Foundation
import NetcardsCore
import NetcardsStore

/// Gathers the cards of every imported file into decks, one note at a time as the files are read: names the
/// decks, gives them their module and packs their cards; once every file is read, refuses two cards with one id.
struct DeckAssembler {
    let options: ImportOptions
    /// The decks in the order first met.
    private var decks: [AssembledDeck] = []
    private var deckIndexes: [String: Int] = [:]
    /// Each file's decks by the path its notes name, and the one looked up last (a file's notes mostly name one).
    private var places: [PlaceKey: Place] = [:]
    private var lastPlace: (key: PlaceKey, place: Place)?
    /// The deck appended to last, and its index in `decks`.
    private var lastDeck: (name: String, index: Int)?
    private(set) var history: [ImportedCardHistory] = []
    private(set) var problems: [ImportProblem] = []
    private(set) var warnings: [String] = []

    init(options: ImportOptions) { self.options = options }

    /// A note from a CSV, Anki text or Anki package. `lenient`: a note that makes no card is skipped with a
    /// warning (Anki notes whose front is only an image) instead of being an error (a hand-written CSV row).
    mutating func add(_ note: ImportedNote, file: String, lenient: Bool) {
        let place = place(of: note.deckPath, in: file)
        let module = options.module ?? note.module ?? place.fileName
        switch NoteCards.cards(for: note, deck: place.deck) {
        case .failure(let problem):
            let found = ImportProblem(file: file, note.location, problem.message)
            if lenient { warnings.append("skipped — " + found.description) } else { problems.append(found) }
        case .success(let made):
            for item in made {
                append(item.card, to: place.deck, module: module, title: place.title,
                       from: Origin(file: file, location: note.location))
                if let itemHistory = item.history { history.append(itemHistory) }
            }
        }
    }

    mutating func add(_ notes: [ImportedNote], file: String, lenient: Bool) {
        for note in notes { add(note, file: file, lenient: lenient) }
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

    /// A problem for every card whose id an earlier card already has (two notes with one front or one guid).
    mutating func refuseRepeatedIds() {
        for repeated in RepeatedIds.find(in: decks.map(\.deck.cards)) {
            let deck = decks[repeated.card.deck], earlierDeck = decks[repeated.earlier.deck]
            let origin = deck.origin(of: repeated.card.card)
            problems.append(ImportProblem(file: origin.file, origin.location,
                "makes the card id `\(deck.deck.cards.id(at: repeated.card.card))`, as does "
                    + "\(Self.place(earlierDeck.origin(of: repeated.earlier.card), from: origin.file)) — "
                    + "two notes with the same front (or the same Anki guid) in one deck; make them differ or remove one"))
        }
    }

    /// The decks in the order first met.
    var result: [ImportedDeck] { decks.map(\.deck) }

    private struct Origin {
        var file: String
        var location: ImportLocation?
    }

    /// A deck being assembled, and the files its cards came from (to name where a repeated id was made).
    private struct AssembledDeck {
        var deck: ImportedDeck
        /// Each file that gave the deck cards, with the index of its first card.
        var files: [(firstCard: Int, file: String)] = []

        mutating func append(_ card: CardDefinition, from origin: Origin) {
            if files.last?.file != origin.file { files.append((deck.cardCount, origin.file)) }
            deck.cards.append(card, readAt: origin.location)
        }

        func origin(of card: Int) -> Origin {
            Origin(file: files.last(where: { $0.firstCard <= card })!.file, location: deck.cards.location(at: card))
        }
    }

    private mutating func append(_ card: CardDefinition, to deck: String, module: String, title: String?, from origin: Origin) {
        let index = lastDeck.flatMap { $0.name == deck ? $0.index : nil } ?? deckIndexes[deck] ?? {
            decks.append(AssembledDeck(deck: ImportedDeck(name: deck, module: module, title: title)))
            deckIndexes[deck] = decks.count - 1
            return decks.count - 1
        }()
        lastDeck = (deck, index)
        decks[index].append(card, from: origin)
    }

    private struct PlaceKey: Hashable {
        var file: String
        var deckPath: [String]
    }

    private struct Place {
        var deck: String
        var title: String?
        /// `cards` for `Decks/cards.csv`: the deck and module when nothing else names them.
        var fileName: String
    }

    private mutating func place(of deckPath: [String], in file: String) -> Place {
        let key = PlaceKey(file: file, deckPath: deckPath)
        if let lastPlace, lastPlace.key == key { return lastPlace.place }
        if let place = places[key] {
            lastPlace = (key, place)
            return place
        }
        let fileName = Self.baseName(file)
        let deck = deckName(for: deckPath, fallback: fileName)
        let fullName = deckPath.joined(separator: "::")
        let place = Place(deck: deck, title: options.deck == nil && !fullName.isEmpty && fullName != deck ? fullName : nil,
                          fileName: fileName)
        places[key] = place
        lastPlace = (key, place)
        return place
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
