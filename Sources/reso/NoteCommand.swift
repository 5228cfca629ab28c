import Annotations
import ArgumentParser
import Foundation
import ResolutionKit

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Set the note on a paragraph.",
        discussion: """
        reso note FILE… PARA [TEXT]
        TEXT '-' reads the note from standard input; no TEXT opens $VISUAL or $EDITOR (default vi) \
        on the current note; an empty TEXT ('') clears the note. A note that starts with '-' goes \
        after '--': reso note FILE op3 -- '-5% is too low'.
        Example: reso note resolution.txt op24 "Cite in the opening statement."
        """
    )

    @Argument(help: ArgumentHelp("The document files or folders, the paragraph, then the note (optional).",
                                 valueName: "file-para-text"),
              completion: .custom { ParagraphCompletion.candidates($0, $1, $2, tags: false) })
    var arguments: [String] = []

    @OptionGroup var quoting: QuoteOption

    @OptionGroup var storage: StoreOption

    func run() throws {
        let (paths, rest) = try AnnotationCLI.splitPaths(arguments, usage: "reso note FILE PARA [TEXT]")
        guard let para = rest.first else { throw UserFacingError("usage: reso note FILE PARA [TEXT] (give a paragraph)", status: .usage) }
        let docs = try AnnotationCLI.documents(paths, paragraph: para)
        let quotes = try docs.map { doc in
            try quoting.selector(paragraph: para, in: doc)
        }
        let words = Array(rest.dropFirst())
        let text: String
        if words == ["-"] {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else if words.isEmpty {
            let current = try storage.snapshot(for: docs[0]).annotation(for: docs[0].resolveParagraph(para)?.id ?? para)?.note
            guard let edited = try EditorLauncher.edit(current ?? "") else {
                ConsoleOutput.message("reso: note unchanged")
                return
            }
            text = edited
        } else {
            // Unquoted words are joined, so `reso note f 3 cite this` works as expected.
            text = words.joined(separator: " ")
        }
        try AnnotationCLI.run {
            for (doc, selector) in zip(docs, quotes) {
                let store = storage.store(for: doc)
                let snap = try store.setNote(text, paragraph: para, document: doc, quote: selector)
                AnnotationCLI.report(store: store, snapshot: snap)
                let id = doc.resolveParagraph(para)?.id ?? para
                let note = snap.annotation(for: id)?.note
                ConsoleOutput.line("\(doc.source.path) \(id): " + (note == nil ? "note cleared" : "note saved (\(note!.count) characters)"))
            }
        }
    }
}
