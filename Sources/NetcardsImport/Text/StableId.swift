import NetcardsCore

/// The parts of card ids that imports make: always lowercase letters, digits and `-`, so that every imported
/// card can be written back as a free card (`{#id}`) and re-imported under the same id.
enum StableId {
    /// For text without an id of its own (CSV rows, Anki text without a guid column): a readable slug of the
    /// front and a hash of it, so rewording the back keeps the id and two fronts never share one.
    static func forFront(_ front: String) -> String {
        let hash = hex(normalizedHash(front), digits: 10)
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
        let slug = asciiSlug(text, limit: limit * 2) ?? DeckNaming.slug(String(text.prefix(limit * 2)))
        guard slug.count > limit else { return slug }
        let cut = slug.prefix(limit)
        if let dash = cut.lastIndex(of: "-"), dash > cut.startIndex { return String(cut[..<dash]) }
        return String(cut)
    }

    /// FNV-1a of the text lowercased, its whitespace runs made one space and trimmed: rewording the case or
    /// the spacing keeps the id. ASCII text is hashed in one pass without building the normalized string.
    static func normalizedHash(_ text: String) -> UInt64 {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return fnv1a(text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var started = false
        var pendingSpace = false
        for byte in text.utf8 {
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

    /// `DeckNaming.slug` of the first `limit` characters, in one byte pass when they are ASCII; nil otherwise.
    private static func asciiSlug(_ text: String, limit: Int) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(limit, text.utf8.count))
        var pendingDash = false
        for (index, byte) in text.utf8.enumerated() {
            if index == limit { break }
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
        return String(decoding: bytes, as: UTF8.self)
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
