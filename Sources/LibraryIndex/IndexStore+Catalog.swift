// What the reader's library list shows, read from the index instead of parsing every
// document: one row of metadata per document, in the walk's order. A document is parsed only
// when it is opened.
import Foundation
import GRDB
import ResolutionKit

/// One document as the index knows it (nil fields: not known, e.g. the file is not indexed yet).
public struct CatalogRow: Sendable, Hashable {
    public var path: String
    public var relativePath: String
    public var symbol: String?
    public var organ: String?
    public var date: String?
    public var title: String?
    public var language: String?
    public var units: Int
    public var notes: Int
    /// The distinct tags of the document's notes, sorted.
    public var tags: [String] = []
    /// Why the document could not be parsed, when it could not.
    public var error: String?
    /// False when the index has no row for the file yet (a cold library).
    public var indexed: Bool
}

extension IndexStore {
    /// A row for each of `files`, in their order; files the index does not know yet come back
    /// with `indexed == false` and only their path.
    /// - Complexity: O(rows in the index + files), one query, no document opened.
    public func catalog(files: [LibraryFile]) throws -> [CatalogRow] {
        var byPath: [String: CatalogRow] = [:]
        byPath.reserveCapacity(files.count)
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT path, symbol, organ, date, title, language, units, notes, error, tags FROM document
                """)
            while let r = try rows.next() {
                byPath[r[0]] = CatalogRow(path: r[0], relativePath: "", symbol: r[1], organ: r[2], date: r[3], title: r[4],
                                          language: r[5], units: r[6], notes: r[7], error: r[8], indexed: true)
                let tags: String = r[9]
                if !tags.isEmpty { byPath[r[0]]?.tags = tags.split(separator: "\u{1F}").map(String.init) }
            }
        }
        return files.map { f in
            var row = byPath[Self.absolute(f.path)]
                ?? CatalogRow(path: f.path, relativePath: f.relativePath, units: 0, notes: 0, indexed: false)
            row.path = f.path
            row.relativePath = f.relativePath
            return row
        }
    }
}
