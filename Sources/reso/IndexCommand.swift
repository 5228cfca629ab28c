// `reso index PATH…`: builds or refreshes the library index and says what it did;
// `reso index --status`: what the cache holds. `reso search` uses the same index through
// `IndexedLibrary`, falling back to a scan when the cache cannot be used.
import ArgumentParser
import Foundation
import LibraryIndex
import ResolutionKit

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or refresh the library index (a cache in $XDG_CACHE_HOME/reso).",
        discussion: """
        Folders are walked recursively; only new or changed files are parsed. The index is a \
        cache: deleting it loses nothing. Examples: reso index ~/library   reso index --status
        """
    )

    @Argument(help: "Documents or folders (default: the bundled library).")
    var paths: [String] = []

    @Flag(help: "Report what the cache holds instead of refreshing it.")
    var status = false

    @OptionGroup var storage: StoreOption

    func run() throws {
        let index: IndexStore
        do { index = try IndexStore() } catch {
            throw UserFacingError("\(error)")
        }
        if let aside = index.setAside { ConsoleOutput.message("reso: the index could not be used; set aside as \(aside) and rebuilt") }
        if status {
            let s = try index.status()
            ConsoleOutput.line("""
                index: \(s.path)
                documents: \(s.documents.formatted()) (\(s.unreadable) unreadable), texts: \(s.texts.formatted()), notes: \(s.notes.formatted())
                size: \(megabytes(s.bytes)) for \(megabytes(s.libraryBytes)) of documents
                """)
            return
        }
        let (files, roots) = try DocumentPaths.walk(paths.isEmpty ? [LibraryLocation.path] : paths, index: index)
        let bar = ProgressLine()
        let report = try index.refresh(files: files, roots: roots, storeDirectory: storage.store,
                                       progress: bar.isActive ? { bar.show("indexing", $0, $1) } : nil)
        bar.clear()
        var line = "\(report.documents.formatted()) documents: \(report.parsed.formatted()) parsed"
        if report.renamed > 0 { line += ", \(report.renamed) renamed" }
        if report.removed > 0 { line += ", \(report.removed) removed" }
        line += ", \(report.unreadable.count) unreadable"
        ConsoleOutput.line(line)
        for u in report.unreadable { ConsoleOutput.line("unreadable: \(u.reason)") }
        for u in report.notesUnreadable { ConsoleOutput.line("notes not indexed: \(u.path): \(u.reason)") }
    }

    private func megabytes(_ n: Int64) -> String { String(format: "%.1f MB", Double(n) / 1_000_000) }
}

extension Int {
    /// 10430 → `10,430`.
    func formatted() -> String {
        let digits = String(self.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return self < 0 ? "-" + out : out
    }
}

/// `indexing 3,412 / 10,430` on stderr, rewritten in place; only when stderr is a terminal.
final class ProgressLine {
    let isActive = isatty(STDERR_FILENO) != 0
    private var shown = false

    func show(_ what: String, _ done: Int, _ total: Int) {
        guard isActive, total > 0 else { return }
        let width = 30, filled = done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        ConsoleOutput.progress("\(what) \(done.formatted()) / \(total.formatted()) [\(bar)]")
        shown = true
    }

    func clear() {
        if shown { ConsoleOutput.progress("") }
        shown = false
    }
}

/// The index as `reso search` uses it: nil (after a one-line warning) when the cache cannot be
/// opened, so the caller scans instead. `RESO_NO_INDEX=1` always scans.
enum IndexedLibrary {
    static func open() -> IndexStore? {
        if let v = ProcessInfo.processInfo.environment["RESO_NO_INDEX"], !v.isEmpty, v != "0" { return nil }
        do {
            let index = try IndexStore()
            if let aside = index.setAside {
                ConsoleOutput.message("reso: the index could not be used; set aside as \(aside) and rebuilt")
            }
            return index
        } catch {
            ConsoleOutput.message("reso: warning: \(error); searching without the index")
            return nil
        }
    }
}
