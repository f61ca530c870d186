#if canImport(Glibc)
import Glibc
#endif
import CEditLine
import CLineSupport

/// libedit's line editor: editing keys, in-run history (up arrow), Tab completion of `:` commands.
public final class EditLineReader: LineReader {
    private let editLine: OpaquePointer
    private let history: OpaquePointer?

    public init(programName: String, completions: [String]) {
        setlocale(LC_CTYPE, "")
        EditLineState.completions = completions
        editLine = nc_el_init(programName)
        history = nc_history_init(500)
        nc_el_set_editor(editLine, "emacs")
        nc_el_set_getc(editLine, nc_read_char)
        if let history { nc_el_set_history(editLine, history) }
        nc_el_set_prompt(editLine, { _ in EditLineState.prompt })
        nc_el_add_function(editLine, "netcards-complete", "Complete a : command", { editLine, _ in
            EditLineState.complete(editLine)
        })
        nc_el_bind(editLine, "^I", "netcards-complete")
    }

    deinit {
        el_end(editLine)
        if let history { history_end(history) }
        free(EditLineState.prompt)
        EditLineState.prompt = nil
    }

    public func readLine(prompt: String) -> LineInput {
        free(EditLineState.prompt)
        EditLineState.prompt = strdup(ControlCharacters.escaped(prompt))
        var count: Int32 = 0
        var raw = el_gets(editLine, &count)
        // A line cut at the limit (nc_read_char dropped the rest of it) is refused, and the prompt asked again.
        while raw != nil, nc_take_line_too_long() != 0, nc_pending_signal() == 0 {
            TerminalOutput.standardOutput.line("\(LineLimit.refusal)")
            raw = el_gets(editLine, &count)
        }
        guard let raw else {
            _ = nc_take_line_too_long()
            TerminalOutput.standardOutput.line()
            return nc_pending_signal() != 0 ? .interrupted : .end
        }
        if nc_pending_signal() != 0 { return .interrupted }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    public var isInteractive: Bool { true }

    public func remember(_ line: String) {
        guard let history, !line.isEmpty else { return }
        nc_history_enter(history, line)
    }
}

/// libedit's prompt and completion hooks are C function pointers without a context argument,
/// so the little state they read lives here. One line editor runs per process.
enum EditLineState {
    nonisolated(unsafe) static var prompt: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var completions: [String] = []

    static func complete(_ editLine: OpaquePointer?) -> UInt8 {
        guard let editLine, let info = el_line(editLine)?.pointee, let start = info.buffer else { return UInt8(CC_ERROR) }
        let length = info.cursor - start
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(start).assumingMemoryBound(to: UInt8.self), count: length)
        let typed = String(decoding: bytes, as: UTF8.self)
        let matches = completions.filter { $0.hasPrefix(typed) }
        guard !typed.isEmpty, let first = matches.first else { return UInt8(CC_REFRESH_BEEP) }
        var common = first
        for match in matches.dropFirst() {
            while !match.hasPrefix(common) { common.removeLast() }
        }
        let suffix = String(common.dropFirst(typed.count)) + (matches.count == 1 ? " " : "")
        if suffix.isEmpty {
            TerminalOutput.standardOutput.write("\n\(matches.joined(separator: "  "))\n")
            return UInt8(CC_REDISPLAY)
        }
        el_insertstr(editLine, suffix)
        return UInt8(CC_REFRESH)
    }
}
