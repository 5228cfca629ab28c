import Annotations
import ArgumentParser
import Foundation
import ResolutionKit

struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "List annotations (tags and notes), including orphans.",
        discussion: """
        Orphans are annotations whose paragraph is no longer in the document (its text was \
        rewritten); they are listed with the id and text they had, never dropped.
        Examples: reso notes seeds/   reso notes resolution.txt --tag priority --json
        """
    )

    @Argument(help: "Documents or folders (default: the bundled library).")
    var paths: [String] = []

    @Flag(help: "Print a JSON array of flat records (the fields of `reso export --format json`).")
    var json = false

    @Option(help: "Only annotations carrying this tag.")
    var tag: String?

    @OptionGroup var storage: StoreOption

    func run() throws {
        let docs = try AnnotationCLI.documents(paths)
        var records: [ExportRecord] = []
        var items: [(document: ResolutionDocument, snapshot: SidecarSnapshot)] = []
        var text = ""
        for doc in docs {
            let snap = try storage.snapshot(for: doc)
            items.append((doc, snap))
            for line in AnnotationCLI.describe(snap.changes, file: (snap.sidecarPath as NSString).lastPathComponent) {
                ConsoleOutput.message(line)
            }
            let rs = ExportRecord.records(document: doc, snapshot: snap, tag: tag)
            records += rs
            if !rs.isEmpty { text += Self.listing(doc, rs) }
        }
        if json {
            ConsoleOutput.write(Exporter.export(items, format: .json, tag: tag), as: .json)
            return
        }
        if records.isEmpty {
            ConsoleOutput.message("reso: no annotations" + (tag.map { " tagged \($0)" } ?? ""))
            return
        }
        ConsoleOutput.write(text)
    }

    static func listing(_ doc: ResolutionDocument, _ records: [ExportRecord]) -> String {
        let attached = records.filter { !$0.orphan }, orphans = records.filter(\.orphan)
        var head = doc.source.path
        if let s = doc.meta.symbol { head += " (\(s))" }
        let paragraphs = Set(attached.map(\.paragraph)).count
        head += ": \(paragraphs) annotated paragraph\(paragraphs == 1 ? "" : "s")"
        if !orphans.isEmpty { head += ", \(orphans.count) orphan\(orphans.count == 1 ? "" : "s")" }
        var out = head + "\n"
        func entry(_ r: ExportRecord, _ label: String) {
            out += "  \(label)  " + excerpt(r.text, 40)
            if !r.tags.isEmpty { out += "  [\(r.tags.joined(separator: ", "))]" }
            out += "\n"
            if let a = r.amendment { out += "      amendment \(r.id.prefix(8)): \(a)\n" } else if let q = r.quote { out += "      on “\(q)”\n" }
            for line in (r.note ?? "").split(separator: "\n", omittingEmptySubsequences: false) where r.note != nil {
                out += "      \(line)\n"
            }
        }
        for r in attached { entry(r, r.paragraph) }
        if !orphans.isEmpty {
            out += "  orphans (their paragraph is no longer in the document; kept with their last text):\n"
            for r in orphans { entry(r, "was \(r.paragraph)") }
        }
        return out + "\n"
    }

    /// The first `n` characters of a paragraph, on one line.
    static func excerpt(_ text: String, _ n: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= n ? flat : String(flat.prefix(n)) + "…"
    }
}
