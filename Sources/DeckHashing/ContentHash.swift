/// What tells a deck's text from its last version: netcards stores it beside each deck and reloads a deck whose
/// hash changed. deck-embedder works it out for the bundled decks when the binary is built, so the commands that
/// find them up to date never decode or hash their text.
public enum ContentHash {
    /// FNV-1a, 64 bits: enough to notice that a deck's text changed.
    public static func of(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

/// The deck's own name, as the embedder records it for each bundled deck.
public enum FrontMatter {
    /// The `deck:` line of a deck's front matter (in its first 10 lines), found without parsing the whole deck.
    public static func deckName(in text: String) -> String? {
        // Trimmed in Swift: this module does without Foundation.
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        for line in text.split(separator: "\n", maxSplits: 10).prefix(10) where line.hasPrefix("deck:") {
            var value = line.dropFirst(5).drop(while: isBlank)
            while let last = value.last, isBlank(last) { value = value.dropLast() }
            return String(value)
        }
        return nil
    }
}
