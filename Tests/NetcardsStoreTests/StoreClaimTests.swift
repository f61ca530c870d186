import Foundation
import Testing
import NetcardsStore

/// `netcards restore` swaps the store's file only while it holds the store: no other process may open it then.
@Suite("Claiming a store for a restore")
final class StoreClaimTests {
    let folder: TemporaryFolder
    let storePath: String

    init() throws {
        folder = try TemporaryFolder()
        storePath = folder.path("netcards.sqlite")
        try NetcardsStore(path: storePath).load([networkingDeck()])
    }

    @Test(.enabled(if: SQLiteShell.isAvailable))
    func aStoreClosedCleanlyIsHeldAgainstOtherProcessesUntilReleased() throws {
        // The last connection closing removes the -shm file; the claim must hold the store all the same.
        #expect(!FileManager.default.fileExists(atPath: storePath + "-shm"), "the store was closed cleanly")
        let claim = try StoreClaim(storePath)
        let whileHeld = try SQLiteShell.attempt(storePath, "SELECT count(*) FROM card;")
        #expect(whileHeld.status != 0, "another process read the store during the claim: \(whileHeld)")
        #expect(whileHeld.errors.contains("lock"), "\(whileHeld.errors)")  // "database is locked" or "locking protocol"

        claim.release()
        let afterwards = try SQLiteShell.attempt(storePath, "SELECT count(*) FROM card;")
        #expect(afterwards.status == 0 && Int(afterwards.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 0, "\(afterwards)")
    }

    @Test func noStoreNoClaimAndNoFileMade() throws {
        let missing = folder.path("missing.sqlite")
        _ = try StoreClaim(missing)
        #expect(!FileManager.default.fileExists(atPath: missing + "-shm"))
    }
}
