// The library view of a big library (issue 10 item 3): the list comes from the index's
// metadata (through `LibraryCatalog`, which the app implements over LibraryIndex), and a
// document is parsed only when it is opened. The list can be filtered by language, organ,
// year and tag, sorted, and grouped by folder; library-wide search lists its hits (document,
// paragraph, snippet) and Enter opens the document at the hit. Loading and searching are
// effects: `update` stays pure.
import ResolutionKit
import Terminal

/// One document as the library list shows it.
public struct CatalogEntry: Sendable, Hashable {
    /// Relative to the library root (`2020/en/S_RES_2504.txt`).
    public var relativePath: String
    public var symbol: String?
    public var organ: String?
    public var date: String?
    public var title: String?
    public var language: String?
    public var units: Int
    public var notes: Int
    /// The distinct tags of the document's notes.
    public var tags: [String]
    public init(relativePath: String, symbol: String? = nil, organ: String? = nil, date: String? = nil,
                title: String? = nil, language: String? = nil, units: Int = 0, notes: Int = 0, tags: [String] = []) {
        self.relativePath = relativePath; self.symbol = symbol; self.organ = organ; self.date = date
        self.title = title; self.language = language; self.units = units; self.notes = notes; self.tags = tags
    }

    var folder: String {
        guard let slash = relativePath.lastIndex(of: "/") else { return "." }
        return String(relativePath[..<slash])
    }
    var fileName: String { relativePath.split(separator: "/").last.map(String.init) ?? relativePath }
    /// The year of the date (its last four-digit number from 1900 on), else "".
    var year: String {
        let digits = (date ?? "").split { !$0.isASCII || !$0.isNumber }
        return digits.last { $0.count == 4 && $0 >= "1900" }.map(String.init) ?? ""
    }
}

/// One hit of a library-wide search.
public struct CatalogHit: Sendable, Hashable {
    public var doc: Int
    public var paragraph: String
    /// With the match between `«` and `»`.
    public var snippet: String
    public init(doc: Int, paragraph: String, snippet: String) { self.doc = doc; self.paragraph = paragraph; self.snippet = snippet }
}

/// A parsed document handed from the app to the reader in a message. The runtime applies
/// messages on the thread that made them and the model is not used by the sender afterwards,
/// so it is never shared between threads (DocumentModel's wrapping cache is not locked).
public struct OpenedDocument: @unchecked Sendable {
    public let model: DocumentModel
    public init(_ model: DocumentModel) { self.model = model }
}

/// What the reader needs from the app for a library it has not parsed.
public protocol LibraryCatalog: AnyObject {
    /// Parses document `doc` and reads its notes (when the user opens it).
    func open(document doc: Int) throws -> (DocumentModel, DocumentNotes)
    /// Hits in the whole library, in library order.
    func search(_ query: String) throws -> [CatalogHit]
}

enum CatalogSort: CaseIterable, Sendable { case path, date, symbol, title
    var word: String {
        switch self { case .path: "folder"; case .date: "date"; case .symbol: "symbol"; case .title: "title" }
    }
}

/// The library list's state: filters, order, selection, and the hit list of the last search.
struct CatalogView {
    var entries: [CatalogEntry]
    /// Documents parsed so far (the others are placeholders in `models`).
    var loaded: Set<Int> = []
    var language: String?
    var organ: String?
    var year: String?
    var tag: String?
    var sort = CatalogSort.path
    /// A folder heading is drawn above each folder's documents.
    var grouped = true
    /// Entries shown, in order (indices into `entries`).
    var order: [Int] = []
    var selection = 0
    var top = 0
    var hits: [CatalogHit]?
    var hitSelection = 0
    var hitTop = 0

    init(entries: [CatalogEntry]) {
        self.entries = entries
        refilter()
    }

    /// - Complexity: O(n log n) for n entries.
    mutating func refilter() {
        let keep = entries.indices.filter { i in
            let e = entries[i]
            return (language == nil || e.language == language) && (organ == nil || e.organ == organ)
                && (year == nil || e.year == year) && (tag == nil || e.tags.contains(tag!))
        }
        func key(_ e: CatalogEntry) -> String {
            switch sort {
            case .path: e.relativePath
            case .date: e.year + (e.date ?? "")
            case .symbol: e.symbol ?? e.fileName
            case .title: e.title ?? e.fileName
            }
        }
        // Grouping keeps each folder together whatever the sort.
        order = keep.sorted { a, b in
            let x = entries[a], y = entries[b]
            if grouped && sort != .path && x.folder != y.folder { return x.folder < y.folder }
            let kx = key(x), ky = key(y)
            return kx != ky ? kx < ky : a < b
        }
        selection = max(0, min(selection, order.count - 1))
        top = 0
    }

    /// The next value after `current` among `values` (nil = all, then each value in turn).
    static func cycle(_ current: String?, in values: [String]) -> String? {
        let sorted = Array(Set(values.filter { !$0.isEmpty })).sorted()
        guard let current, let i = sorted.firstIndex(of: current) else { return sorted.first }
        return i + 1 < sorted.count ? sorted[i + 1] : nil
    }

    var filterWords: String {
        var parts: [String] = []
        if let language { parts.append("language \(language)") }
        if let organ { parts.append("organ \(organ)") }
        if let year { parts.append("year \(year)") }
        if let tag { parts.append("tag \(tag)") }
        return parts.isEmpty ? "all" : parts.joined(separator: ", ")
    }
}

extension ReaderState {
    /// The library list of a big library: placeholders stand for the unparsed documents
    /// until `documentOpened` brings one in.
    public init(catalog entries: [CatalogEntry], width: Int, height: Int, color: Bool,
                defaultTags: [String], exportFormats: [String] = ["md", "csv", "json", "w3c"]) {
        let placeholders = entries.map { e in
            DocumentModel(path: e.relativePath, document: ResolutionDocument(
                source: SourceInfo(path: e.relativePath, sha256: "", encoding: "utf-8"), language: e.language ?? "en"))
        }
        self.init(documents: placeholders, notes: placeholders.map { _ in DocumentNotes() }, width: width, height: height,
                  color: color, defaultTags: defaultTags, exportFormats: exportFormats)
        view = nil
        rows = entries.map { e in
            LibraryRow(path: e.relativePath, title: e.title ?? e.fileName, label: e.symbol ?? e.fileName,
                       body: e.organ ?? "", date: e.date ?? "", preamble: 0, operative: 0, units: e.units)
        }
        catalog = CatalogView(entries: entries)
    }

    var catalogListHeight: Int { max(1, height - 3) }

    mutating func handleCatalogKey(_ key: Key) -> [Effect] {
        guard var c = catalog else { return [] }
        defer { catalog = c }
        if c.hits != nil { return handleHitKey(key, &c) }
        let n = c.order.count
        func select(_ i: Int) {
            c.selection = max(0, min(n - 1, i))
            if c.selection < c.top { c.top = c.selection }
            if c.selection >= c.top + catalogListHeight { c.top = c.selection - catalogListHeight + 1 }
        }
        switch key {
        case .char("j"), .down: select(c.selection + 1)
        case .char("k"), .up: select(c.selection - 1)
        case .char(" "), .pageDown: select(c.selection + catalogListHeight)
        case .char("b"), .pageUp: select(c.selection - catalogListHeight)
        case .char("g"), .home: select(0)
        case .char("G"), .end: select(n - 1)
        case .enter, .right, .char("l"):
            guard n > 0 else { return [] }
            return openFromCatalog(c.order[c.selection], paragraph: nil, &c)
        case .char("L"), .char("O"), .char("Y"), .char("T"):
            switch key {
            case .char("L"): c.language = CatalogView.cycle(c.language, in: c.entries.compactMap(\.language))
            case .char("O"): c.organ = CatalogView.cycle(c.organ, in: c.entries.compactMap(\.organ))
            case .char("T"):
                guard c.entries.contains(where: { !$0.tags.isEmpty }) else {
                    flash("No document has tagged notes yet"); return []
                }
                c.tag = CatalogView.cycle(c.tag, in: c.entries.flatMap(\.tags))
            default: c.year = CatalogView.cycle(c.year, in: c.entries.map(\.year))
            }
            c.refilter()
            flash("Showing \(c.order.count) of \(c.entries.count) documents: \(c.filterWords)")
        case .char("S"):
            let all = CatalogSort.allCases
            c.sort = all[(all.firstIndex(of: c.sort)! + 1) % all.count]
            c.refilter()
            flash("Sorted by \(c.sort.word)\(c.grouped && c.sort != .path ? " within folders" : "")")
        case .char("F"):
            c.grouped.toggle()
            c.refilter()
            flash(c.grouped ? "Grouped by folder" : "One list, not grouped by folder")
        case .char("/"): overlay = .prompt(Prompt(kind: .search, editor: LineEditor(search?.query ?? "")))
        case .char("?"): overlay = .help(scroll: 0)
        case .char("q"), .ctrl("c"): return [.quit]
        case .escape:
            if c.language != nil || c.organ != nil || c.year != nil || c.tag != nil {
                c.language = nil; c.organ = nil; c.year = nil; c.tag = nil
                c.refilter()
                flash("Showing all \(c.entries.count) documents")
            }
        case .char("n"), .char("N"):
            if search != nil, c.hits == nil { flash("Press / and Enter to list the hits again") }
        case .char("t"), .char("e"), .char("E"), .char("f"), .char("r"), .char("x"):
            flash("Open a document first (Enter)")
        default: break
        }
        return []
    }

    private mutating func handleHitKey(_ key: Key, _ c: inout CatalogView) -> [Effect] {
        let hits = c.hits ?? []
        let h = max(1, catalogListHeight - 1)
        func select(_ i: Int) {
            c.hitSelection = max(0, min(hits.count - 1, i))
            if c.hitSelection < c.hitTop { c.hitTop = c.hitSelection }
            if c.hitSelection >= c.hitTop + h { c.hitTop = c.hitSelection - h + 1 }
        }
        switch key {
        case .char("j"), .down, .char("n"): select(c.hitSelection + 1)
        case .char("k"), .up, .char("N"): select(c.hitSelection - 1)
        case .char(" "), .pageDown: select(c.hitSelection + h)
        case .char("b"), .pageUp: select(c.hitSelection - h)
        case .char("g"), .home: select(0)
        case .char("G"), .end: select(hits.count - 1)
        case .enter, .right, .char("l"):
            guard c.hitSelection < hits.count else { return [] }
            let hit = hits[c.hitSelection]
            return openFromCatalog(hit.doc, paragraph: hit.paragraph, &c)
        case .char("/"): overlay = .prompt(Prompt(kind: .search, editor: LineEditor(search?.query ?? "")))
        case .char("?"): overlay = .help(scroll: 0)
        case .escape, .char("q"), .left, .char("h"):
            c.hits = nil
            search = nil
        case .ctrl("c"): return [.quit]
        default: break
        }
        return []
    }

    /// Opens a parsed document at once; asks the app to parse one that is not.
    private mutating func openFromCatalog(_ doc: Int, paragraph: String?, _ c: inout CatalogView) -> [Effect] {
        if c.loaded.contains(doc) {
            catalog = c
            open(doc, at: paragraph.flatMap { models[doc].blockByID[$0] })
            c = catalog ?? c
            return []
        }
        flash("Opening \(c.entries[doc].relativePath)…")
        return [.openDocument(doc: doc, paragraph: paragraph)]
    }

    /// The app parsed a document: it replaces its placeholder and opens, at `paragraph` if given.
    mutating func documentOpened(_ doc: Int, _ model: DocumentModel, _ n: DocumentNotes, paragraph: String?) {
        guard doc < models.count, view == nil else { return }
        models[doc] = model
        rows[doc] = LibraryRow(model)
        rows[doc].path = catalog?.entries[doc].relativePath ?? rows[doc].path
        setNotes(doc, n)
        catalog?.loaded.insert(doc)
        message = n.notice
        open(doc, at: paragraph.flatMap { model.blockByID[$0] })
    }

    /// The index caught up with the files: new metadata for the same documents, filters kept.
    mutating func catalogUpdated(_ entries: [CatalogEntry]) {
        guard var c = catalog, entries.count == c.entries.count else { return }
        c.entries = entries
        message = nil  // the progress line
        for (i, e) in entries.enumerated() where !c.loaded.contains(i) {
            rows[i] = LibraryRow(path: e.relativePath, title: e.title ?? e.fileName, label: e.symbol ?? e.fileName,
                                 body: e.organ ?? "", date: e.date ?? "", preamble: 0, operative: 0, units: e.units)
        }
        let selected = c.order.indices.contains(c.selection) ? c.order[c.selection] : nil
        c.refilter()
        if let selected, let k = c.order.firstIndex(of: selected) { c.selection = k }
        catalog = c
    }

    /// The app searched the library: list the hits.
    mutating func libraryHits(_ query: String, _ hits: [CatalogHit]) {
        guard var c = catalog else { return }
        search = SearchState(query: query)
        if hits.isEmpty {
            c.hits = nil
            search = nil
            flash("No match for «\(query)» in \(c.entries.count) documents", error: true)
        } else {
            c.hits = hits; c.hitSelection = 0; c.hitTop = 0
            let docs = Set(hits.map(\.doc)).count
            flash("\(hits.count) paragraphs in \(docs) documents match «\(query)» (Enter opens, Esc back)")
        }
        catalog = c
    }

    // MARK: drawing

    func drawCatalog(_ c: CatalogView, into grid: inout CellGrid) {
        if let hits = c.hits { drawHits(hits, c, into: &grid); return }
        let right = c.order.count == c.entries.count ? "\(c.entries.count) documents"
            : "\(c.order.count) of \(c.entries.count) documents · \(c.filterWords)"
        drawHeader("Reso · library · by \(c.sort.word)\(c.grouped ? ", in folders" : "")", right, into: &grid)
        let wide = width >= 100
        let labelW = 18, organW = wide ? 18 : 0, dateW = wide ? 18 : 0, langW = 4, countW = 12
        let titleW = max(8, width - labelW - organW - dateW - langW - countW - 2)
        func columns(_ cols: [(String, Int)], row: Int, style: Style) {
            var x = 1
            for (t, w) in cols where w > 0 { grid.text(pad(t, to: w - 1), row: row, column: x, style: style); x += w }
        }
        columns([("symbol", labelW), ("organ", organW), ("date", dateW), ("lang", langW), ("title", titleW),
                 ("units·notes", countW)], row: 1, style: theme.dim)
        var y = 2
        var k = c.top
        var folder = k > 0 && k - 1 < c.order.count ? c.entries[c.order[k - 1]].folder : nil
        while y < height - 1, k < c.order.count {
            let i = c.order[k]
            let e = c.entries[i]
            if c.grouped && e.folder != folder {
                folder = e.folder
                grid.text(truncate("▸ " + e.folder + "/", to: width - 2), row: y, column: 1, style: theme.label)
                y += 1
                if y >= height - 1 { break }
            }
            let selected = k == c.selection
            if selected { grid.fill(row: y, style: theme.selection) }
            columns([(e.symbol ?? e.fileName, labelW), (e.organ ?? "", organW), (e.date ?? "", dateW),
                     (e.language ?? "", langW), (e.title ?? e.fileName, titleW), ("\(e.units)·\(e.notes)", countW)],
                    row: y, style: selected ? theme.selection : .plain)
            y += 1; k += 1
        }
    }

    func drawHits(_ hits: [CatalogHit], _ c: CatalogView, into grid: inout CellGrid) {
        drawHeader("Reso · search «\(search?.query ?? "")»", "\(hits.count) hits", into: &grid)
        grid.text("document · paragraph · snippet", row: 1, column: 1, style: theme.dim)
        for row in 0..<max(1, catalogListHeight - 1) {
            let k = c.hitTop + row
            guard k < hits.count else { break }
            let h = hits[k]
            let y = row + 2
            let selected = k == c.hitSelection
            if selected { grid.fill(row: y, style: theme.selection) }
            let e = c.entries[h.doc]
            let line = "\(e.relativePath) · \(h.paragraph) · \(h.snippet)"
            grid.text(truncate(line, to: width - 2), row: y, column: 1, style: selected ? theme.selection : .plain)
        }
    }
}
