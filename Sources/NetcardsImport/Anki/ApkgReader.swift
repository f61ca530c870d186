import Foundation

/// Anki packages (.apkg, .colpkg), both layouts: unpacked into a private temporary folder that is removed
/// afterwards, the collection opened read-only, each note turned into an `ImportedNote`.
enum ApkgReader {
    static func read(_ url: URL, file: String, options: ImportOptions, progress: (Double) -> Void) throws(ImportError) -> [ImportedNote] {
        let folder = options.temporaryDirectory.appendingPathComponent("netcards-import-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw ImportError(file: file, nil, "could not create a temporary folder in \(options.temporaryDirectory.path) (\(error.localizedDescription)) — check TMPDIR")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try PackageUnpacker(file: file, limit: options.maxUnpackedBytes).unpackCollection(from: url, into: folder)
        progress(0.3)
        return try readCollection(database, file: file, options: options, progress: progress)
    }

    /// The collection file once out of its package: a private copy, which may be switched out of WAL mode.
    static func readCollection(_ database: URL, file: String, options: ImportOptions,
                               progress: (Double) -> Void) throws(ImportError) -> [ImportedNote] {
        try SQLiteHeader.allowReadOnlyOpen(database, file: file)
        let read: Result<AnkiCollection, AnkiProblems>
        do {
            read = try AnkiCollection.read(path: database.path, withReviews: options.withHistory)
        } catch {
            throw ImportError(file: file, nil, "the package's collection could not be read (\(error)) — it may be damaged or from an Anki version netcards doesn't know")
        }
        progress(0.7)
        switch read {
        case .success(let collection): return try notes(in: collection, file: file, options: options)
        case .failure(let bad): throw ImportError(bad.values.map { ImportProblem(file: file, $0.noteId.map(ImportLocation.note), $0.message) })
        }
    }

    private static func notes(in collection: AnkiCollection, file: String, options: ImportOptions) throws(ImportError) -> [ImportedNote] {
        var history: AnkiHistory?
        if options.withHistory {
            do { history = try AnkiHistory(createdSeconds: collection.created ?? 0, options: options) } catch {
                throw ImportError(file: file, nil, error.message)
            }
        }
        var problems: [ImportProblem] = []
        let notes = collection.notes.compactMap { note -> ImportedNote? in
            guard let cards = collection.cards[note.id], let first = cards.first else { return nil }
            let deckPath = collection.decks[first.homeDeckId] ?? []
            var imported = ImportedNote(
                location: .note(note.id), deckPath: deckPath, module: deckPath.first,
                fields: note.fields.components(separatedBy: "\u{1F}").map(HTMLText.text(from:)),
                tags: TagText.split(note.tags), guid: note.guid,
                isCloze: collection.notetypes[note.notetypeId]?.isCloze ?? false)
            if let history {
                for card in cards {
                    do throws(AnkiHistory.OutOfRange) {
                        if let carried = try history.history(of: card, reviews: collection.reviews[card.id] ?? []) {
                            imported.history[card.ord] = carried
                        }
                    } catch {
                        problems.append(ImportProblem(file: file, .note(note.id), error.message))
                    }
                }
            }
            return imported
        }
        if !problems.isEmpty { throw ImportError(problems) }
        return notes
    }
}

/// SQLite's header bytes 18–19 say whether the file is in WAL mode (2). A read-only connection can't open a WAL
/// file without creating `-shm`, so the private copy is switched to rollback mode (1) first.
enum SQLiteHeader {
    static func allowReadOnlyOpen(_ url: URL, file: String) throws(ImportError) {
        guard let handle = try? FileHandle(forUpdating: url) else {
            throw ImportError(file: file, nil, "could not open the unpacked collection in the temporary folder")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 20)) ?? Data()
        guard header.count == 20, header.prefix(16) == Data("SQLite format 3\0".utf8) else {
            throw ImportError(file: file, nil, "the package's collection is not an SQLite database — the file is damaged; export it again from Anki")
        }
        if header[18] == 2 || header[19] == 2 {
            do {
                try handle.seek(toOffset: 18)
                try handle.write(contentsOf: Data([1, 1]))
            } catch {
                throw ImportError(file: file, nil, "could not prepare the unpacked collection (\(error.localizedDescription))")
            }
        }
    }
}
