// The index follows the files: an edit, an addition, a removal or a rename is seen by the next
// refresh, and only the file concerned is parsed again (counted, not timed).
import Foundation
import LibraryIndex
import ResolutionKit
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct IndexFreshnessTests {
    static let doc = "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to remain seized of the matter.\n"

    /// New texts reach the full-text tables by id range: editing the document whose texts have
    /// the largest ids (deleted, then stored again in the same write) must not let the new texts
    /// take ids below that range and go unindexed.
    @Test func editingTheLastIndexedDocumentIndexesItsNewTexts() throws {
        let dir = Library.folder(), cache = Library.folder(); defer { Library.cleanup(dir); Library.cleanup(cache) }
        try Library.write(Self.doc, to: dir + "/a.txt")
        try Library.write(Self.doc.replacingOccurrences(of: "matter", with: "quokka matter"), to: dir + "/b.txt")
        let index = try IndexStore(folder: cache)
        func files() -> [LibraryFile] { LibraryWalk.documents(under: dir) }
        try index.refresh(files: files(), roots: [dir])
        for (round, word) in ["bilby", "dugong", "丁香鸟", "numbat"].enumerated() {
            Library.age(dir + "/b.txt")
            try Library.write(Self.doc.replacingOccurrences(of: "matter", with: "\(word) matter"), to: dir + "/b.txt")
            #expect(try index.refresh(files: files(), roots: [dir]).parsed == 1, "round \(round)")
            #expect(try index.search(word, files: files()).map(\.file) == [dir + "/b.txt"], "\(word)")
            #expect(try index.search("quokka", files: files()).isEmpty)
        }
    }

    @Test func editAddRemoveRenameEachParseOnlyThatFile() throws {
        let dir = Library.folder(), cache = Library.folder(); defer { Library.cleanup(dir); Library.cleanup(cache) }
        let paths = try Library.nestedSeeds(in: dir)
        let index = try IndexStore(folder: cache)
        func refresh() throws -> IndexReport { try index.refresh(files: LibraryWalk.documents(under: dir), roots: [dir]) }
        func search(_ q: String) throws -> [String] {
            try index.search(q, files: LibraryWalk.documents(under: dir)).map(\.file)
        }
        #expect(try refresh().parsed == paths.count)
        #expect(try refresh().parsed == 0)

        // Edit: a new word appears in one file.
        Library.age(paths[2])
        var text = try String(contentsOfFile: paths[2], encoding: .utf8)
        text += "\n\n99. 决定继续处理袋熊问题。\n"
        try Library.write(text, to: paths[2])
        let edited = try refresh()
        #expect(edited.parsed == 1)
        #expect(try search("袋熊") == [paths[2]])

        // Touch without a change: hashed, not parsed.
        Library.age(paths[3])
        #expect(try refresh().parsed == 0)

        // Add.
        try Library.write(Self.doc.replacingOccurrences(of: "matter", with: "platypus matter"), to: dir + "/2022/en/new.txt")
        #expect(try refresh().parsed == 1)
        #expect(try search("platypus") == [dir + "/2022/en/new.txt"])

        // Rename (moved to another folder): nothing parsed, found at the new path.
        try FileManager.default.createDirectory(atPath: dir + "/2023/en", withIntermediateDirectories: true)
        #expect(rename(dir + "/2022/en/new.txt", dir + "/2023/en/moved.txt") == 0)
        let renamed = try refresh()
        #expect(renamed.parsed == 0)
        #expect(renamed.renamed == 1)
        #expect(try search("platypus") == [dir + "/2023/en/moved.txt"])

        // Remove.
        try FileManager.default.removeItem(atPath: dir + "/2023/en/moved.txt")
        let removed = try refresh()
        #expect(removed.parsed == 0 && removed.removed == 1)
        #expect(try search("platypus").isEmpty)
        #expect(try index.status().documents == paths.count)
    }

    @Test func binaryUnreadableAndVanishingFilesAreSkippedAndReported() throws {
        let dir = Library.folder(), cache = Library.folder(); defer { Library.cleanup(dir); Library.cleanup(cache) }
        try Library.write(Self.doc, to: dir + "/good.txt")
        try Data([0x54, 0x68, 0x65, 0x00, 0x01, 0xFF, 0x00] + Array(repeating: 0x41, count: 100))
            .write(to: URL(fileURLWithPath: dir + "/binary.txt"))
        try Library.write(Self.doc, to: dir + "/vanishing.txt")
        let files = LibraryWalk.documents(under: dir)
        #expect(files.count == 3)
        // The file goes after the walk saw it and before it is read.
        try FileManager.default.removeItem(atPath: dir + "/vanishing.txt")
        let index = try IndexStore(folder: cache)
        let report = try index.refresh(files: files, roots: [dir])
        #expect(report.unreadable.count == 2)
        #expect(report.unreadable.contains { $0.path.hasSuffix("binary.txt") && $0.reason.contains("binary") })
        #expect(report.unreadable.contains { $0.path.hasSuffix("vanishing.txt") && $0.reason.contains("no such file") })
        #expect(try index.search("seized", files: LibraryWalk.documents(under: dir)).map(\.file) == [dir + "/good.txt"])
        // The binary file is remembered as unreadable: not parsed again until it changes.
        let again = try index.refresh(files: LibraryWalk.documents(under: dir), roots: [dir])
        #expect(again.parsed == 0)
        #expect(again.unreadable.count == 1)
    }

    @Test func parsesGrowLinearlyWithChangedFilesNotWithTheLibrary() throws {
        let dir = Library.folder(), cache = Library.folder(); defer { Library.cleanup(dir); Library.cleanup(cache) }
        for i in 0..<40 {
            try Library.write(Self.doc.replacingOccurrences(of: "matter", with: "matter number \(i)"), to: dir + "/\(i % 4)/d\(i).txt")
        }
        let index = try IndexStore(folder: cache)
        #expect(try index.refresh(files: LibraryWalk.documents(under: dir), roots: [dir]).parsed == 40)
        for i in [3, 17] {
            let p = dir + "/\(i % 4)/d\(i).txt"
            Library.age(p)
            try Library.write(Self.doc + "\n2. Also decides \(i).\n", to: p)
        }
        #expect(try index.refresh(files: LibraryWalk.documents(under: dir), roots: [dir]).parsed == 2)
    }
}
