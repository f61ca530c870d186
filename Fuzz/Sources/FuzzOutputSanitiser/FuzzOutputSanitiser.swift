import NetcardsTerminal

/// libFuzzer entry point: the bytes are card text (any UTF-8, valid or not). What reaches the terminal must
/// hold no control character but newline and tab, except netcards' own colour codes, which must arrive whole.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOutputSanitiser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = String(decoding: bytes, as: UTF8.self)

    let escaped = ControlCharacters.escaped(text)
    precondition(!escaped.unicodeScalars.contains(where: ControlCharacters.isEscaped), "a control survived in \(escaped.debugDescription)")
    precondition(ControlCharacters.escaped(escaped) == escaped, "escaping twice changed \(text.debugDescription)")
    let controls = text.unicodeScalars.filter(ControlCharacters.isEscaped).count
    let kept = text.unicodeScalars.filter { !ControlCharacters.isEscaped($0) }
    precondition(escaped.unicodeScalars.count >= kept.count + controls * 6, "text was lost from \(text.debugDescription)")
    if controls == 0 { precondition(escaped == text, "text without controls changed: \(text.debugDescription)") }

    // The same text painted, in a line with a plain part: the only controls are the two SGR codes.
    let painted: TerminalText = "[\(text)] \(Style(colored: true).bold("\(text)"))"
    let rendered = painted.rendered
    let expected = "[\(escaped)] \u{1B}[1m\(escaped)\u{1B}[0m"
    precondition(rendered == expected, "painted text rendered as \(rendered.debugDescription)")
    precondition(painted.visible == "[\(escaped)] \(escaped)", "the visible text of \(text.debugDescription) is wrong")
    return 0
}
