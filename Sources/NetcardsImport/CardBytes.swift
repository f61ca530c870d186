import NetcardsCore

/// One card and where it was read from as bytes, for `PackedCards`: a flags byte, the line or note number, then
/// the card's texts, each as its UTF-8 length and bytes (numbers are LEB128). The id is written without the deck's
/// `deck/` prefix, the note key as how many bytes it shares with the id and the rest, and the back only when it is
/// not the first answer (it nearly always is).
enum CardBytes {
    private struct Flags: OptionSet {
        let rawValue: UInt8
        static let idHasPrefix = Flags(rawValue: 1)
        static let hasTable = Flags(rawValue: 2)
        static let hasTemplate = Flags(rawValue: 4)
        static let backIsFirstAnswer = Flags(rawValue: 8)
        static let typed = Flags(rawValue: 16)
        static let readAtLine = Flags(rawValue: 32)
        static let readAtNote = Flags(rawValue: 64)
    }

    /// The most bytes `write` can take for `card`: the flags, the location (at most 10 bytes), nine lengths and
    /// counts (at most 5 bytes each) and every text with its length.
    static func sizeLimit(_ card: CardDefinition) -> Int {
        var texts = card.id.utf8.count + card.noteKey.utf8.count + card.front.utf8.count + card.back.utf8.count
            + (card.table?.utf8.count ?? 0) + (card.template?.utf8.count ?? 0)
        for text in card.answers { texts += 5 + text.utf8.count }
        for text in card.tags { texts += 5 + text.utf8.count }
        return 1 + 10 + 9 * 5 + texts
    }

    static func write(_ card: CardDefinition, readAt location: ImportLocation?, idPrefix: [UInt8], into bytes: inout [UInt8]) {
        var flags: Flags = []
        var locationNumber: UInt64?
        switch location {
        case .line(let line):
            flags.insert(.readAtLine)
            locationNumber = UInt64(line)
        case .note(let id):
            flags.insert(.readAtNote)
            locationNumber = UInt64(bitPattern: id)
        case nil: break
        }
        let idHasPrefix = card.id.utf8.starts(with: idPrefix)
        let backIsFirstAnswer = card.answers.first?.utf8.elementsEqual(card.back.utf8) ?? false
        if idHasPrefix { flags.insert(.idHasPrefix) }
        if card.table != nil { flags.insert(.hasTable) }
        if card.template != nil { flags.insert(.hasTemplate) }
        if backIsFirstAnswer { flags.insert(.backIsFirstAnswer) }
        if card.mode == .typed { flags.insert(.typed) }
        bytes.append(flags.rawValue)
        if let locationNumber { writeNumber(locationNumber, into: &bytes) }
        writeText(card.id, droppingFirst: idHasPrefix ? idPrefix.count : 0, into: &bytes)
        let shared = sharedPrefixCount(card.id, card.noteKey)
        writeNumber(shared, into: &bytes)
        writeText(card.noteKey, droppingFirst: shared, into: &bytes)
        if let table = card.table { writeText(table, into: &bytes) }
        if let template = card.template { writeText(template, into: &bytes) }
        writeText(card.front, into: &bytes)
        if !backIsFirstAnswer { writeText(card.back, into: &bytes) }
        writeNumber(card.answers.count, into: &bytes)
        for answer in card.answers { writeText(answer, into: &bytes) }
        writeNumber(card.tags.count, into: &bytes)
        for tag in card.tags { writeText(tag, into: &bytes) }
    }

    /// How many UTF-8 bytes the two start with alike: all of the note key when it is the id (a basic note) or the
    /// start of it (a cloze card, `KEY-c1`).
    private static func sharedPrefixCount(_ id: String, _ noteKey: String) -> Int {
        if id == noteKey || id.utf8.starts(with: noteKey.utf8) { return noteKey.utf8.count }
        return zip(id.utf8, noteKey.utf8).prefix(while: { $0 == $1 }).count
    }

    private static func writeText(_ text: String, droppingFirst dropped: Int = 0, into bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            writeNumber(utf8.count - dropped, into: &bytes)
            bytes.append(contentsOf: utf8[dropped...])
        }
    }

    private static func writeNumber(_ number: Int, into bytes: inout [UInt8]) {
        writeNumber(UInt64(number), into: &bytes)
    }

    private static func writeNumber(_ number: UInt64, into bytes: inout [UInt8]) {
        var rest = number
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Reads the cards of one block back, in order.
    struct Reader {
        private let bytes: [UInt8]
        private var index: Int

        init(_ bytes: [UInt8], at index: Int) {
            self.bytes = bytes
            self.index = index
        }

        var isAtEnd: Bool { index == bytes.count }

        mutating func readLocation() -> ImportLocation? {
            readLocation(Flags(rawValue: readByte()))
        }

        mutating func readId(idPrefix: [UInt8]) -> String {
            let flags = Flags(rawValue: readByte())
            _ = readLocation(flags)
            return readId(flags, idPrefix: idPrefix)
        }

        mutating func readCard(idPrefix: [UInt8]) -> CardDefinition {
            let flags = Flags(rawValue: readByte())
            _ = readLocation(flags)
            let id = readId(flags, idPrefix: idPrefix)
            let shared = readNumber()
            let noteKeyRest = readRange()
            let noteKey = noteKeyRest.isEmpty && shared == id.utf8.count
                ? id
                : Self.joined(id.utf8.prefix(shared), bytes[noteKeyRest])
            let table = flags.contains(.hasTable) ? readText() : nil
            let template = flags.contains(.hasTemplate) ? readText() : nil
            let front = readText()
            let back = flags.contains(.backIsFirstAnswer) ? nil : readText()
            let answers = (0..<readNumber()).map { _ in readText() }
            let tags = (0..<readNumber()).map { _ in readText() }
            return CardDefinition(id: id, noteKey: noteKey, table: table, template: template, front: front,
                                  answers: answers, back: back, mode: flags.contains(.typed) ? .typed : .reveal, tags: tags)
        }

        private mutating func readLocation(_ flags: Flags) -> ImportLocation? {
            if flags.contains(.readAtLine) { return .line(Int(readNumber64())) }
            if flags.contains(.readAtNote) { return .note(Int64(bitPattern: readNumber64())) }
            return nil
        }

        private mutating func readId(_ flags: Flags, idPrefix: [UInt8]) -> String {
            let rest = readRange()
            return flags.contains(.idHasPrefix) ? Self.joined(idPrefix, bytes[rest]) : String(decoding: bytes[rest], as: UTF8.self)
        }

        private mutating func readText() -> String {
            String(decoding: bytes[readRange()], as: UTF8.self)
        }

        private mutating func readRange() -> Range<Int> {
            let count = readNumber()
            defer { index += count }
            return index..<index + count
        }

        private mutating func readNumber() -> Int {
            Int(readNumber64())
        }

        private mutating func readNumber64() -> UInt64 {
            var number: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = readByte()
                number |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return number }
                shift += 7
            }
        }

        private mutating func readByte() -> UInt8 {
            defer { index += 1 }
            return bytes[index]
        }

        /// One string of two runs of UTF-8, made in one allocation.
        private static func joined(_ head: some Collection<UInt8>, _ tail: ArraySlice<UInt8>) -> String {
            String(unsafeUninitializedCapacity: head.count + tail.count) { buffer in
                let headEnd = buffer.initialize(fromContentsOf: head)
                let tailEnd = buffer[headEnd...].initialize(fromContentsOf: tail)
                return tailEnd
            }
        }
    }
}
