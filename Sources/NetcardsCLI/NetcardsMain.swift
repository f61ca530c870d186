import ArgumentParser
import Foundation
import NetcardsCore
import NetcardsStore
import NetcardsTerminal

/// Runs the command line and maps every failure to netcards' exit codes:
/// 0 ok, 1 bad input or data, 2 usage.
public enum NetcardsMain {
    public static func run(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try Netcards.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch let error as UserError {
            fail(error.message, code: 1)
        } catch let error as StoreError {
            fail(error.description, code: 1)
        } catch let error as DeckParseErrors {
            fail(error.description, code: 1)
        } catch {
            let code = Netcards.exitCode(for: error)
            if code == .success { TerminalOutput.standardOutput.line("\(Netcards.fullMessage(for: error))"); exit(0) }
            if code == .validationFailure {
                TerminalOutput.standardError.line("\(Netcards.fullMessage(for: error))")
                exit(2)
            }
            if let exitCode = error as? ExitCode { exit(exitCode.rawValue) }
            fail(Netcards.fullMessage(for: error), code: 1)
        }
    }

    private static func fail(_ message: String, code: Int32) -> Never {
        TerminalOutput.standardError.line("netcards: \(message)")
        exit(code)
    }
}

/// A problem with what the learner asked for or gave us; printed as is, exit code 1.
public struct UserError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
