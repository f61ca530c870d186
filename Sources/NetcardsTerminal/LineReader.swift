#if canImport(Glibc)
import Glibc
#endif
import CLineSupport

public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-D or the end of piped input.
    case end
    /// Ctrl-C, Ctrl-\\, SIGTERM or SIGHUP.
    case interrupted
}

/// Where the REPLs read the learner's lines from.
public protocol LineReader: AnyObject {
    func readLine(prompt: String) -> LineInput
    /// Lines worth recalling with the up arrow.
    func remember(_ line: String)
    /// A learner at a terminal, rather than a script.
    var isInteractive: Bool { get }
}

public enum LineReaders {
    /// libedit when stdin is a terminal; plain lines (no editing, no escape codes) otherwise.
    public static func forStandardInput(programName: String, completions: [String]) -> any LineReader {
        isatty(STDIN_FILENO) == 1
            ? EditLineReader(programName: programName, completions: completions)
            : PlainLineReader()
    }

    /// From now on Ctrl-C, Ctrl-\\ (SIGQUIT), SIGTERM and SIGHUP end the current read instead of killing the process,
    /// so the loop can finish the write in progress and leave cleanly.
    public static func catchInterrupts() { nc_install_signal_handlers() }

    public static var pendingSignal: Int32 { nc_pending_signal() }
}

/// The longest line the REPLs read (NC_LINE_LIMIT, 4 KB): an answer or command is far shorter, and a longer
/// one (a runaway paste) is dropped as it arrives, so it costs neither memory nor time.
public enum LineLimit {
    public static let bytes = Int(NC_LINE_LIMIT)
    static let refusal = "That line is over \(bytes) bytes, so it was not read. Type a shorter one."
}

/// Reads plain lines from stdin: scripts and pipes.
public final class PlainLineReader: LineReader {
    private var buffered: [UInt8] = []
    private var atEnd = false

    public init() {}

    public func readLine(prompt: String) -> LineInput {
        while true {
            TerminalOutput.standardOutput.write("\(prompt)")
            switch nextLine() {
            case nil:
                TerminalOutput.standardOutput.line()
                return nc_pending_signal() != 0 ? .interrupted : .end
            case .tooLong?:
                TerminalOutput.standardOutput.line()
                TerminalOutput.standardOutput.line("\(LineLimit.refusal)")
            case .text(let line)?:
                TerminalOutput.standardOutput.line("\(line)")
                return .line(line)
            }
        }
    }

    public func remember(_ line: String) {}

    public var isInteractive: Bool { false }

    private enum Line {
        case text(String)
        /// Over `LineLimit.bytes`: dropped as it arrived, never held whole.
        case tooLong
    }

    /// The next line without its line break; nil at the end of input or once a signal is pending.
    /// Reads with read(2), not Swift.readLine: that one retries getline on EINTR, and glibc's getline returns
    /// at once while stdin's error flag is set, so a signal during the read made it spin forever.
    private func nextLine() -> Line? {
        var tooLong = false
        while nc_pending_signal() == 0 {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                var line = buffered[..<newline]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                defer { buffered.removeSubrange(...newline) }
                return tooLong || line.count > LineLimit.bytes ? .tooLong : .text(String(decoding: line, as: UTF8.self))
            }
            if buffered.count > LineLimit.bytes {
                tooLong = true
                buffered.removeAll(keepingCapacity: true)
            }
            if atEnd {
                guard !buffered.isEmpty || tooLong else { return nil }
                defer { buffered.removeAll() }
                return tooLong ? .tooLong : .text(String(decoding: buffered, as: UTF8.self))
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count > 0 {
                buffered.append(contentsOf: chunk[..<count])
            } else if count == 0 || errno != EINTR {
                atEnd = true
            }
        }
        return nil
    }
}
