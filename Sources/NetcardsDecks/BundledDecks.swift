import Foundation

/// The decks of Decks/, compiled into the binary.
public enum BundledDecks {
    public struct File: Sendable {
        /// The file name in Decks/, e.g. `2-protocols.md`.
        public var name: String
        public var text: String
    }

    public static let files: [File] = embedded.map { entry in
        File(name: entry.file, text: String(decoding: Data(base64Encoded: entry.base64) ?? Data(), as: UTF8.self))
    }
}
