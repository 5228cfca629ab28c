import Annotations
import ArgumentParser
import Foundation
import ResolutionKit

extension ExportFormat: ExpressibleByArgument {}

enum ExportGrouping: String, ExpressibleByArgument, CaseIterable { case tag }

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export annotations with the text they annotate.",
        discussion: ExportFormat.allCases.map { "\($0.rawValue): \($0.summary)." }.joined(separator: "\n") + """

        -o FILE writes the exact data atomically; it never replaces a document or a sidecar, \
        nor any existing file without --force. Standard output shows control characters as \
        visible placeholders (JSON escapes them), so a note cannot drive the terminal.
        The brief's byline is $RESO_AUTHOR, else `git config user.name`, else the login name.
        Example: reso export seeds/ --format csv --bom -o notes.csv
        """
    )

    @Argument(help: "Documents or folders (default: the bundled library).")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("\(ExportFormat.namesInProse).", valueName: "format"))
    var format: ExportFormat

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: "Only annotations carrying this tag.")
    var tag: String?

    @Option(name: .customLong("group-by"), help: "Group the Markdown brief by tag.")
    var groupBy: ExportGrouping?

    @Flag(help: "Start with a UTF-8 byte-order mark (helps spreadsheets detect UTF-8).")
    var bom = false

    @Flag(help: "Replace FILE if it exists (never a document or a sidecar).")
    var force = false

    @OptionGroup var storage: StoreOption

    func validate() throws {
        if groupBy != nil && format != .md {
            throw ValidationError("--group-by applies to --format md only")
        }
    }

    func run() throws {
        let docs = try AnnotationCLI.documents(paths)
        let items = try docs.map { (document: $0, snapshot: try storage.snapshot(for: $0)) }
        let text = Exporter.export(items, format: format, tag: tag, groupByTag: groupBy == .tag, bom: bom)
        let count = items.reduce(0) { $0 + ExportRecord.records(document: $1.document, snapshot: $1.snapshot, tag: tag).count }
        guard let output else {
            ConsoleOutput.write(text, as: format.isJSON ? .json : .text)
            return
        }
        try ExportFile.write(text, to: output, force: force, documents: docs.map(\.source.path))
        ConsoleOutput.message("reso: wrote \(count) annotation\(count == 1 ? "" : "s") to \(output)")
    }
}
