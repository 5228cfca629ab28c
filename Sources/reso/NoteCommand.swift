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
        Example: reso note seeds/000_56ebd550d93fdb47.txt op24 "Cite in the opening statement."
        """
    )

    @Argument(help: ArgumentHelp("The document files or folders, the paragraph, then the note (optional).",
                                 valueName: "file-para-text"))
    var arguments: [String] = []

    @OptionGroup var storage: StoreOption

    func run() throws {
        let (paths, rest) = try AnnotationCLI.splitPaths(arguments, usage: "reso note FILE PARA [TEXT]")
        guard let para = rest.first else { throw UserFacingError("usage: reso note FILE PARA [TEXT] (give a paragraph)") }
        let docs = try AnnotationCLI.documents(paths, paragraph: para)
        let words = Array(rest.dropFirst())
        let text: String
        if words == ["-"] {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else if words.isEmpty {
            let current = try storage.snapshot(for: docs[0]).annotation(for: docs[0].resolveParagraph(para)?.id ?? para)?.note
            guard let edited = try NoteEditor.edit(current ?? "") else {
                ConsoleOutput.message("reso: note unchanged")
                return
            }
            text = edited
        } else {
            // Unquoted words are joined, so `reso note f 3 cite this` works as expected.
            text = words.joined(separator: " ")
        }
        try AnnotationCLI.run {
            for doc in docs {
                let store = storage.store(for: doc)
                let snap = try store.setNote(text, paragraph: para, document: doc)
                AnnotationCLI.report(store: store, snapshot: snap)
                let id = doc.resolveParagraph(para)?.id ?? para
                let note = snap.annotation(for: id)?.note
                ConsoleOutput.line("\(doc.source.path) \(id): " + (note == nil ? "note cleared" : "note saved (\(note!.count) characters)"))
            }
        }
    }
}

/// The note in `$VISUAL`/`$EDITOR` (default `vi`), through a temporary file.
enum NoteEditor {
    /// The edited text, or nil when the user left it unchanged.
    static func edit(_ text: String) throws -> String? {
        let env = ProcessInfo.processInfo.environment
        let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty }
        if editor == nil && isatty(STDIN_FILENO) == 0 {
            throw UserFacingError("no TEXT given and no terminal to open an editor: pass the note as TEXT, or '-' to read it from standard input")
        }
        let command = editor ?? "vi"
        let path = NSTemporaryDirectory() + "reso-note-\(getpid())-\(UUID().uuidString).md"
        try (text.isEmpty ? "" : text + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor may carry flags (`code -w`), hence the shell; the path is passed as an
        // argument, never spliced into the command.
        p.arguments = ["-c", "\(command) \"$1\"", "reso-editor", path]
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw UserFacingError("\(command) exited with status \(p.terminationStatus); note unchanged")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserFacingError("the editor removed \(path); note unchanged")
        }
        let edited = String(decoding: data, as: UTF8.self)
        return edited == text || edited == text + "\n" ? nil : edited
    }
}
