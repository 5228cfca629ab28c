// Search through the index. The full-text index (FTS5, trigram tokenizer over the folded text)
// only narrows the texts down to candidates: every candidate is then matched by `SearchPattern`
// and its hit built by `LibrarySearch.hit`, exactly as `reso search` does when it scans, so the
// hits are the scan's (same documents, paragraphs, snippets, counts, order).
import Annotations
import Foundation
import GRDB
import ResolutionKit

/// What the cache holds (`reso index --status`).
public struct IndexStatus: Sendable {
    public var path: String
    public var documents: Int
    public var texts: Int
    public var unreadable: Int
    public var notes: Int
    /// Bytes on disk: the database with its WAL.
    public var bytes: Int64
    /// Sum of the indexed files' sizes.
    public var libraryBytes: Int64
}

extension IndexStore {
    /// Hits for `query` in `files` (a refreshed library), in the scan's order.
    /// - Complexity: a query of 3 or more folded scalars reads the trigram index, then only the
    ///   candidate texts; one of one or two CJK letters (`决议`, `和`), which has no trigram,
    ///   reads the unigram index as a phrase. Any other short query (`un`) is matched with
    ///   `instr` over the folded texts inside SQLite: O(total text), without parsing anything.
    public func search(_ query: String, files: [LibraryFile]) throws -> [SearchHit] {
        guard let pattern = SearchPattern(query) else { return [] }
        let folded = FoldedText.fold(query: pattern)
        var order: [String: (rank: Int, display: String)] = [:]
        for (i, f) in files.enumerated() { order[Self.absolute(f.path)] = (i, f.path) }
        var found: [(rank: Int, seq: Int, hit: SearchHit)] = []
        try pool.read { db in
            var docs: [Int64: (rank: Int, display: String)] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, path FROM document WHERE error IS NULL")
            while let r = try rows.next() {
                let path: String = r[1]
                if let o = order[path] { docs[r[0]] = o }
            }
            let candidates: RowCursor
            if folded.unicodeScalars.count >= 3 {
                let phrase = FoldedText.trigramQuery(ofFolded: folded)
                candidates = try Row.fetchCursor(db, sql: """
                    SELECT t.doc, t.seq, t.paragraph, t.kind, t.body FROM text_fts JOIN text t ON t.id = text_fts.rowid
                    WHERE text_fts MATCH ?
                    """, arguments: [phrase])
            } else if let phrase = FoldedText.unigramPhrase(ofFolded: folded) {
                candidates = try Row.fetchCursor(db, sql: """
                    SELECT t.doc, t.seq, t.paragraph, t.kind, t.body FROM unigram_fts JOIN text t ON t.id = unigram_fts.rowid
                    WHERE unigram_fts MATCH ?
                    """, arguments: [phrase])
            } else {
                candidates = try Row.fetchCursor(db, sql: """
                    SELECT doc, seq, paragraph, kind, body FROM text WHERE instr(folded, ?) > 0
                    """, arguments: [folded])
            }
            var read = 0
            defer { candidatesRead = read }
            while let r = try candidates.next() {
                read += 1
                guard let d = docs[r[0]] else { continue }
                let body: String = r[4]
                guard let h = LibrarySearch.hit(pattern, in: body) else { continue }
                found.append((d.rank, r[1], SearchHit(file: d.display, paragraph: r[2], kind: r[3], snippet: h.snippet,
                                                     count: h.count, offset: h.offset)))
            }
        }
        found.sort { ($0.rank, $0.seq) < ($1.rank, $1.seq) }
        return found.map(\.hit)
    }

    /// Size and mtime of every parsed document, by absolute path: the walk need not open an
    /// unchanged one again to tell it from an export.
    /// - Complexity: O(rows).
    public func knownDocuments() throws -> [String: (size: Int64, mtime: Int64)] {
        var out: [String: (size: Int64, mtime: Int64)] = [:]
        for (path, s) in try storedDocuments(fresh: false) where s.error == nil { out[path] = (s.size, s.mtime) }
        return out
    }

    public func status() throws -> IndexStatus {
        try pool.read { db in
            let documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0
            let unreadable = try Int.fetchOne(db, sql: "SELECT count(*) FROM document WHERE error IS NOT NULL") ?? 0
            let notes = try Int.fetchOne(db, sql: "SELECT coalesce(sum(notes), 0) FROM document") ?? 0
            let libraryBytes = try Int64.fetchOne(db, sql: "SELECT coalesce(sum(size), 0) FROM document") ?? 0
            let texts = try Int.fetchOne(db, sql: "SELECT count(*) FROM text") ?? 0
            var bytes: Int64 = 0
            for suffix in ["", "-wal"] {
                if let a = try? FileManager.default.attributesOfItem(atPath: databasePath + suffix),
                   let n = a[.size] as? NSNumber { bytes += n.int64Value }
            }
            return IndexStatus(path: databasePath, documents: documents, texts: texts, unreadable: unreadable,
                               notes: notes, bytes: bytes, libraryBytes: libraryBytes)
        }
    }
}
