// Bringing the index in step with the files: stat every document (the walk already did),
// re-read only what changed. A file whose size and mtime are unchanged is trusted; one whose
// size or mtime changed is hashed, and parsed only when its bytes changed. A new file whose
// bytes are those of a file that disappeared is a rename: its row moves, nothing is parsed.
import Annotations
import Foundation
import GRDB
import ResolutionKit

/// What a refresh did.
public struct IndexReport: Sendable {
    /// Documents in the walked library.
    public var documents = 0
    /// Files parsed (new, changed, or whose sidecar changed).
    public var parsed = 0
    /// Files whose row moved to a new path without parsing.
    public var renamed = 0
    /// Rows dropped because their file is gone.
    public var removed = 0
    /// Files skipped because they cannot be parsed, with the reason (the error's description).
    public var unreadable: [(path: String, reason: String)] = []
    /// Documents whose notes could not be read, with the reason.
    public var notesUnreadable: [(path: String, reason: String)] = []
}

extension IndexStore {
    /// The absolute form of a walked path (not resolving links: a linked folder's files are
    /// keyed by where the walk found them).
    public static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix("./") ? cwd + "/" + path.dropFirst(2) : cwd + "/" + path
    }

    struct Stored {
        var id: Int64
        var path: String
        var size: Int64
        var mtime: Int64
        var hash: String
        var sidecar: String?
        var sidecarSize: Int64
        var sidecarMtime: Int64
        var error: String?
        var notesError: String?
    }

    struct SidecarState: Equatable {
        var path: String
        var size: Int64
        var mtime: Int64
        static func of(_ path: String) -> SidecarState {
            var st = stat()
            guard stat(path, &st) == 0 else { return SidecarState(path: path, size: -1, mtime: -1) }
            return SidecarState(path: path, size: Int64(st.st_size),
                                mtime: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
        }
    }

    enum Job {
        case parse(LibraryFile)
        case touch(id: Int64, LibraryFile)
        case rename(id: Int64, LibraryFile)
    }

    /// Brings the rows of `files` (the walk of `roots`; plain files given by name have no root)
    /// up to date, and drops rows under `roots` whose file is gone.
    /// - Parameter progress: called with (done, total) as files are parsed.
    /// - Complexity: O(n) stats for n files, plus a hash of each file whose size or mtime
    ///   changed and a parse of each file whose bytes changed; memory holds one batch of
    ///   parsed documents at a time, whatever the library's size.
    @discardableResult
    public func refresh(files: [LibraryFile], roots: [String], storeDirectory: String? = nil,
                        progress: ((Int, Int) -> Void)? = nil) throws -> IndexReport {
        let sidecars = zip(files, SidecarStore.sidecarPaths(forDocuments: files.map(\.path), storeDirectory: storeDirectory))
            .map { file, sidecar in
                // The walk listed the folder: a sidecar beside the document that it did not see
                // does not exist, and needs no stat.
                if file.sidecarBeside == false && sidecar == file.path + LibraryFile.sidecarSuffix {
                    return SidecarState(path: sidecar, size: -1, mtime: -1)
                }
                return SidecarState.of(sidecar)
            }
        var (jobs, removals, report) = try plan(files, sidecars, roots, locked: false)
        if !jobs.isEmpty || !removals.isEmpty {
            // Plan again under the writer's lock: another process may have done the work.
            try withWriterLock {
                defer { forgetStoredDocuments() }
                (jobs, removals, report) = try plan(files, sidecars, roots, locked: true)
                try apply(jobs, removals, sidecars: Dictionary(zip(files.map(\.path), sidecars), uniquingKeysWith: { a, _ in a }),
                          storeDirectory: storeDirectory, report: &report, progress: progress)
            }
        }
        return report
    }

    private func plan(_ files: [LibraryFile], _ sidecars: [SidecarState], _ roots: [String], locked: Bool) throws
        -> ([Job], [Int64], IndexReport) {
        let stored = try storedDocuments(fresh: locked)
        var report = IndexReport()
        report.documents = files.count
        let walked = Set(files.map { Self.absolute($0.path) })
        let rootPrefixes = roots.map { r -> String in let a = Self.absolute(r); return a.hasSuffix("/") ? a : a + "/" }
        // Rows under a walked root whose file the walk did not find: removed or renamed.
        var missing: [String: Stored] = [:]
        for (path, s) in stored where !walked.contains(path) && rootPrefixes.contains(where: { path.hasPrefix($0) }) {
            missing[path] = s
        }
        var missingByHash: [String: [String]] = [:]
        for (path, s) in missing where s.error == nil { missingByHash[s.hash, default: []].append(path) }
        var jobs: [Job] = []
        for (file, sidecar) in zip(files, sidecars) {
            let abs = Self.absolute(file.path)
            let sidecarSame: (Stored) -> Bool = { s in
                s.sidecar == sidecar.path && s.sidecarSize == sidecar.size && s.sidecarMtime == sidecar.mtime
            }
            if let s = stored[abs] {
                if s.size == file.size && s.mtime == file.mtime && (sidecarSame(s) || s.error != nil) {
                    if let e = s.error { report.unreadable.append((file.path, e)) }
                    if let e = s.notesError { report.notesUnreadable.append((file.path, e)) }
                    continue
                }
                if s.error == nil, sidecarSame(s), let h = Self.hash(file.path), h == s.hash {
                    jobs.append(.touch(id: s.id, file))
                } else {
                    jobs.append(.parse(file))
                }
                continue
            }
            // A new path: the same bytes as a vanished file, with no notes either side, is a rename.
            if !missingByHash.isEmpty, sidecar.size < 0, let h = Self.hash(file.path),
               var paths = missingByHash[h], let from = paths.popLast(), let s = missing[from], s.sidecarSize < 0 {
                missingByHash[h] = paths.isEmpty ? nil : paths
                missing[from] = nil
                jobs.append(.rename(id: s.id, file))
                continue
            }
            jobs.append(.parse(file))
        }
        return (jobs, missing.values.map(\.id), report)
    }

    /// SHA-256 of the file's bytes, as `SourceInfo.sha256` holds it; nil when unreadable.
    static func hash(_ path: String) -> String? {
        guard let bytes = try? DocumentFile.read(path) else { return nil }
        return SHA256.hex(bytes)
    }

    private func apply(_ jobs: [Job], _ removals: [Int64], sidecars: [String: SidecarState], storeDirectory: String?,
                       report: inout IndexReport, progress: ((Int, Int) -> Void)?) throws {
        var toParse: [LibraryFile] = []
        try pool.write { db in
            for id in removals { try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id]) }
            for job in jobs {
                switch job {
                case .parse(let f): toParse.append(f)
                case .touch(let id, let f):
                    try db.execute(sql: "UPDATE document SET size = ?, mtime = ? WHERE id = ?", arguments: [f.size, f.mtime, id])
                case .rename(let id, let f):
                    report.renamed += 1
                    try db.execute(sql: "UPDATE document SET path = ?, size = ?, mtime = ?, sidecar = ? WHERE id = ?",
                                   arguments: [Self.absolute(f.path), f.size, f.mtime, sidecars[f.path]?.path, id])
                }
            }
        }
        report.removed = removals.count
        // Batches keep memory flat: two batches of parsed documents alive at a time, the next
        // one parsed (on every core) while this one is written (by one writer).
        let batchSize = 256
        var done = 0
        progress?(0, toParse.count)
        let batches = stride(from: 0, to: toParse.count, by: batchSize).map {
            Array(toParse[$0..<min($0 + batchSize, toParse.count)])
        }
        let prepare: @Sendable ([LibraryFile]) -> [PreparedDocument] = { batch in
            Self.prepare(batch, storeDirectory: storeDirectory)
        }
        var next = batches.first.map { b in BackgroundValue { prepare(b) } }
        for (k, batch) in batches.enumerated() {
            let prepared = next!.value
            next = k + 1 < batches.count ? { let b = batches[k + 1]; return BackgroundValue { prepare(b) } }() : nil
            report.parsed += batch.count
            for d in prepared {
                if let e = d.parseError { report.unreadable.append((d.file.path, e)) }
                if let e = d.notesError { report.notesUnreadable.append((d.file.path, e)) }
            }
            try pool.write { db in
                let firstNew = try Self.nextTextID(db)
                for d in prepared {
                    try store(db, d, sidecar: sidecars[d.file.path] ?? SidecarState(path: "", size: -1, mtime: -1))
                }
                try Self.indexTexts(db, from: firstNew)
            }
            done += batch.count
            progress?(done, toParse.count)
        }
    }

    /// A parsed document as its rows will hold it: everything but the writing done off the
    /// writer's thread.
    struct PreparedDocument: Sendable {
        var file: LibraryFile
        var document: DocumentRow?
        /// Why the file could not be parsed (reported); `error` is what the row keeps.
        var parseError: String?
        var error: String?
        var notesError: String?
        var notes = 0
        /// The distinct tags of the document's notes (orphans included), sorted.
        var tags: [String] = []
        var texts: [(paragraph: String, kind: String, body: String, folded: String)] = []

        struct DocumentRow: Sendable {
            var hash: String, symbol: String?, organ: String?, date: String?, title: String?, language: String?
            var units: Int
        }
    }

    /// Parses a batch (on every core) and builds its rows, sidecars read and texts folded.
    /// - Complexity: O(size of the batch's files).
    static func prepare(_ batch: [LibraryFile], storeDirectory: String?) -> [PreparedDocument] {
        let results = ResolutionDocument.loadAll(paths: batch.map(\.path))
        return zip(batch, results).map { file, result in
            var d = PreparedDocument(file: file)
            switch result {
            case .success(let doc):
                var snapshot: SidecarSnapshot?
                do { snapshot = try SidecarStore(documentPath: file.path, storeDirectory: storeDirectory).load(for: doc) }
                catch { d.notesError = "\(error)" }
                d.document = .init(hash: doc.source.sha256, symbol: doc.meta.symbol, organ: doc.meta.body,
                                   date: doc.meta.date, title: doc.meta.title, language: doc.language,
                                   units: doc.units.count)
                d.notes = (snapshot?.annotations.count ?? 0) + (snapshot?.orphans.count ?? 0)
                d.tags = Set(((snapshot?.annotations ?? []) + (snapshot?.orphans ?? [])).flatMap(\.tags)).sorted()
                d.texts = LibrarySearch.searchTexts(doc, snapshot).map {
                    ($0.paragraph, $0.kind, $0.text, FoldedText.fold($0.text))
                }
            case .failure(let error):
                d.parseError = error.description
                // A file that vanished while we looked has no row; an unreadable one keeps
                // its reason so that the next run does not try again until it changes.
                d.error = FileManager.default.fileExists(atPath: file.path) ? error.description : nil
            }
            return d
        }
    }

    /// The smallest id a text inserted from now on can get: `text` ids come from AUTOINCREMENT,
    /// so they are never reused, even when the rows with the largest ids are deleted first (as
    /// re-storing a changed document does).
    static func nextTextID(_ db: Database) throws -> Int64 {
        let used = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'text'") ?? 0
        return used + 1
    }

    /// Adds the texts with ids from `first` on to the full-text tables, in one statement each.
    /// - Complexity: O(characters of the new texts).
    static func indexTexts(_ db: Database, from first: Int64) throws {
        try db.execute(sql: "INSERT INTO text_fts(rowid, folded) SELECT id, folded FROM text WHERE id >= ?",
                       arguments: [first])
        try db.execute(sql: """
            INSERT INTO unigram_fts(rowid, letters)
            SELECT id, letters FROM (SELECT id, reso_unigrams(folded) AS letters FROM text WHERE id >= ?)
            WHERE letters IS NOT NULL
            """, arguments: [first])
    }

    private func store(_ db: Database, _ d: PreparedDocument, sidecar: SidecarState) throws {
        let abs = Self.absolute(d.file.path)
        try db.execute(sql: "DELETE FROM document WHERE path = ?", arguments: [abs])
        guard d.document != nil || d.error != nil else { return }
        let m = d.document
        try db.execute(sql: """
            INSERT INTO document(path, size, mtime, hash, symbol, organ, date, title, language, units, notes, tags,
                                 sidecar, sidecar_size, sidecar_mtime, notes_error, error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [abs, d.file.size, d.file.mtime, m?.hash ?? "", m?.symbol, m?.organ,
                             m?.date, m?.title, m?.language, m?.units ?? 0, d.notes, d.tags.joined(separator: "\u{1F}"),
                             sidecar.path, sidecar.size, sidecar.mtime, d.notesError, d.error])
        let id = db.lastInsertedRowID
        let insert = try db.cachedStatement(sql: """
            INSERT INTO text(doc, seq, paragraph, kind, body, folded) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (seq, t) in d.texts.enumerated() {
            try insert.execute(arguments: [id, seq, t.paragraph, t.kind, t.body, t.folded])
        }
    }
}
