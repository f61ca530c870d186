import CLineSupport

/// The one way text reaches the terminal: stdout or stderr, each write flushed at once so prompts, feedback
/// and libedit's own output appear in order, in a pipe too. Control characters in the text are escaped
/// (see `TerminalText`); JSON goes out through `json`, which keeps it valid and escapes what JSON leaves raw.
public struct TerminalOutput: Sendable {
    private let isStandardError: Bool

    public static let standardOutput = TerminalOutput(isStandardError: false)
    public static let standardError = TerminalOutput(isStandardError: true)

    public func write(_ text: TerminalText) { writeRaw(text.rendered) }

    public func line(_ text: TerminalText = "") { write(text + "\n") }

    /// JSON text as the encoder made it, with DEL and the C1 controls (which JSON may carry
    /// raw) written as \u escapes: the same data, and nothing a terminal would obey.
    public func json(_ text: String) {
        guard text.unicodeScalars.contains(where: ControlCharacters.isEscaped) else { return writeRaw(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if ControlCharacters.isEscaped(scalar) {
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        writeRaw(result)
    }

    private func writeRaw(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { nc_write_stream(isStandardError ? 1 : 0, $0.baseAddress, $0.count) }
        }
    }
}
