// `reso [PATH…]`: opens the reader, or prints plain text when there is no usable terminal.
// This file is the glue between the pure reader (Reader), the ncurses layer (Terminal) and
// the annotation store (Annotations, through the adapter at the end of this file).
import Annotations
import Foundation
import Reader
import ResolutionKit
import Terminal

enum ReaderLaunch {
    static func open(paths: [String], ambiguousWide: Bool = false) throws {
        let config = try ResoConfig.load()
        let ambiguousWide = ambiguousWide || config.ambiguousWide
        let roots = paths.isEmpty ? [try LibrarySetup.libraryFolder()] : paths
        let env = ProcessInfo.processInfo.environment
        let term = env["TERM"] ?? ""
        // initscr on a pipe or a dumb terminal would print junk or exit: print the text instead.
        if isatty(STDOUT_FILENO) == 0 || isatty(STDIN_FILENO) == 0 || term.isEmpty || term == "dumb" {
            let files = try DocumentPaths.expand(roots)
            let width = Int(env["COLUMNS"] ?? "").flatMap { $0 > 0 ? $0 : nil } ?? 80
            for (i, file) in files.enumerated() {
                let doc = try ResolutionDocument.load(path: file)
                if i > 0 { ConsoleOutput.line("") }
                ConsoleOutput.line(TextRenderer(width: width, ambiguousWide: ambiguousWide).render(doc))
            }
            return
        }
        // A library of several documents: the list from the index, each parsed when opened.
        if let (catalog, entries, problems) = try IndexedCatalog.prepare(paths: roots, config: config) {
            catalog.ambiguousWide = ambiguousWide
            try openCatalog(catalog, entries, problems, config: config, noColor: !(env["NO_COLOR"] ?? "").isEmpty)
            return
        }
        let files = try DocumentPaths.expand(roots)
        let (models, skipped) = try loadDocuments(files)
        for m in models { m.ambiguousWide = ambiguousWide }
        let backend = makeAnnotationBackend(models, config: config)
        var problems = skipped
        if models.count > 1, let warning = IndexedCatalog.fallbackWarning { problems.insert(warning, at: 0) }
        let notes = loadNotes(backend, count: models.count, problems: &problems)
        let screen = try openScreen(env)
        var state = ReaderState(documents: models, notes: notes, width: screen.width, height: screen.height,
                                color: screen.colorEnabled, defaultTags: backend.defaultTags,
                                exportFormats: backend.exportFormats)
        let positions = ReadingPositionStore()
        state.resume(at: positions.positions(for: models.map(\.document.source.sha256)))
        state.keyBindings = config.bindings
        state.applyColours(config.colours)
        let runtime = ReaderRuntime(state: state, screen: screen, backend: backend, editNote: EditorLauncher.edit,
                                    openLink: { LinkOpener.open($0) })
        ReaderLaunch.saveBehindTheFrame(runtime, screen)
        if let p = problems.first {
            runtime.send(.status(problems.count > 1 ? "\(p) (and \(problems.count - 1) more)" : p, error: true))
        }
        let signal = runtime.run()
        screen.end()
        positions.save(runtime.state.readingPositions.map { doc, id in
            (hash: models[doc].document.source.sha256, file: models[doc].path, paragraph: id)
        }, now: Timestamp.now())
        if let signal { screen.exit(bySignal: signal) }
    }

    /// The big library's reader: the list from the index, documents parsed when opened.
    /// Every document's notes; a sidecar that cannot be read gives empty notes and a problem
    /// line, so the reader still opens (SPEC §9).
    /// Tag toggles are shown at once and written behind the frame; what the saves report
    /// (the stored notes, a failure) reaches the reader through its inbox.
    static func saveBehindTheFrame(_ runtime: ReaderRuntime, _ screen: CursesScreen) {
        runtime.writeBehind = true
        let inbox = runtime.inbox
        screen.wake = { !inbox.isEmpty }
    }

    static func loadNotes(_ backend: AnnotationBackend, count: Int, problems: inout [String]) -> [DocumentNotes] {
        (0..<count).map { i in
            do { return try backend.load(document: i) } catch {
                problems.append("\(error)")
                return DocumentNotes()
            }
        }
    }

    /// The curses screen, or a one-line error.
    static func openScreen(_ env: [String: String]) throws -> CursesScreen {
        do { return try CursesScreen(noColor: !(env["NO_COLOR"] ?? "").isEmpty) } catch { throw UserFacingError("reso: \(error)") }
    }

    static func openCatalog(_ catalog: IndexedCatalog, _ entries: [CatalogEntry], _ problems: [String],
                            config: ResoConfig, noColor: Bool) throws {
        let screen: CursesScreen
        do { screen = try CursesScreen(noColor: noColor) } catch { throw UserFacingError("reso: \(error)") }
        var state = ReaderState(catalog: entries, width: screen.width, height: screen.height, color: screen.colorEnabled,
                                defaultTags: catalog.backend.defaultTags, exportFormats: catalog.backend.exportFormats)
        state.keyBindings = config.bindings
        state.applyColours(config.colours)
        let runtime = ReaderRuntime(state: state, screen: screen, backend: catalog.backend, editNote: EditorLauncher.edit,
                                    openLink: { LinkOpener.open($0) })
        ReaderLaunch.saveBehindTheFrame(runtime, screen)
        runtime.catalog = catalog
        // The first frame shows what the index knows; then it catches up with the files (a warm
        // index only stats them) on another thread, posting the progress line as documents are
        // parsed and the filled-in list at the end. Keys work all the while: a document opens
        // (parsed on its own), a search reads what is indexed so far.
        let inbox = runtime.inbox
        let indexing = Thread { [catalog] in
            var lastPost: UInt64 = 0
            var problems = problems + catalog.refresh { done, total in
                let now = DispatchTime.now().uptimeNanoseconds
                guard done == 0 || done == total || now - lastPost > 100_000_000 else { return }
                lastPost = now
                inbox.post(.status("indexing \(done.formatted()) / \(total.formatted())", error: false))
            }
            do { inbox.post(.catalogUpdated(try catalog.entries())) } catch { problems.append("\(error)") }
            if let p = problems.first {
                inbox.post(.status(problems.count > 1 ? "\(p) (and \(problems.count - 1) more)" : p, error: true))
            }
        }
        indexing.start()
        let signal = runtime.run()
        screen.end()
        if let signal { screen.exit(bySignal: signal) }
    }

    /// Parses every file. In a library, a file that fails is skipped and reported in the
    /// status line; when every file fails (or a single file was asked for) it is an error.
    static func loadDocuments(_ files: [String]) throws -> ([DocumentModel], [String]) {
        var models: [DocumentModel] = []
        var skipped: [String] = []
        for (file, result) in zip(files, ResolutionDocument.loadAll(paths: files)) {
            switch result {
            case .success(let document): models.append(DocumentModel(path: file, document: document))
            case .failure(let error):
                if files.count == 1 { throw UserFacingError("\(error)") }
                skipped.append("skipped \(file): \(error)")
            }
        }
        if models.isEmpty { throw UserFacingError(skipped.first ?? "no documents to open") }
        return (models, skipped)
    }
}

// MARK: annotations

/// The reader's AnnotationBackend over the sidecar store: every call is one locked,
/// atomic change on disk, so an edit is saved before the next frame is drawn.
final class SidecarAnnotations: AnnotationBackend {
    /// Parsed documents by number; in a big library only those opened so far.
    private var parsed: [Int: DocumentModel]
    private let paths: [String]
    /// Made on first use: a library of 10,000 documents opens without 10,000 folder checks.
    private var madeStores: [Int: SidecarStore] = [:]

    let config: ResoConfig

    init(_ models: [DocumentModel], config: ResoConfig = ResoConfig()) {
        parsed = Dictionary(uniqueKeysWithValues: models.enumerated().map { ($0, $1) })
        paths = models.map(\.path)
        self.config = config
    }

    /// Documents not parsed yet (the big library); `setModel` brings each in when opened.
    init(paths: [String], config: ResoConfig = ResoConfig()) {
        parsed = [:]
        self.paths = paths
        self.config = config
    }

    func setModel(_ model: DocumentModel, for doc: Int) { parsed[doc] = model }

    /// The parsed document `i` (the reader only acts on documents it opened).
    private struct Models {
        let owner: SidecarAnnotations
        subscript(_ i: Int) -> DocumentModel {
            guard let m = owner.parsed[i] else { preconditionFailure("document \(i) was not opened") }
            return m
        }
    }
    private var models: Models { Models(owner: self) }

    private struct Stores {
        let owner: SidecarAnnotations
        subscript(_ i: Int) -> SidecarStore {
            if let s = owner.madeStores[i] { return s }
            let s = SidecarStore(documentPath: owner.paths[i])
            owner.madeStores[i] = s
            return s
        }
    }
    private var stores: Stores { Stores(owner: self) }

    var defaultTags: [String] { config.defaultTags ?? Annotations.defaultTags }
    var exportFormats: [String] { ExportFormat.allCases.map(\.rawValue) }

    /// The notes last handed to the reader, per document: a change that touched one
    /// paragraph updates that entry instead of rebuilding the map from every annotation.
    private var shown: [Int: DocumentNotes] = [:]

    /// - Complexity: O(1) map updates after a one-paragraph change this store saw coming
    ///   (`SidecarSnapshot.edited`), plus one pass for that paragraph's quotes; else
    ///   O(annotations).
    private func notes(_ s: SidecarSnapshot, document i: Int, notice: String? = nil) -> DocumentNotes {
        if notice == nil, let edited = s.edited, var n = shown.removeValue(forKey: i) {
            var note = edited.paragraphNote.map { ParagraphNote(tags: $0.tags, note: $0.note, review: $0.review) }
            let quotes = quotedWords(edited.annotations, document: i)
            if !quotes.isEmpty { note = note ?? ParagraphNote(); note!.quotes = quotes }
            n.byParagraph[edited.paragraph] = note
            n.orphanCount = s.orphans.count
            n.notice = nil
            n.changedParagraph = edited.paragraph
            shown[i] = n
            return n
        }
        var by: [String: ParagraphNote] = [:]
        // `review`: carry moved these tags and note onto a reworded paragraph (R clears it).
        for a in s.annotations where a.isParagraphNote {
            by[a.paragraph] = ParagraphNote(tags: a.tags, note: a.note, review: a.review)
        }
        // Every annotation's quote (tags, notes, amendments), as the occurrence it points at.
        for (paragraph, quotes) in Dictionary(grouping: quotedWordsByParagraph(s.annotations, document: i), by: \.0) {
            by[paragraph, default: ParagraphNote()].quotes = quotes.map(\.1)
        }
        let n = DocumentNotes(byParagraph: by, orphanCount: s.orphans.count, notice: notice)
        shown[i] = n
        return n
    }

    /// The words each annotation quotes, as the occurrence it points at, in annotation order.
    private func quotedWordsByParagraph<S: Sequence>(_ annotations: S, document i: Int) -> [(String, QuotedWords)] where S.Element == Annotation {
        let doc = models[i].document
        var out: [(String, QuotedWords)] = []
        for a in annotations {
            guard let sel = a.anchor.selector, let text = doc.resolveParagraph(a.paragraph)?.text else { continue }
            let scalars = Array(text.unicodeScalars)
            guard let r = sel.locate(in: scalars) else { continue }
            let exact = String(String.UnicodeScalarView(scalars[r]))
            let occurrence = QuoteSelector.occurrences(Array(exact.unicodeScalars), in: scalars).filter { $0.lowerBound < r.lowerBound }.count + 1
            out.append((a.paragraph, QuotedWords(exact: exact, occurrence: occurrence)))
        }
        return out
    }

    private func quotedWords<S: Sequence>(_ annotations: S, document i: Int) -> [QuotedWords] where S.Element == Annotation {
        quotedWordsByParagraph(annotations, document: i).map(\.1)
    }

    func load(document i: Int) throws -> DocumentNotes {
        let s = try stores[i].load(for: models[i].document)
        var notice = stores[i].notice
        if !s.orphans.isEmpty {
            let name = (models[i].path as NSString).lastPathComponent
            notice = "\(s.orphans.count) note(s) in \(name) lost their paragraph; `reso notes` lists them"
        }
        return notes(s, document: i, notice: notice)
    }
    func addTags(_ tags: [String], paragraph: String, document i: Int) throws -> DocumentNotes {
        notes(try stores[i].addTags(tags, paragraph: paragraph, document: models[i].document), document: i)
    }
    func removeTags(_ tags: [String], paragraph: String, document i: Int) throws -> DocumentNotes {
        notes(try stores[i].removeTags(tags, paragraph: paragraph, document: models[i].document), document: i)
    }
    func toggleTag(_ tag: String, paragraph: String, document i: Int) throws -> DocumentNotes {
        notes(try stores[i].toggleTag(tag, paragraph: paragraph, document: models[i].document), document: i)
    }
    func setNote(_ note: String?, paragraph: String, document i: Int) throws -> DocumentNotes {
        notes(try stores[i].setNote(note, paragraph: paragraph, document: models[i].document), document: i)
    }
    func clearReview(paragraph: String, document i: Int) throws -> DocumentNotes {
        notes(try stores[i].clearReview(paragraph: paragraph, document: models[i].document), document: i)
    }
    func setQuote(_ quote: String, paragraph: String, document i: Int) throws -> DocumentNotes {
        try setQuote(quote, occurrence: 1, paragraph: paragraph, document: i)
    }
    func setQuote(_ quote: String, occurrence: Int, paragraph: String, document i: Int) throws -> DocumentNotes {
        notes(try stores[i].setQuote(quote, occurrence: occurrence, paragraph: paragraph, document: models[i].document), document: i)
    }
    func amend(_ draft: DraftedAmendment, paragraph: String, document i: Int) throws -> (DocumentNotes, String) {
        let doc = models[i].document
        let action = Amendment.Action(rawValue: draft.action.rawValue) ?? .replace
        let selector = try draft.target.map { try AnnotationCLI.selector($0, occurrence: draft.occurrence, paragraph: paragraph, in: doc) }
        let (snap, made) = try stores[i].addAmendment(Amendment(action: action, text: draft.text), quote: selector,
                                                       paragraph: paragraph, document: doc)
        let wording = ExportRecord.records(document: doc, snapshot: snap).first { $0.id == made.id }?.amendment ?? ""
        return (notes(snap, document: i), wording)
    }

    /// Writes `reso-export-<time>.<format>` in the current folder (the temporary folder when
    /// that is not writable) and returns its path.
    func export(format: String, documents: [Int]) throws -> String {
        guard let f = ExportFormat(rawValue: format) else { throw UserFacingError("unknown export format \(format)") }
        let items = try documents.filter { parsed[$0] != nil }.map { (document: models[$0].document, snapshot: try stores[$0].load(for: models[$0].document)) }
        let text = Exporter.export(items, format: f)
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let ext = f.fileExtension
        let cwd = config.exportFolder ?? FileManager.default.currentDirectoryPath
        if let f = config.exportFolder, !FileManager.default.fileExists(atPath: f) {
            throw UserFacingError("the export folder \(f) (config.toml [export]) does not exist")
        }
        let folder = FileManager.default.isWritableFile(atPath: cwd) ? cwd : NSTemporaryDirectory()
        // Two exports within a second get -2, -3…: the reader never replaces a file.
        var path = (folder as NSString).appendingPathComponent("reso-export-\(stamp).\(ext)")
        var n = 1
        while FileManager.default.fileExists(atPath: path) {
            n += 1
            path = (folder as NSString).appendingPathComponent("reso-export-\(stamp)-\(n).\(ext)")
        }
        try ExportFile.write(text, to: path, force: false)
        return path
    }
}

func makeAnnotationBackend(_ models: [DocumentModel], config: ResoConfig = ResoConfig()) -> AnnotationBackend {
    SidecarAnnotations(models, config: config)
}
