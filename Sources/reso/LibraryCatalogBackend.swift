// The reader's big-library mode: its list comes from the index's metadata, a document is
// parsed when the user opens it, and `/` searches through the index. The reader sees the
// index only through its `LibraryCatalog` protocol (module arrows: reso → Reader, reso →
// LibraryIndex; Reader never imports LibraryIndex).
import Annotations
import Foundation
import LibraryIndex
import Reader
import ResolutionKit

final class IndexedCatalog: LibraryCatalog {
    let index: IndexStore
    let files: [LibraryFile]
    let backend: SidecarAnnotations
    /// Walk path → document number, to place search hits.
    private let docByPath: [String: Int]

    init(index: IndexStore, files: [LibraryFile], backend: SidecarAnnotations) {
        self.index = index; self.files = files; self.backend = backend
        docByPath = Dictionary(files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func open(document doc: Int) throws -> (DocumentModel, DocumentNotes) {
        let path = files[doc].path
        let document: ResolutionDocument
        do { document = try ResolutionDocument.load(path: path) } catch { throw UserFacingError("\(error)") }
        let model = DocumentModel(path: path, document: document)
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
    /// parses every file as before). A cold index is filled first, with a progress line.
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
        let (files, roots) = try DocumentPaths.walk(paths, known: (try? index.knownDocuments()) ?? [:])
        guard files.count >= threshold else { return nil }
        let progress = ProgressLine()
        let report: IndexReport
        do {
            report = try index.refresh(files: files, roots: roots,
                                       progress: progress.isActive ? { progress.show("indexing", $0, $1) } : nil)
        } catch {
            progress.clear()
            fallbackWarning = "warning: reading every document, the index failed: \(error)"
            return nil
        }
        progress.clear()
        let rows = try index.catalog(files: files)
        // Documents that cannot be parsed are left out of the list and named in the status line.
        var kept: [LibraryFile] = []
        var entries: [CatalogEntry] = []
        var problems = report.unreadable.map { "skipped \($0.path): \($0.reason)" }
        for (f, r) in zip(files, rows) {
            if let e = r.error {
                if !problems.contains(where: { $0.hasPrefix("skipped \(f.path)") }) { problems.append("skipped \(f.path): \(e)") }
                continue
            }
            kept.append(f)
            entries.append(CatalogEntry(relativePath: r.relativePath.isEmpty ? f.path : r.relativePath, symbol: r.symbol,
                                        organ: r.organ, date: r.date, title: r.title, language: r.language,
                                        units: r.units, notes: r.notes))
        }
        guard kept.count > 1 else { return nil }
        let backend = SidecarAnnotations(paths: kept.map(\.path), config: config)
        return (IndexedCatalog(index: index, files: kept, backend: backend), entries, problems)
    }
}
