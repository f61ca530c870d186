import NetcardsTerminal

/// Everything netcards shows goes through `TerminalOutput`, which escapes control characters from cards and
/// files; this shadows Swift's `print` in the module so a stray one is a compile error, not a hole.
@available(*, unavailable, message: "write through TerminalOutput.standardOutput or .standardError")
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {}
