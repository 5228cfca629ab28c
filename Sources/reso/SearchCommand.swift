import Annotations
import ArgumentParser
import Foundation
import ResolutionKit

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search paragraph texts, footnotes and notes (CJK aware).",
        discussion: """
        Matches substrings, so Chinese needs no spaces (数字鸿沟); Latin letters match in any \
        case. Each hit names the document, the paragraph id and a snippet with the match «marked».
        Examples: reso search 数字鸿沟 seeds/   reso search "digital divide" seeds/ --json
        """
    )

    @Argument(help: "What to look for.")
    var query: String

    @Argument(help: "Documents or folders (default: the bundled library).")
    var paths: [String] = []

    @Flag(help: "Print a JSON array of hits (file, paragraph, kind, snippet, count, offset).")
    var json = false

    @OptionGroup var storage: StoreOption

    func run() throws {
        guard !query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw UserFacingError("the search query is empty", status: .usage)
        }
        let docs = try AnnotationCLI.documents(paths)
        let items = docs.map { doc -> (document: ResolutionDocument, snapshot: SidecarSnapshot?) in
            do { return (doc, try storage.store(for: doc).load(for: doc)) } catch {
                // The texts are still worth searching; say why the notes are not.
                ConsoleOutput.message("reso: \(error); its notes are not searched")
                return (doc, nil)
            }
        }
        let hits = LibrarySearch.search(query, in: items)
        if json {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            ConsoleOutput.write(hits.isEmpty ? "[]\n" : String(decoding: try e.encode(hits), as: UTF8.self) + "\n", as: .json)
            if hits.isEmpty {
                ConsoleOutput.message("reso: no matches for \(query)")
                throw ExitCode(ExitStatus.notFound)   // as grep: no match is status 1
            }
            return
        }
        var out = ""
        for h in hits {
            let kind = h.kind == "note" ? " (note)" : h.kind == "orphan-note" ? " (orphaned note)" : ""
            out += "\(h.file):\(h.paragraph)\(kind): \(h.snippet)\n"
        }
        if ConsoleOutput.stylesStandardOutput {
            ConsoleOutput.write(out, highlighting: SearchHit.markOpen, SearchHit.markClose)
        } else {
            ConsoleOutput.write(out)
        }
        let total = hits.reduce(0) { $0 + $1.count }
        let places = Set(hits.map { "\($0.file)#\($0.paragraph)" }).count
        ConsoleOutput.message(hits.isEmpty ? "reso: no matches for \(query)"
            : "reso: \(total) match\(total == 1 ? "" : "es") in \(places) paragraph\(places == 1 ? "" : "s")")
        if hits.isEmpty { throw ExitCode(ExitStatus.notFound) }
    }
}
