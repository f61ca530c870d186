/// One problem in a deck file, with where it is and what to do about it.
public struct DeckParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case missingFrontMatter, unterminatedFrontMatter, malformedFrontMatterLine, unknownFrontMatterKey
        case missingRequiredKey, invalidName, tableWithoutRows, missingSeparatorRow, cellCountMismatch
        case emptyRowKey, duplicateRowKey, tableWithoutName, templateOutsideTable, malformedTemplate
        case unknownColumn, duplicateTemplate, tableWithoutTemplates, questionWithoutId
        case questionWithoutAnswer, answerWithoutQuestion, emptyAnswer, duplicateId, invalidText
        case unclosedCodeBlock, blockWithoutCode, duplicateBlock, unknownBlock, codeInTypedAnswer
    }

    public var kind: Kind
    public var file: String
    public var line: Int
    public var message: String

    public init(_ kind: Kind, file: String, line: Int, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// Every error found in one file; nothing from the file is loaded.
public struct DeckParseErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [DeckParseError]
    public static let reportLimit = 20

    public init(_ errors: [DeckParseError]) { self.errors = errors }

    public var description: String {
        var lines = errors.prefix(Self.reportLimit).map(\.description)
        if errors.count > Self.reportLimit {
            lines.append("… and \(errors.count - Self.reportLimit) more errors (\(errors.count) in all)")
        }
        return lines.joined(separator: "\n")
    }
}
