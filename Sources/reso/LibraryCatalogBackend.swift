// The reader's big-library mode: its list comes from the index's metadata, a document is
// parsed when the user opens it, and `/` searches through the index. The reader sees the
// index only through its `LibraryCatalog` protocol (module arrows: reso → Reader, reso →
// LibraryIndex; Reader never imports LibraryIndex).
import Annotations
import Foundation
import LibraryIndex
import Reader
import ResolutionKit

/// Unchecked Sendable: the indexing thread uses only `index` (GRDB's pool serializes its
/// writes and lets reads run beside them) and the immutable `files` and `roots`; everything
/// else is used on the reader's thread.
final class IndexedCatalog: LibraryCatalog, @unchecked Sendable {
    let index: IndexStore
    let files: [LibraryFile]
    /// The folders walked (the index drops its rows under them whose file is gone).
    let roots: [String]
    let backend: SidecarAnnotations
    /// Walk path → document number, to place search hits.
    private let docByPath: [String: Int]
    /// East Asian Ambiguous characters are two columns wide (`--ambiguous-wide`).
    var ambiguousWide = false

    init(index: IndexStore, files: [LibraryFile], roots: [String], backend: SidecarAnnotations) {
        self.index = index; self.files = files; self.roots = roots; self.backend = backend
        docByPath = Dictionary(files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func open(document doc: Int) throws -> (DocumentModel, DocumentNotes) {
        let path = files[doc].path
        let document: ResolutionDocument
        do { document = try ResolutionDocument.load(path: path) } catch { throw UserFacingError("\(error)") }
        let model = DocumentModel(path: path, document: document)
        model.ambiguousWide = ambiguousWide
        backend.setModel(model, for: doc)
        return (model, try backend.load(document: doc))
    }

    /// - Complexity: the index's search (see `IndexStore.search`), then O(hits).
    func search(_ query: String) throws -> [CatalogHit] {
        try index.search(query, files: files).compactMap { h in
            docByPath[h.file].map { CatalogHit(doc: $0, paragraph: h.paragraph, snippet: h.snippet) }
        }
    }

    /// The reader for `paths` through the index: nil when there is no usable index (the caller
    /// parses every file as before). Nothing is parsed here: the list shows what the index
    /// holds, and `refresh` (after the first frame) fills in the rest.
    /// Libraries smaller than this are parsed up front (the list then also counts each
    /// document's search hits); `RESO_INDEXED_LIBRARY_MIN` changes it (tests use 2).
    static var threshold: Int {
        Int(ProcessInfo.processInfo.environment["RESO_INDEXED_LIBRARY_MIN"] ?? "").flatMap { $0 >= 2 ? $0 : nil } ?? 200
    }

    /// Why the last `prepare` fell back to parsing every document (an unusable cache: read-only,
    /// full, not a folder), for the reader's status line: a warning, never a failure.
    nonisolated(unsafe) static var fallbackWarning: String?

    static func prepare(paths: [String], config: ResoConfig) throws -> (IndexedCatalog, [CatalogEntry], [String])? {
        if let v = ProcessInfo.processInfo.environment["RESO_NO_INDEX"], !v.isEmpty, v != "0" { return nil }
        let index: IndexStore
        do { index = try IndexStore() } catch {
            fallbackWarning = "warning: reading every document, the index cannot be used: \(error)"
            return nil
        }
        let (files, roots) = try DocumentPaths.walk(paths, index: index)
        guard files.count >= threshold else { return nil }
        let catalog = IndexedCatalog(index: index, files: files, roots: roots,
                                     backend: SidecarAnnotations(paths: files.map(\.path), config: config))
        return (catalog, try catalog.entries(), [])
    }

    /// The list's rows from what the index holds now: a document it does not know yet shows
    /// its path only; one that cannot be parsed shows why as its title.
    func entries() throws -> [CatalogEntry] {
        try zip(files, index.catalog(files: files)).map { f, r in
            CatalogEntry(relativePath: r.relativePath.isEmpty ? f.path : r.relativePath, symbol: r.symbol,
                         organ: r.organ, date: r.date, title: r.error.map { "(cannot be read: \($0))" } ?? r.title,
                         language: r.language, units: r.units, notes: r.notes, tags: r.tags)
        }
    }

    /// Brings the index up to date (a warm one only stats the files), calling `progress` with
    /// (done, total) as documents are parsed; returns what to report in the status line.
    func refresh(progress: @escaping (Int, Int) -> Void) -> [String] {
        do {
            let report = try index.refresh(files: files, roots: roots, progress: progress)
            return report.unreadable.map { "skipped \($0.path): \($0.reason)" }
        } catch {
            return ["warning: the index could not be refreshed (\(error)); the list may be out of date"]
        }
    }
}
