import NetcardsTerminal

/// Where the REPLs write: stdout, flushed at once so prompts and feedback appear in order in a pipe too.
struct Console {
    var write: (String) -> Void = writeStandardOutput

    func line(_ text: String = "") { write(text + "\n") }
}
