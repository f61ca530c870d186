import NetcardsCore

/// netcards' own Markdown decks, read by the same parser as the bundled decks.
enum MarkdownReader {
    static func read(_ bytes: [UInt8], file: String) throws(ImportError) -> DeckDefinition {
        do {
            let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
            return try DeckParser.parse(data: hasByteOrderMark ? Array(bytes.dropFirst(3)) : bytes, file: file)
        } catch {
            throw ImportError(error.errors.map { ImportProblem(file: file, .line($0.line), $0.message) })
        }
    }
}
