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
        discussion: """
        md: a brief by document (preamble, then operative part), or by tag with --group-by tag.
        csv: RFC 4180 for spreadsheets (tags joined with ';'; formula-like cells neutralised; \
        --bom for Excel). json: a flat array. w3c: a W3C Web Annotation collection (JSON-LD).
        Example: reso export seeds/ --format csv --bom -o notes.csv
        """
    )

    @Argument(help: "Documents or folders (default: the bundled library).")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "md, csv, json or w3c.")
    var format: ExportFormat

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: "Only annotations carrying this tag.")
    var tag: String?

    @Option(name: .customLong("group-by"), help: "Group the Markdown brief by tag.")
    var groupBy: ExportGrouping?

    @Flag(help: "Start with a UTF-8 byte-order mark (helps spreadsheets detect UTF-8).")
    var bom = false

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
            ConsoleOutput.write(text, as: format == .json || format == .w3c ? .json : .text)
            return
        }
        do {
            // Atomic, like the sidecars: a half-written export never replaces a good one.
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw UserFacingError("\(output): cannot write: \(error.localizedDescription)")
        }
        ConsoleOutput.message("reso: wrote \(count) annotation\(count == 1 ? "" : "s") to \(output)")
    }
}
