import NetcardsCore
import NetcardsStore
import NetcardsTerminal

/// What the review and quiz REPLs share: the store, the clock, where lines come from and where text goes.
struct ReplContext {
    let store: NetcardsStore
    let clock: StudyClock
    let reader: any LineReader
    let console: TerminalOutput
    let style: Style
}
