/// Turns the HTML of an Anki field into the plain text a card shows: line breaks (`<br>`, `<div>`, `<p>`, `<li>`)
/// become newlines, other tags are dropped, entities are decoded, `[sound:…]` references are removed.
/// Newlines already in the text are kept (hand-written CSV cells have them).
enum HTMLText {
    static func text(from html: String) -> String {
        guard html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "[") }) else {
            return PlainText.tidy(html)
        }
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var index = html.startIndex
        while index < html.endIndex {
            let char = html[index]
            if char == "<", let close = html[index...].firstIndex(of: ">"), isTag(html[html.index(after: index)..<close]) {
                if breaksLine(html[html.index(after: index)..<close]) { out.append("\n") }
                index = html.index(after: close)
            } else if char == "&", let (decoded, next) = entity(in: html, at: index) {
                out.append(decoded)
                index = next
            } else if char == "[", html[index...].hasPrefix("[sound:"), let close = html[index...].firstIndex(of: "]") {
                index = html.index(after: close)
            } else {
                out.append(char)
                index = html.index(after: index)
            }
        }
        return PlainText.tidy(out)
    }

    /// `<b>`, `</div>`, `<br/>`, `<img src=…>`, `<!-- … -->`: a tag starts with a letter, `/` or `!`.
    private static func isTag(_ inner: Substring) -> Bool {
        guard let first = inner.first else { return false }
        return first.isLetter || first == "/" || first == "!"
    }

    private static func breaksLine(_ inner: Substring) -> Bool {
        let name = inner.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
        return ["br", "div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "ul", "ol", "table"].contains(name)
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ensp": " ", "emsp": " ",
        "thinsp": " ", "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“",
        "rdquo": "”", "laquo": "«", "raquo": "»", "middot": "·", "bull": "•", "times": "×", "divide": "÷",
        "deg": "°", "plusmn": "±", "micro": "µ", "copy": "©", "reg": "®", "trade": "™", "euro": "€",
        "pound": "£", "yen": "¥", "cent": "¢", "sect": "§", "para": "¶", "rarr": "→", "larr": "←",
        "harr": "↔", "uarr": "↑", "darr": "↓", "rArr": "⇒", "lArr": "⇐", "hArr": "⇔", "le": "≤", "ge": "≥",
        "ne": "≠", "asymp": "≈", "infin": "∞", "minus": "−", "alpha": "α", "beta": "β", "gamma": "γ",
        "delta": "δ", "lambda": "λ", "mu": "μ", "pi": "π", "sigma": "σ", "omega": "ω", "Delta": "Δ",
        "Omega": "Ω", "shy": "", "zwj": "", "zwnj": "",
    ]

    /// `&amp;`, `&#39;`, `&#x2192;` at `start`: the text and the index after the `;`.
    private static func entity(in text: String, at start: String.Index) -> (String, String.Index)? {
        let body = text[text.index(after: start)...].prefix(12)
        guard let semicolon = body.firstIndex(of: ";") else { return nil }
        let name = body[..<semicolon]
        let next = text.index(after: semicolon)
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar == "\u{A0}" ? " " : String(Character(scalar)), next)
        }
        guard let decoded = named[String(name)] else { return nil }
        return (decoded, next)
    }
}

/// Plain text as cards keep it: each line trimmed, runs of spaces made one, blank lines dropped.
enum PlainText {
    static func tidy(_ text: String) -> String {
        if isTidy(text) { return text }
        return text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .map { line in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// One byte pass: no line breaks, tabs or no-break spaces, no double spaces, nothing to trim.
    private static func isTidy(_ text: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: " ")
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"), 0xA0: return false  // 0xA0 may end a U+00A0 (C2 A0): take the careful path
            case UInt8(ascii: " ") where previous == UInt8(ascii: " "): return false
            default: previous = byte
            }
        }
        return previous != UInt8(ascii: " ") || text.isEmpty
    }
}
