import Annotations
import ArgumentParser
import Foundation
import ResolutionKit

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Add (or remove) tags on a paragraph.",
        discussion: """
        reso tag FILE… PARA TAG… [--remove]
        PARA is an id (op24, pp3, op84.a, fn2, h2) or a bare operative number (24). FILE may be \
        several files or folders: the paragraph is tagged in each document. Default tags: \
        \(defaultTags.joined(separator: ", ")); any other word works too.
        Example: reso tag resolution.txt 24 priority support
        """
    )

    @Argument(help: ArgumentHelp("The document files or folders, the paragraph, then the tags.",
                                 valueName: "file-para-tag"),
              completion: .custom { ParagraphCompletion.candidates($0, $1, $2, tags: true) })
    var arguments: [String] = []

    @Flag(help: "Remove the tags instead of adding them.")
    var remove = false

    @OptionGroup var quoting: QuoteOption

    @OptionGroup var storage: StoreOption

    func run() throws {
        let (paths, rest) = try AnnotationCLI.splitPaths(arguments, usage: "reso tag FILE PARA TAG…")
        guard rest.count >= 2 else { throw UserFacingError("usage: reso tag FILE PARA TAG… [--remove] (give a paragraph and at least one tag)", status: .usage) }
        let para = rest[0], tags = Array(rest.dropFirst())
        for t in tags where !remove { if let p = Tags.problem(with: t) { throw UserFacingError(p) } }
        if remove && quoting.quote != nil { throw UserFacingError("--quote applies when adding tags, not with --remove") }
        if let targets = indexedTargets(paths) {
            try tag(targets, paragraph: para, tags: tags)
            return
        }
        let docs = try AnnotationCLI.documents(paths, paragraph: para)
        let quotes = try docs.map { doc in
            try quoting.selector(paragraph: para, in: doc)
        }
        try AnnotationCLI.run {
            for (doc, selector) in zip(docs, quotes) {
                let store = storage.store(for: doc)
                let snap = remove
                    ? try store.removeTags(tags, paragraph: para, document: doc)
                    : try store.addTags(tags, paragraph: para, document: doc, quote: selector)
                AnnotationCLI.report(store: store, snapshot: snap)
                let id = doc.resolveParagraph(para)?.id ?? para
                let now = snap.annotation(for: id)?.tags ?? []
                ConsoleOutput.line("\(doc.source.path) \(id): " + (now.isEmpty ? "no tags" : now.joined(separator: ", ")))
            }
        }
    }
}

/// `--store DIR`, shared by every annotation command.
struct StoreOption: ParsableArguments {
    @Option(help: ArgumentHelp("Keep sidecars in DIR instead of beside the documents (also: $RESO_STORE).",
                               valueName: "DIR"))
    var store: String?

    func store(for document: ResolutionDocument) -> SidecarStore {
        SidecarStore(documentPath: document.source.path, storeDirectory: store)
    }

    func store(forPath path: String) -> SidecarStore {
        SidecarStore(documentPath: path, storeDirectory: store)
    }

    /// The document's annotations; a sidecar that cannot be read is an error naming it.
    func snapshot(for document: ResolutionDocument) throws -> SidecarSnapshot {
        try AnnotationCLI.run { try store(for: document).load(for: document) }
    }
}

/// Helpers shared by tag, note, notes, export and search.
enum AnnotationCLI {
    /// Leading arguments that exist on disk are the documents; the rest follow them.
    static func splitPaths(_ arguments: [String], usage: String) throws -> (paths: [String], rest: [String]) {
        var paths: [String] = []
        var i = 0
        while i < arguments.count, FileManager.default.fileExists(atPath: arguments[i]) {
            paths.append(arguments[i]); i += 1
        }
        if paths.isEmpty {
            guard let first = arguments.first else { throw UserFacingError("usage: \(usage)", status: .usage) }
            throw UserFacingError("\(first): no such file or folder")
        }
        return (paths, Array(arguments[i...]))
    }

    /// Parses every document and checks up front that each has the paragraph, so that a
    /// mistake in one file changes none.
    static func documents(_ paths: [String], paragraph: String) throws -> [ResolutionDocument] {
        let docs = try loadDocuments(DocumentPaths.expand(paths))
        for doc in docs where doc.resolveParagraph(paragraph) == nil {
            let nearest = doc.nearestIDs(to: paragraph)
            throw UserFacingError(SidecarError.unknownParagraph(reference: paragraph, file: doc.source.path,
                                                                nearest: nearest).description)
        }
        return docs
    }

    /// The `--quote` words found in the paragraph, with their context; a quote that is not
    /// there is an error that shows the paragraph, so the user sees what it does say.
    static func selector(_ quote: String, occurrence: Int, paragraph: String, in doc: ResolutionDocument) throws -> QuoteSelector {
        guard let unit = doc.resolveParagraph(paragraph) else {
            throw UserFacingError(SidecarError.unknownParagraph(reference: paragraph, file: doc.source.path,
                                                                nearest: doc.nearestIDs(to: paragraph)).description)
        }
        if quote.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw UserFacingError("--quote is empty: give the words of \(unit.id) the annotation is about")
        }
        if let s = QuoteSelector.find(quote, in: unit.text, occurrence: occurrence) { return s }
        let count = QuoteSelector.count(quote, in: unit.text)
        if count > 0 {
            throw UserFacingError("\(doc.source.path) \(unit.id): “\(quote)” occurs \(count) time\(count == 1 ? "" : "s"), "
                                  + "so there is no occurrence \(occurrence)")
        }
        let flat = unit.text.replacingOccurrences(of: "\n", with: " ")
        throw UserFacingError("\(doc.source.path) \(unit.id): “\(quote)” is not in the paragraph, which reads: \(flat)")
    }

    /// Documents for the listing commands (no PATH: the bundled library).
    static func documents(_ paths: [String]) throws -> [ResolutionDocument] {
        try loadDocuments(DocumentPaths.expand(paths.isEmpty ? [LibraryLocation.path] : paths))
    }

    /// Turns store errors into one-line user errors.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as SidecarError { throw UserFacingError(e.description) }
    }

    /// Where the notes went (when unusual) and what re-anchoring did, on stderr.
    static func report(store: SidecarStore, snapshot: SidecarSnapshot) {
        var lines: [String] = []
        if let n = store.notice { lines.append("reso: \(n)") }
        lines += describe(snapshot.changes, file: (snapshot.sidecarPath as NSString).lastPathComponent)
        for l in lines { ConsoleOutput.message(l) }
    }

    static func describe(_ changes: [AnchorChange], file: String) -> [String] {
        changes.map { c in
            switch c.kind {
            case .moved: return "reso: \(file): the document changed; annotation on \(c.from) moved to \(c.to ?? "?")"
            case .restored: return "reso: \(file): orphaned annotation (was \(c.from)) found again at \(c.to ?? "?")"
            case .orphaned: return "reso: \(file): the text of \(c.from) is gone; its annotation is kept as an orphan (see reso notes)"
            case .quoteLost: return "reso: \(file): \(c.from) was reworded and the quoted words are no longer in it; the annotation keeps the old quote"
            }
        }
    }
}

/// `--quote` and `--occurrence`, shared by `reso tag` and `reso note`: the phrase an
/// annotation is about.
struct QuoteOption: ParsableArguments {
    @Option(help: ArgumentHelp("The words in the paragraph the annotation is about (a phrase, not the whole paragraph).",
                               valueName: "TEXT"))
    var quote: String?

    @Option(help: ArgumentHelp("Which occurrence of the --quote words, when they occur more than once (default 1).",
                               valueName: "N"))
    var occurrence: Int = 1

    /// The selector for `--quote` in `paragraph`, or nil when no quote was given.
    func selector(paragraph: String, in doc: ResolutionDocument) throws -> QuoteSelector? {
        try quote.map { try AnnotationCLI.selector($0, occurrence: occurrence, paragraph: paragraph, in: doc) }
    }
}
