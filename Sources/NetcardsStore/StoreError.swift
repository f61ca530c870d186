/// Why the store could not be opened or written; every message names the file and says what to do.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case newerStore, notADatabase, damaged, cannotOpen, writeFailed, locked, notFound, invalidInput }
    public var kind: Kind
    public var description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
