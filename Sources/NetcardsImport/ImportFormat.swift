import Foundation

/// The kinds of file `netcards import` reads, told apart by content first and by extension second.
public enum ImportFormat: String, Hashable, Sendable, CaseIterable {
    case markdown, csv, tsv, ankiText, ankiPackage

    public var displayName: String {
        switch self {
        case .markdown: "netcards deck (.md)"
        case .csv: "CSV with a header row (.csv)"
        case .tsv: "TSV with a header row (.tsv)"
        case .ankiText: "Anki \"Notes in Plain Text\" (.txt)"
        case .ankiPackage: "Anki package (.apkg)"
        }
    }

    static let readableList = allCases.map(\.displayName).joined(separator: ", ")

    /// The format of a file, from its first bytes and its name; nil when netcards can't read it.
    static func detect(path: String, head: [UInt8]) -> ImportFormat? {
        let ext = (path as NSString).pathExtension.lowercased()
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return ["apkg", "colpkg", "zip"].contains(ext) || ext.isEmpty ? .ankiPackage : nil
        }
        if ext == "apkg" || ext == "colpkg" { return .ankiPackage }
        guard looksLikeText(head) else { return nil }
        let text = String(decoding: head.prefix(4096), as: UTF8.self)
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if body.hasPrefix("---") { return .markdown }
        if body.hasPrefix("#separator:") || body.hasPrefix("#html:") || body.hasPrefix("#columns:")
            || body.hasPrefix("#notetype") || body.hasPrefix("#deck") || body.hasPrefix("#tags") || body.hasPrefix("#guid") {
            return .ankiText
        }
        switch ext {
        case "md", "markdown": return .markdown
        case "csv": return .csv
        case "tsv", "tab": return .tsv
        case "txt": return namesFrontAndBack(body) ? (body.prefix(while: { $0 != "\n" }).contains("\t") ? .tsv : .csv) : .ankiText
        default: return nil
        }
    }

    /// A first line like `front,back,tags`: netcards' CSV saved with another extension.
    private static func namesFrontAndBack(_ text: String) -> Bool {
        let names = text.prefix(while: { $0 != "\n" && $0 != "\r\n" })
            .split(whereSeparator: { $0 == "," || $0 == "\t" || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return names.contains("front") && names.contains("back")
    }

    /// No NUL bytes in the first block: binary files (images, databases, archives) have them.
    private static func looksLikeText(_ head: [UInt8]) -> Bool {
        !head.prefix(4096).contains(0)
    }
}
