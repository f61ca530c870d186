import NetcardsCore

/// The cards of one imported deck and where each was read from, each kept as one run of bytes in a few large
/// blocks rather than as a `CardDefinition` of separately allocated strings and arrays: 100,000 CSV rows take
/// about 10 MB instead of 40. Cards are appended while the files are read and made again, one at a time, while
/// the store loads them.
struct PackedCards: Sendable {
    /// `deck/`: the start of (nearly) every id of the deck, kept once.
    private let idPrefix: [UInt8]
    private var blocks: [[UInt8]] = []
    /// Where each card's bytes start, to read one card's id or location again.
    private var starts: [Start] = []

    private struct Start {
        var block: UInt32
        var offset: UInt32
    }

    private static let firstBlockSize = 16 << 10
    private static let largestBlockSize = 1 << 20

    init(deck: String) { idPrefix = Array((deck + "/").utf8) }

    var count: Int { starts.count }

    mutating func append(_ card: CardDefinition, readAt location: ImportLocation?) {
        let size = CardBytes.sizeLimit(card)
        if blocks.isEmpty || blocks[blocks.count - 1].capacity - blocks[blocks.count - 1].count < size {
            var block: [UInt8] = []
            let grown = blocks.last.map { min(2 * $0.capacity, Self.largestBlockSize) } ?? Self.firstBlockSize
            block.reserveCapacity(max(grown, size))
            blocks.append(block)
        }
        let last = blocks.count - 1
        starts.append(Start(block: UInt32(last), offset: UInt32(blocks[last].count)))
        CardBytes.write(card, readAt: location, idPrefix: idPrefix, into: &blocks[last])
    }

    /// The id of the card at `index` (in the order appended).
    func id(at index: Int) -> String {
        var reader = reader(at: index)
        return reader.readId(idPrefix: idPrefix)
    }

    /// Where the card at `index` was read from.
    func location(at index: Int) -> ImportLocation? {
        var reader = reader(at: index)
        return reader.readLocation()
    }

    private func reader(at index: Int) -> CardBytes.Reader {
        let start = starts[index]
        return CardBytes.Reader(blocks[Int(start.block)], at: Int(start.offset))
    }

    /// Every card, in the order appended.
    func forEach(_ body: (CardDefinition) throws -> Void) rethrows {
        for block in blocks {
            var reader = CardBytes.Reader(block, at: 0)
            while !reader.isAtEnd {
                try body(reader.readCard(idPrefix: idPrefix))
            }
        }
    }
}
