import Foundation

/// Tags as written in Anki and in CSV files: separated by spaces (or commas).
enum TagText {
    static func split(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        if !text.utf8.contains(where: { $0 <= 0x20 || $0 == UInt8(ascii: ",") || $0 == 0xA0 }) { return [text] }
        var seen = Set<String>()
        let parts = text.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{A0}" })
        return parts.map { String(String.UnicodeScalarView($0)) }.filter { seen.insert($0).inserted }
    }
}

enum Trimmed {
    /// Without leading and trailing spaces and tabs; the same string when there are none (the usual case).
    static func spaces(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        if !blank(first) && !blank(last) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
