import Foundation
import NetcardsTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Runs netcards on a real pseudo-terminal, as a learner's terminal would: the child starts a new session
/// and opens the slave side as fds 0, 1 and 2, which makes it its controlling terminal — so Ctrl-C (0x03)
/// written to the master becomes SIGINT through the tty line discipline, and Ctrl-D (0x04) is end of input.
final class PseudoTerminal {
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var transcript: String
        var raw: [UInt8] = []
        var description: String {
            var text = "\(message)\n--- terminal transcript ---\n\(transcript)\n--- end of transcript ---"
            if !raw.isEmpty {
                text += "\n--- raw bytes (last 2000, escaped) ---\n\(String(decoding: raw.suffix(2000), as: UTF8.self).debugDescription)"
            }
            return text
        }
    }

    static let defaultTimeout: Duration = .seconds(10)
    /// How long `waitForExit` waits at most: a ceiling, not a delay (it returns as soon as the program exits).
    /// On a loaded two-core machine an exit after the last key has taken over 10 s; a real hang still fails.
    static let exitTimeout: Duration = .seconds(60)

    let pid: pid_t
    private let master: Int32
    private var raw: [UInt8] = []
    /// Offset into the cleaned output where the next `expect` starts looking.
    private var cursor = 0
    private var finished: Int32?
    private var closed = false
    private var hungUp = false

    init(executable: URL, arguments: [String], environment: [String: String], rows: UInt16 = 30, columns: UInt16 = 120) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var name = [CChar](repeating: 0, count: 256)
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, &name, nil, &size) == 0 else {
            throw Failure(message: "openpty failed: \(String(cString: strerror(errno)))", transcript: "")
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        // openpty's name is ptsname(master), fetched with the thread-safe ptsname_r.
        let slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { close(slave) }

        let pid: pid_t
        do {
            pid = try spawnProcess(executable, arguments: arguments, environment: environment,
                                   io: .terminal(path: slavePath), newSession: true)
        } catch {
            close(master)
            throw Failure(message: "\(error)", transcript: "")
        }
        self.pid = pid
        self.master = master
    }

    deinit {
        if finished == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        if !hungUp { close(master) }
    }

    /// Everything the terminal showed so far, escape sequences and carriage returns removed.
    var transcript: String { String(decoding: Self.clean(raw), as: UTF8.self) }

    /// The terminal's bytes as written, escape sequences included.
    var rawOutput: [UInt8] { raw }

    // MARK: Keys

    func type(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "writing to the terminal failed: \(String(cString: strerror(errno)))", transcript: transcript)
            }
            offset += written
        }
    }

    /// Types `bytes` from a thread of its own, so a paste larger than the terminal's buffers can go in while
    /// `expect` reads what the program echoes (writing it all first would block on a full terminal). The
    /// semaphore is signalled once everything is written.
    func sendInBackground(_ bytes: [UInt8]) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        let master = master
        Thread {
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
                if written < 0 && errno != EINTR { break }
                offset += max(0, written)
            }
            done.signal()
        }.start()
        return done
    }

    /// Closes the terminal, as closing its window or losing the ssh connection does: the kernel sends
    /// SIGHUP to the session. Nothing more can be read afterwards.
    func hangUp() {
        guard !hungUp else { return }
        hungUp = true
        closed = true
        close(master)
    }

    func pressControlC() throws { try send([0x03]) }
    /// Ctrl-D ends a libedit prompt only once libedit reads in raw mode (see `expectPrompt`); it waits for that.
    func pressControlD() throws {
        try waitForRawMode(after: "Ctrl-D")
        try send([0x04])
    }

    // MARK: Reading

    /// Waits until `text` appears after the previous match; returns the output from there up to the match.
    /// Fails with the transcript when it doesn't appear within the timeout or the program ends first.
    @discardableResult
    func expect(_ text: String, timeout: Duration = defaultTimeout) throws -> String {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now + timeout
        while true {
            let cleaned = Self.clean(raw)
            if let range = Self.find(needle, in: cleaned, from: cursor) {
                let chunk = String(decoding: cleaned[cursor..<range.upperBound], as: UTF8.self)
                cursor = range.upperBound
                return chunk
            }
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero || closed {
                let why = closed ? "the program ended" : "nothing matched within \(timeout)"
                throw Failure(message: "expected \(text.debugDescription) on the terminal, but \(why)", transcript: transcript, raw: raw)
            }
            readOnce(timeout: remaining)
        }
    }

    /// Waits for a line editor's `prompt`, then until the editor has put the terminal in raw mode, so the
    /// next keys reach it as keys. libedit prints its prompt first (read_prepare) and switches to raw mode
    /// only just before reading (el_wgetc → tty_rawmode); keys sent in between go through the canonical line
    /// discipline instead, where a Ctrl-D at the start of a line is swallowed.
    @discardableResult
    func expectPrompt(_ prompt: String, timeout: Duration = defaultTimeout) throws -> String {
        let chunk = try expect(prompt, timeout: timeout)
        try waitForRawMode(after: prompt.debugDescription, timeout: timeout)
        return chunk
    }

    func waitForRawMode(after what: String, timeout: Duration = defaultTimeout) throws {
        let deadline = ContinuousClock.now + timeout
        while let modes = modes(), modes.c_lflag & tcflag_t(ICANON) != 0 {
            if ContinuousClock.now >= deadline || closed {
                throw Failure(message: "the terminal stayed in canonical mode at \(what)",
                              transcript: transcript, raw: raw)
            }
            readOnce(timeout: .milliseconds(5))
        }
    }

    /// Waits for the program to exit (reading what it still writes); its exit code, or 128 + signal.
    func waitForExit(timeout: Duration = exitTimeout) throws -> Int32 {
        if let finished { return finished }
        let deadline = ContinuousClock.now + timeout
        while true {
            var status: Int32 = 0
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid {
                let code = exitCode(fromWaitStatus: status)
                finished = code
                while !closed { readOnce(timeout: .milliseconds(200), stopOnTimeout: true) }
                return code
            }
            if ContinuousClock.now >= deadline {
                throw Failure(message: "netcards did not exit within \(timeout)", transcript: transcript, raw: raw)
            }
            if closed { usleep(10_000) } else { readOnce(timeout: .milliseconds(50)) }
        }
    }

    /// The terminal's current modes (the pty pair shares one termios), to check the program restored them.
    func modes() -> termios? {
        guard !hungUp else { return nil }
        var modes = termios()
        return tcgetattr(master, &modes) == 0 ? modes : nil
    }

    /// One poll + read of whatever the program wrote.
    private func readOnce(timeout: Duration, stopOnTimeout: Bool = false) {
        guard !hungUp else { return }
        let milliseconds = max(1, Int32(min(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000, 60_000)))
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, milliseconds)
        if ready < 0 { return }  // EINTR: the caller loops
        if ready == 0 {
            if stopOnTimeout { closed = true }
            return
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count > 0 {
            raw.append(contentsOf: buffer[..<count])
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            closed = true  // EIO: every slave descriptor is closed — the program has exited
        }
    }

    // MARK: Cleaning

    /// The output without ANSI escape sequences, carriage returns and bells: what the learner reads.
    static func clean(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x1B:
                guard index + 1 < bytes.count else { return result }
                let kind = bytes[index + 1]
                if kind == UInt8(ascii: "[") {
                    var end = index + 2
                    while end < bytes.count, !(0x40...0x7E).contains(bytes[end]) { end += 1 }
                    guard end < bytes.count else { return result }
                    index = end + 1
                } else if kind == UInt8(ascii: "]") {
                    var end = index + 2
                    while end < bytes.count, bytes[end] != 0x07, !(bytes[end] == 0x1B && end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: "\\")) {
                        end += 1
                    }
                    guard end < bytes.count else { return result }
                    index = end + (bytes[end] == 0x07 ? 1 : 2)
                } else if kind == UInt8(ascii: "(") || kind == UInt8(ascii: ")") {
                    index += 3
                } else {
                    index += 2
                }
            case 0x0D, 0x07:
                index += 1
            default:
                result.append(byte)
                index += 1
            }
        }
        return result
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count - start >= needle.count else { return nil }
        for offset in start...(haystack.count - needle.count) where haystack[offset] == needle[0] {
            if haystack[offset..<(offset + needle.count)].elementsEqual(needle) { return offset..<(offset + needle.count) }
        }
        return nil
    }
}
