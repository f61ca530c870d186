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

/// ANSI styling that disappears when colour is off.
public struct Style: Sendable {
    public let colored: Bool
    public init(colored: Bool) { self.colored = colored }

    public func paint(_ text: String, _ code: String) -> String { colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    public func bold(_ text: String) -> String { paint(text, "1") }
    public func dim(_ text: String) -> String { paint(text, "2") }
    public func green(_ text: String) -> String { paint(text, "32") }
    public func yellow(_ text: String) -> String { paint(text, "33") }
    public func red(_ text: String) -> String { paint(text, "31") }
    public func cyan(_ text: String) -> String { paint(text, "36") }
    public func blue(_ text: String) -> String { paint(text, "34") }
    public func magenta(_ text: String) -> String { paint(text, "35") }
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
