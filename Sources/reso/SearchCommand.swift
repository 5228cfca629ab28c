import Annotations
import ArgumentParser
import Foundation
import LibraryIndex
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
        let hits = try Self.hits(query, paths: paths.isEmpty ? [LibraryLocation.path] : paths, store: storage)
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

    /// Through the index when it can be used (refreshed first, so an edited file is found by
    /// the very next search); else by parsing every file, as before the index.
    static func hits(_ query: String, paths: [String], store: StoreOption) throws -> [SearchHit] {
        let index = IndexedLibrary.open()
        let (files, roots) = try DocumentPaths.walk(paths, index: index)
        if let index {
            do {
                let report = try index.refresh(files: files, roots: roots, storeDirectory: store.store)
                if let first = report.unreadable.first, files.count == 1 || report.unreadable.count == files.count {
                    throw UserFacingError(first.reason)
                }
                for u in report.unreadable { ConsoleOutput.message("reso: skipped \(u.reason)") }
                for u in report.notesUnreadable { ConsoleOutput.message("reso: \(u.reason); its notes are not searched") }
                return try index.search(query, files: files)
            } catch let e as UserFacingError {
                throw e
            } catch {
                ConsoleOutput.message("reso: warning: the index failed (\(error)); searching without it")
            }
        }
        let docs = try loadDocuments(files.map(\.path))
        let items = docs.map { doc -> (document: ResolutionDocument, snapshot: SidecarSnapshot?) in
            do { return (doc, try store.store(for: doc).load(for: doc)) } catch {
                // The texts are still worth searching; say why the notes are not.
                ConsoleOutput.message("reso: \(error); its notes are not searched")
                return (doc, nil)
            }
        }
        return LibrarySearch.search(query, in: items)
    }
}
