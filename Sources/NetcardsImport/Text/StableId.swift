import NetcardsCore

/// The parts of card ids that imports make: always lowercase letters, digits and `-`, so that every imported
/// card can be written back as a free card (`{#id}`) and re-imported under the same id.
enum StableId {
    /// For text without an id of its own (CSV rows, Anki text without a guid column): a readable slug of the
    /// front and a hash of it, so rewording the back keeps the id and two fronts never share one.
    static func forFront(_ front: String) -> String {
        withHash(normalizedHash(front), slug: shortSlugBytes(front), orElse: "card")
    }

    /// Anki's note guid as it is when it is already a valid id part; otherwise its slug and a hash of the exact
    /// guid (guids are case-sensitive and use punctuation).
    static func forGuid(_ guid: String) -> String {
        if DeckNaming.isValidName(guid) { return guid }
        return withHash(fnv1a(guid), slug: shortSlugBytes(guid), orElse: "g")
    }

    /// `slug-hash`, or `fallback-hash` without a slug: the hash as its last 10 hexadecimal digits. Made as bytes,
    /// one string at the end (a 100,000-row import makes 100,000 of them).
    private static func withHash(_ hash: UInt64, slug: [UInt8], orElse fallback: String) -> String {
        var bytes = slug
        if bytes.isEmpty { bytes.append(contentsOf: fallback.utf8) }
        bytes.append(UInt8(ascii: "-"))
        for shift in stride(from: 36, through: 0, by: -4) {
            let digit = UInt8(truncatingIfNeeded: hash >> UInt64(shift)) & 0xF
            bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// At most about 32 characters of slug, cut at a dash, as UTF-8 (a slug is ASCII: a character is a byte).
    private static func shortSlugBytes(_ text: String, limit: Int = 32) -> [UInt8] {
        let slug = asciiSlug(text, limit: limit * 2) ?? Array(DeckNaming.slug(String(text.prefix(limit * 2))).utf8)
        guard slug.count > limit else { return slug }
        let cut = slug[..<limit]
        if let dash = cut.lastIndex(of: UInt8(ascii: "-")), dash > 0 { return Array(slug[..<dash]) }
        return Array(cut)
    }

    /// FNV-1a of the text lowercased, its whitespace runs made one space and trimmed: rewording the case or
    /// the spacing keeps the id. ASCII text is hashed in one pass without building the normalized string.
    static func normalizedHash(_ text: String) -> UInt64 {
        var text = text
        let ascii: UInt64? = text.withUTF8 { utf8 in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var started = false
            var pendingSpace = false
            for byte in utf8 {
                if byte >= 0x80 { return nil }
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = started
                } else {
                    if pendingSpace {
                        hash = (hash ^ 0x20) &* 0x0000_0100_0000_01b3
                        pendingSpace = false
                    }
                    started = true
                    let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    hash = (hash ^ UInt64(lower)) &* 0x0000_0100_0000_01b3
                }
            }
            return hash
        }
        return ascii ?? fnv1a(text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }

    /// `DeckNaming.slug` of the first `limit` characters, in one byte pass when they are ASCII; nil otherwise.
    private static func asciiSlug(_ text: String, limit: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(limit, text.utf8.count))
        var pendingDash = false
        for byte in text.utf8.prefix(limit) {
            guard byte < 0x80 else { return nil }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if pendingDash && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingDash = false
                bytes.append(lower)
            } else {
                pendingDash = true
            }
        }
        return bytes
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
