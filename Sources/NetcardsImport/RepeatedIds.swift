/// Finds the cards whose id an earlier card already has, once every file is read (and its bytes let go): the ids
/// are hashed and sorted rather than kept as strings (100,000 of them would take 12 MB). Ids of different decks
/// never meet (each starts with its deck's name), so "earlier" is deck by deck, in the order cards were made.
enum RepeatedIds {
    struct CardRef: Hashable {
        var deck: Int
        var card: Int
    }

    struct Repeat {
        var card: CardRef
        var earlier: CardRef
    }

    /// Every repeat, in deck and card order.
    static func find(in decks: [PackedCards]) -> [Repeat] {
        var hashes: [(hash: Int, deck: Int32, card: Int32)] = []
        hashes.reserveCapacity(decks.reduce(0) { $0 + $1.count })
        for (deck, cards) in decks.enumerated() {
            for card in 0..<cards.count {
                hashes.append((cards.id(at: card).hashValue, Int32(deck), Int32(card)))
            }
        }
        hashes.sort { ($0.hash, $0.deck, $0.card) < ($1.hash, $1.deck, $1.card) }
        var repeats: [Repeat] = []
        var start = 0
        while start < hashes.count {
            var end = start + 1
            while end < hashes.count && hashes[end].hash == hashes[start].hash { end += 1 }
            if end - start > 1 {
                // One hash, usually one id: the first card of each id is the earlier one.
                var firsts: [(id: String, card: CardRef)] = []
                for entry in hashes[start..<end] {
                    let card = CardRef(deck: Int(entry.deck), card: Int(entry.card))
                    let id = decks[card.deck].id(at: card.card)
                    if let first = firsts.first(where: { $0.id == id }) {
                        repeats.append(Repeat(card: card, earlier: first.card))
                    } else {
                        firsts.append((id, card))
                    }
                }
            }
            start = end
        }
        return repeats.sorted { ($0.card.deck, $0.card.card) < ($1.card.deck, $1.card.card) }
    }
}
