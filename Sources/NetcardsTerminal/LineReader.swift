#if canImport(Glibc)
import Glibc
#endif
import CLineSupport

public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-D or the end of piped input.
    case end
    /// Ctrl-C, SIGTERM or SIGHUP.
    case interrupted
}

/// Where the REPLs read the learner's lines from.
public protocol LineReader: AnyObject {
    func readLine(prompt: String) -> LineInput
    /// Lines worth recalling with the up arrow.
    func remember(_ line: String)
}

public enum LineReaders {
    /// libedit when stdin is a terminal; plain lines (no editing, no escape codes) otherwise.
    public static func forStandardInput(programName: String, completions: [String]) -> any LineReader {
        isatty(STDIN_FILENO) == 1
            ? EditLineReader(programName: programName, completions: completions)
            : PlainLineReader()
    }

    /// From now on Ctrl-C, SIGTERM and SIGHUP end the current read instead of killing the process,
    /// so the loop can finish the write in progress and leave cleanly.
    public static func catchInterrupts() { nc_install_signal_handlers() }

    public static var pendingSignal: Int32 { nc_pending_signal() }
}

/// Reads plain lines from stdin: scripts and pipes.
public final class PlainLineReader: LineReader {
    public init() {}

    public func readLine(prompt: String) -> LineInput {
        writeStandardOutput(prompt)
        guard nc_pending_signal() == 0, let line = Swift.readLine(strippingNewline: true) else {
            writeStandardOutput("\n")
            return nc_pending_signal() != 0 ? .interrupted : .end
        }
        writeStandardOutput(line + "\n")
        return .line(line)
    }

    public func remember(_ line: String) {}
}

public func writeStandardOutput(_ text: String) {
    nc_write_stdout(text)
}
