import Foundation

/// What a finished process printed and how it ended.
package struct ProcessResult: Sendable, CustomStringConvertible {
    package var stdoutData: Data
    package var stderrData: Data
    /// The exit code, or 128 + the signal number when a signal ended the process (as a shell reports it).
    package var status: Int32
    /// The signal that ended the process, if one did.
    package var signal: Int32?

    package var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    package var stderr: String { String(decoding: stderrData, as: UTF8.self) }
    package var killedBySignal: Bool { signal != nil }

    package var description: String { "exit \(status)\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)" }
}

/// A started program that did not do what the test waited for; says what it printed.
package struct ProgramFailure: Error, CustomStringConvertible {
    package var message: String
    package var stdout: String
    package var stderr: String
    package var description: String { "\(message)\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)" }
}

/// Writing to a pipe whose reader has exited must fail with EPIPE, not kill the test process.
let ignoreSIGPIPE: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

/// Runs `executable` to its end with `stdin` piped in (then closed) and exactly `environment` (nothing
/// inherited); kills it and throws when it runs past `timeout`.
package func runProgram(_ executable: URL, _ arguments: [String], stdin: Data = Data(), environment: [String: String],
                        directory: String? = nil, timeout: Duration = .seconds(60)) throws -> ProcessResult {
    let program = try RunningProgram(executable: executable, arguments: arguments, environment: environment,
                                     directory: directory)
    program.sendAndClose(stdin)
    return try program.waitForExit(timeout: timeout)
}
