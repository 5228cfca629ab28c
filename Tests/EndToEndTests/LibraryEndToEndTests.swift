// The big-library reader (issue 10 item 3) as a user meets it: a library in nested folders,
// built from the SC 2020 corpus, opens to its list from the index; a language filter narrows
// it; a library-wide search lists hits, and Enter opens the document at the hit's paragraph.
import Foundation
import Testing

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
struct LibraryEndToEndTests {
    static let corpus = TmuxSession.repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/sc-2020").path

    /// `2020/en/` and `2020/fr/` with four documents each, `archive/zh/` with three.
    static func nestedLibrary() throws -> (library: String, cache: String) {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("reso-e2e-library-\(UUID().uuidString)").path
        for (folder, language, count) in [("2020/en", "en", 4), ("2020/fr", "fr", 4), ("archive/zh", "zh", 3)] {
            try fm.createDirectory(atPath: root + "/library/" + folder, withIntermediateDirectories: true)
            let names = try fm.contentsOfDirectory(atPath: corpus + "/" + language).filter { $0.hasSuffix(".plain.txt") }.sorted()
            for name in names.prefix(count) {
                try fm.copyItem(atPath: corpus + "/" + language + "/" + name, toPath: root + "/library/" + folder + "/" + name)
            }
        }
        return (root + "/library", root + "/cache")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: LibraryEndToEndTests.corpus)))
    func listFilterSearchAndOpenAtTheHit() throws {
        let (library, cache) = try Self.nestedLibrary()
        defer { try? FileManager.default.removeItem(atPath: (library as NSString).deletingLastPathComponent) }
        let t = try TmuxSession(width: 120, height: 30, args: [library],
                                environment: "XDG_CACHE_HOME='\(cache)' RESO_INDEXED_LIBRARY_MIN=2", directory: library)
        // The list, grouped by folder, paths relative to the root.
        // A cold library fills in as the index catches up (slowly on a loaded machine): wait
        // for the whole list rather than its first frame.
        // (Indexing runs beside the reader: the symbols show once it is done.)
        var screen = try t.waitFor("the list of all three folders", timeout: 60) {
            $0.contains("11 documents") && $0.contains("2020/en/") && $0.contains("2020/fr/") && $0.contains("archive/zh/")
                && $0.contains("S/RES/") && !$0.contains("indexing")
        }
        #expect(FileManager.default.fileExists(atPath: cache + "/reso/index.sqlite"), "the list came without the index")

        // L cycles the language filter: en first.
        // tmux may show a frame half drawn (the header before the rows), so each check waits
        // for the whole filtered list; a wrong list times out and prints the screen.
        try t.send("L")
        try t.waitFor("the list filtered to en") {
            $0.contains("4 of 11 documents") && $0.contains("language en")
                && $0.contains("2020/en/") && !$0.contains("2020/fr/") && !$0.contains("archive/zh/")
        }
        try t.send("L")
        try t.waitFor("the list filtered to fr") {
            $0.contains("language fr") && $0.contains("2020/fr/") && !$0.contains("2020/en/")
        }
        try t.send("Escape")
        try t.waitFor(text: "Showing all 11 documents")

        // A library-wide search lists its hits: document · paragraph · snippet.
        try t.send("/")
        try t.type("humanitarian")
        try t.send("Enter")
        func hitRows(_ screen: String) -> [String] {
            screen.split(separator: "\n").map(String.init).filter { $0.contains(".plain.txt · ") }
        }
        // Each row marks its match.
        screen = try t.waitFor("three hit rows, each with its match marked") {
            $0.contains("hits") && hitRows($0).count >= 3 && hitRows($0).allSatisfy { $0.contains("«") }
        }
        let rows = hitRows(screen)
        // Enter on the second hit opens its document at its paragraph.
        let second = try #require(rows.dropFirst().first)
        let parts = second.components(separatedBy: " · ")
        let paragraph = parts[1].trimmingCharacters(in: .whitespaces)
        try t.send("j")
        try t.send("Enter")
        try t.waitFor("the document at \(paragraph), showing the match") {
            $0.contains("▌\(paragraph) ") && $0.contains("humanitarian")
        }
        // q goes back to the hit list, Escape to the list, q quits.
        try t.send("q")
        try t.waitFor(text: "document · paragraph · snippet")
        try t.send("Escape")
        try t.waitFor(text: "by folder")
    }

    /// A cold library is indexed on another thread: a document opens (parsed on its own) while
    /// the index is still being built, instead of after it.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: LibraryEndToEndTests.corpus)))
    func keysWorkWhileAColdLibraryIsIndexed() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("reso-e2e-cold-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: root) }
        // Every corpus resolution in six languages, twice: long enough to index that the test
        // can act in the middle of it, on any machine.
        var total = 0
        for copy in ["a", "b"] {
            for language in ["ar", "en", "es", "fr", "ru", "zh"] {
                let folder = root + "/library/\(copy)/\(language)"
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for name in try fm.contentsOfDirectory(atPath: Self.corpus + "/" + language) where name.hasSuffix(".plain.txt") {
                    try fm.copyItem(atPath: Self.corpus + "/" + language + "/" + name, toPath: folder + "/" + name)
                    total += 1
                }
            }
        }
        let t = try TmuxSession(width: 120, height: 30, args: [root + "/library"],
                                environment: "XDG_CACHE_HOME='\(root)/cache' RESO_INDEXED_LIBRARY_MIN=2", directory: root)
        try t.waitFor("the progress line", timeout: 60) { $0.contains("indexing ") }
        try t.send("Enter")
        let screen = try t.waitFor("the first document", timeout: 60) { $0.contains("pp1") || $0.contains("op1") }
        let status = try spawnAndWait("/bin/sh", ["-c", "XDG_CACHE_HOME=\"$0/cache\" exec \"$1\" index --status 2>&1",
                                                  root, TmuxSession.binary]).output.replacingOccurrences(of: ",", with: "")
        let indexed = status.split(separator: "\n").first { $0.hasPrefix("documents: ") }
            .flatMap { Int($0.dropFirst("documents: ".count).prefix { $0.isNumber }) }
        #expect(indexed.map { $0 < total } == true, "the document opened only after indexing (\(status)):\n\(screen)")
        // Back in the list, it fills in when the index is done.
        try t.send("q")
        try t.waitFor("the whole list", timeout: 300) { $0.contains("\(total) documents") && $0.contains("S/RES/") }
    }

    /// A cache that cannot be used (its folder would be under a regular file: impossible even
    /// as root) is a warning in the status line; every document is read instead, nothing fails.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: LibraryEndToEndTests.corpus)))
    func anUnusableCacheWarnsAndReadsEveryDocument() throws {
        let (library, cache) = try Self.nestedLibrary()
        defer { try? FileManager.default.removeItem(atPath: (library as NSString).deletingLastPathComponent) }
        _ = FileManager.default.createFile(atPath: cache, contents: Data("not a folder".utf8))
        let t = try TmuxSession(width: 120, height: 30, args: [library],
                                environment: "XDG_CACHE_HOME='\(cache)' RESO_INDEXED_LIBRARY_MIN=2", directory: library)
        let screen = try t.waitFor(text: "warning")
        #expect(screen.contains("11 documents"), "\(screen)")
        #expect(screen.contains("reading every document"), "\(screen)")
    }
}
