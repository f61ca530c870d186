import NetcardsCore

/// The parts of card ids that imports make: always lowercase letters, digits and `-`, so that every imported
/// card can be written back as a free card (`{#id}`) and re-imported under the same id.
enum StableId {
    /// For text without an id of its own (CSV rows, Anki text without a guid column): a readable slug of the
    /// front and a hash of it, so rewording the back keeps the id and two fronts never share one.
    static func forFront(_ front: String) -> String {
        let normalized = front.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let hash = hex(fnv1a(normalized), digits: 10)
        let slug = shortSlug(front)
        return slug.isEmpty ? "card-\(hash)" : "\(slug)-\(hash)"
    }

    /// Anki's note guid as it is when it is already a valid id part; otherwise its slug and a hash of the exact
    /// guid (guids are case-sensitive and use punctuation).
    static func forGuid(_ guid: String) -> String {
        if DeckNaming.isValidName(guid) { return guid }
        let hash = hex(fnv1a(guid), digits: 10)
        let slug = shortSlug(guid)
        return slug.isEmpty ? "g-\(hash)" : "\(slug)-\(hash)"
    }

    /// At most about 32 characters of slug, cut at a dash.
    static func shortSlug(_ text: String, limit: Int = 32) -> String {
        let slug = DeckNaming.slug(String(text.prefix(limit * 2)))
        guard slug.count > limit else { return slug }
        let cut = slug.prefix(limit)
        if let dash = cut.lastIndex(of: "-"), dash > cut.startIndex { return String(cut[..<dash]) }
        return String(cut)
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    private static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - text.count)) + text
        return String(padded.suffix(digits))
    }
}
