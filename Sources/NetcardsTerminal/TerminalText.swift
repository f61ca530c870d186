/// Text on its way to a terminal: text from anywhere (card fields, file names, error messages), which is shown
/// with its control characters made visible, and netcards' own escape codes (colour, clearing the progress
/// line), which are the only bytes that reach the terminal as controls.
///
/// Build it like a string: `"\(style.bold("\(card.front)")) · \(count)"`. Interpolated strings and values are
/// text; only `Style` and `TerminalText.code` add escape codes. The functions that take it take nothing else,
/// so a literal passed to them is one (a String overload would win for literals and flatten the codes).
public struct TerminalText: Sendable, Equatable {
    enum Piece: Sendable, Equatable {
        case text(String)
        case code(String)
    }

    private(set) var pieces: [Piece]

    init(pieces: [Piece]) { self.pieces = pieces }

    public init(_ text: String = "") { pieces = text.isEmpty ? [] : [.text(text)] }

    /// A raw escape code of netcards' own, written as it is.
    public static func code(_ code: String) -> TerminalText { TerminalText(pieces: [.code(code)]) }

    /// What the terminal receives: text with its control characters escaped, codes as they are.
    public var rendered: String {
        pieces.reduce(into: "") { result, piece in
            switch piece {
            case .text(let text): result += ControlCharacters.escaped(text)
            case .code(let code): result += code
            }
        }
    }

    /// What the learner sees, without colour: for measuring widths.
    public var visible: String {
        pieces.reduce(into: "") { result, piece in
            if case .text(let text) = piece { result += ControlCharacters.escaped(text) }
        }
    }

    public var isEmpty: Bool { pieces.allSatisfy { if case .text(let text) = $0 { text.isEmpty } else { false } } }

    public mutating func append(_ other: TerminalText) { pieces += other.pieces }

    public static func + (left: TerminalText, right: TerminalText) -> TerminalText {
        TerminalText(pieces: left.pieces + right.pieces)
    }

    public static func + (left: TerminalText, right: String) -> TerminalText { left + TerminalText(right) }

    public static func + (left: String, right: TerminalText) -> TerminalText { TerminalText(left) + right }

    public static func += (left: inout TerminalText, right: TerminalText) { left.append(right) }

    public static func += (left: inout TerminalText, right: String) { left.append(TerminalText(right)) }
}

extension TerminalText: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self.init(value) }

    public init(stringInterpolation: StringInterpolation) { self.init(pieces: stringInterpolation.pieces) }

    public struct StringInterpolation: StringInterpolationProtocol {
        var pieces: [Piece] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { pieces.append(.text(literal)) }
        }

        public mutating func appendInterpolation(_ text: TerminalText) { pieces += text.pieces }

        public mutating func appendInterpolation<Value>(_ value: Value) {
            appendLiteral(String(describing: value))
        }
    }
}

extension TerminalText: CustomStringConvertible {
    /// As the terminal receives it; a `TerminalText` belongs in another one's interpolation, not a String's.
    public var description: String { rendered }
}

extension Sequence where Element == TerminalText {
    public func joined(separator: TerminalText = "") -> TerminalText {
        var result = TerminalText()
        for (index, text) in enumerated() {
            if index > 0 { result.append(separator) }
            result.append(text)
        }
        return result
    }
}

/// The C0 and C1 control characters (and DEL), shown instead of obeyed.
public enum ControlCharacters {
    /// `text` with every control character but newline and tab replaced by its Swift escape,
    /// e.g. ESC as `\u{1b}`, BEL as `\u{07}`, CSI (C1) as `\u{9b}`. Printable text is unchanged.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscaped) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isEscaped(scalar) {
                let hex = String(scalar.value, radix: 16)
                result += hex.count < 2 ? "\\u{0\(hex)}" : "\\u{\(hex)}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    public static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }
}
