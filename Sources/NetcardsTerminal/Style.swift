#if canImport(Glibc)
import Glibc
#endif
import Foundation

public enum ColorMode: String, CaseIterable, Sendable {
    case auto, always, never

    /// auto: colour only on a terminal, and never when NO_COLOR is set or TERM is dumb.
    public func enabled(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isatty(STDOUT_FILENO) == 1
        }
    }
}

/// ANSI styling that disappears when colour is off. The codes wrap the text after it is escaped, so a
/// card's own control characters are shown, never obeyed.
public struct Style: Sendable {
    public let colored: Bool
    public init(colored: Bool) { self.colored = colored }

    public func paint(_ text: TerminalText, _ code: String) -> TerminalText {
        colored ? .code("\u{1B}[\(code)m") + text + .code("\u{1B}[0m") : text
    }
    public func bold(_ text: TerminalText) -> TerminalText { paint(text, "1") }
    public func dim(_ text: TerminalText) -> TerminalText { paint(text, "2") }
    public func green(_ text: TerminalText) -> TerminalText { paint(text, "32") }
    public func yellow(_ text: TerminalText) -> TerminalText { paint(text, "33") }
    public func red(_ text: TerminalText) -> TerminalText { paint(text, "31") }
    public func cyan(_ text: TerminalText) -> TerminalText { paint(text, "36") }
}

public enum TerminalSize {
    /// The terminal's width, else $COLUMNS, else 80.
    public static func columns(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }
}
