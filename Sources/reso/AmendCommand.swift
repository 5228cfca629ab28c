import Annotations
import ArgumentParser
import Foundation
import ResolutionKit

/// `reso amend`: drafts an amendment to a paragraph, stored as an annotation of kind
/// `amendment` in the sidecar; `reso export --format amendments` writes them as committees do.
struct AmendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend",
        abstract: "Draft an amendment to a paragraph.",
        discussion: """
        reso amend FILE… PARA (--replace TEXT --with TEXT | --delete TEXT | --insert-after TEXT --text TEXT | \
        --new-paragraph TEXT)
        The words to replace, delete or insert after must be in the paragraph (an error shows the \
        paragraph otherwise); --occurrence picks one when they occur more than once. A paragraph \
        may carry any number of amendments; --remove ID (from reso notes) takes one back.
        Example: reso amend resolution.txt op3 --replace 注意到 --with 欢迎
        """
    )

    @Argument(help: ArgumentHelp("The document files or folders, then the paragraph.", valueName: "file-para"))
    var arguments: [String] = []

    @Option(help: ArgumentHelp("Words of the paragraph to replace (with --with).", valueName: "TEXT"))
    var replace: String?
    @Option(name: .customLong("with"), help: ArgumentHelp("The words that replace them.", valueName: "TEXT"))
    var replacement: String?
    @Option(help: ArgumentHelp("Words of the paragraph to delete.", valueName: "TEXT"))
    var delete: String?
    @Option(name: .customLong("insert-after"), help: ArgumentHelp("Words of the paragraph after which --text goes.", valueName: "TEXT"))
    var insertAfter: String?
    @Option(help: ArgumentHelp("The words to insert (with --insert-after).", valueName: "TEXT"))
    var text: String?
    @Option(name: .customLong("new-paragraph"), help: ArgumentHelp("A new paragraph to add after this one.", valueName: "TEXT"))
    var newParagraph: String?
    @Option(help: ArgumentHelp("Which occurrence of the words, when they occur more than once (default 1).", valueName: "N"))
    var occurrence: Int = 1
    @Option(help: ArgumentHelp("Remove the amendment with this id (or the start of it, as reso notes shows).", valueName: "ID"))
    var remove: String?

    @OptionGroup var storage: StoreOption

    /// The action, the words it acts on and the new words, from the options given.
    func drafted() throws -> (Amendment, target: String?) {
        func nonEmpty(_ s: String?, _ option: String) throws -> String {
            guard let s, !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw UserFacingError("\(option) needs some text")
            }
            return s
        }
        let given = [replace != nil, delete != nil, insertAfter != nil, newParagraph != nil].filter { $0 }.count
        guard given == 1 else {
            throw UserFacingError("give one of --replace TEXT --with TEXT, --delete TEXT, --insert-after TEXT --text TEXT, --new-paragraph TEXT")
        }
        if replacement != nil && replace == nil { throw UserFacingError("--with goes with --replace") }
        if text != nil && insertAfter == nil { throw UserFacingError("--text goes with --insert-after") }
        if let r = replace {
            return (Amendment(action: .replace, text: try nonEmpty(replacement, "--with")), try nonEmpty(r, "--replace"))
        }
        if let d = delete { return (Amendment(action: .delete), try nonEmpty(d, "--delete")) }
        if let a = insertAfter {
            return (Amendment(action: .insertAfter, text: try nonEmpty(text, "--text")), try nonEmpty(a, "--insert-after"))
        }
        return (Amendment(action: .newParagraph, text: try nonEmpty(newParagraph, "--new-paragraph")), nil)
    }

    func run() throws {
        let (paths, rest) = try AnnotationCLI.splitPaths(arguments, usage: "reso amend FILE PARA --replace TEXT --with TEXT")
        guard rest.count == 1, let para = rest.first else {
            throw UserFacingError("usage: reso amend FILE PARA (--replace TEXT --with TEXT | --delete TEXT | "
                                  + "--insert-after TEXT --text TEXT | --new-paragraph TEXT)", status: .usage)
        }
        let docs = try AnnotationCLI.documents(paths, paragraph: para)
        if let id = remove { return try removeAmendment(id, para: para, docs: docs) }
        let (amendment, target) = try drafted()
        for doc in docs {
            let unit = doc.resolveParagraph(para)!
            guard [.preambular, .operative, .subparagraph].contains(unit.kind) else {
                throw UserFacingError("\(doc.source.path) \(unit.id): amendments apply to preambular and operative paragraphs "
                                      + "and their subparagraphs, not to a \(unit.kind.rawValue)")
            }
        }
        let selectors = try docs.map { doc in
            try target.map { try AnnotationCLI.selector($0, occurrence: occurrence, paragraph: para, in: doc) }
        }
        try AnnotationCLI.run {
            for (doc, selector) in zip(docs, selectors) {
                let store = storage.store(for: doc)
                let (snap, made) = try store.addAmendment(amendment, quote: selector, paragraph: para, document: doc)
                AnnotationCLI.report(store: store, snapshot: snap)
                let record = ExportRecord.records(document: doc, snapshot: snap).first { $0.id == made.id }
                ConsoleOutput.line("\(doc.source.path) \(made.paragraph): amendment \(made.id.prefix(8)) saved: "
                                   + (record?.amendment ?? ""))
            }
        }
    }

    func removeAmendment(_ id: String, para: String, docs: [ResolutionDocument]) throws {
        try AnnotationCLI.run {
            for doc in docs {
                let store = storage.store(for: doc)
                let unitID = doc.resolveParagraph(para)?.id ?? para
                let matches = try store.load(for: doc).amendments.filter { $0.paragraph == unitID && $0.id.hasPrefix(id) }
                guard matches.count == 1, let a = matches.first else {
                    throw UserFacingError(matches.isEmpty
                        ? "\(doc.source.path) \(unitID): no amendment with id \(id) (reso notes lists them)"
                        : "\(doc.source.path) \(unitID): \(matches.count) amendments start with \(id); give more of the id")
                }
                let snap = try store.removeAnnotation(id: a.id, paragraph: para, document: doc)
                AnnotationCLI.report(store: store, snapshot: snap)
                ConsoleOutput.line("\(doc.source.path) \(unitID): amendment \(a.id.prefix(8)) removed")
            }
        }
    }
}
