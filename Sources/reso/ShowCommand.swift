import ArgumentParser
import Foundation
import ResolutionKit

enum ShowFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the parsed structure of a resolution.",
        discussion: """
        text: for people, ids in the margin, wrapped to the terminal (or 80 columns).
        json: the reso.document/1 schema (see SPEC.md section 4), for tools.
        markdown: a clean Markdown rendering.
        """
    )

    @Argument(help: "The resolution file (.txt or .md in UTF-8, UTF-16 or GB18030, or .docx).")
    var file: String

    @Option(name: .shortAndLong, help: "Output format: text, json or markdown.")
    var format: ShowFormat = .text

    @Option(help: "Wrap text output at this many columns (default: the terminal's width, else 80).")
    var width: Int?

    @Flag(help: "Count East Asian ambiguous-width characters (§ ° ± “ ”, Greek, Cyrillic) as two columns, as CJK terminals draw them (config.toml: ambiguous_wide = true).")
    var ambiguousWide = false

    func run() throws {
        let doc = try loadDocument(file)
        defer { KeptUntilExit.keep(doc) }
        if let n = doc.revisions?.count, n > 0 {
            // The text shown has the changes applied: say so, once, where it is not mixed with output.
            FileHandle.standardError.write(Data("reso: \(file) has \(n) tracked change\(n == 1 ? "" : "s") (shown as ⟨tracked: …⟩ lines; insertions are in the text, deletions are not)\n".utf8))
        }
        switch format {
        case .json: DocumentJSON.stream(doc, terminalSafe: true) { ConsoleOutput.write(terminalSafeJSON: $0) }
        case .markdown: ConsoleOutput.write(MarkdownRenderer().render(doc))
        case .text:
            let wide = try ambiguousWide || ResoConfig.load().ambiguousWide
            ConsoleOutput.write(TextRenderer(width: width ?? TerminalSize.columns(), ambiguousWide: wide).render(doc))
        }
    }
}

/// Loads a document, turning parse and I/O errors into one-line user errors.
func loadDocument(_ path: String) throws -> ResolutionDocument {
    do {
        return try ResolutionDocument.load(path: path)
    } catch let error as DocumentError {
        throw UserFacingError(error.description)
    }
}

/// Loads several documents on every core. One file that cannot be read does not stop
/// the rest: it is named on stderr and skipped, as the reader skips it. A single file,
/// or a set of which none can be read, is the user's error.
func loadDocuments(_ paths: [String]) throws -> [ResolutionDocument] {
    var docs: [ResolutionDocument] = []
    var failures: [DocumentError] = []
    for result in ResolutionDocument.loadAll(paths: paths) {
        switch result {
        case .success(let doc): docs.append(doc)
        case .failure(let error): failures.append(error)
        }
    }
    if let first = failures.first, paths.count == 1 || docs.isEmpty { throw UserFacingError(first.description) }
    for failure in failures { ConsoleOutput.message("reso: skipped \(failure.description)") }
    return docs
}

enum TerminalSize {
    /// The terminal's width when stdout is one, else $COLUMNS, else 80.
    static func columns() -> Int {
        var ws = winsize()
        if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 {
            return Int(ws.ws_col)
        }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        return 80
    }
}
