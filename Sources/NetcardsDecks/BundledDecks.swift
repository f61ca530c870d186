import Foundation

/// The decks of Decks/, compiled into the binary.
public enum BundledDecks {
    public struct File: Sendable {
        /// The file name in Decks/, e.g. `2-protocols.md`.
        public var name: String
        /// The deck's name in its front matter (nil without one) and the content hash of its text, worked out when
        /// the binary was built: a command that finds the store's bundled decks up to date never decodes the text.
        public var deck: String?
        public var contentHash: String
        let base64: String
        public var text: String { String(decoding: Data(base64Encoded: base64) ?? Data(), as: UTF8.self) }
    }

    public static let files: [File] = embedded.map { entry in
        File(name: entry.file, deck: entry.deck, contentHash: entry.hash, base64: entry.base64)
    }
}
