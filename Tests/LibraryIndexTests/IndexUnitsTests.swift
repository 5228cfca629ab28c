// The units the index stores stand in for a parse (`reso tag` takes them instead of parsing a
// long resolution again): they must be the parse's units, only for a file that has not changed,
// and only from an index this build of reso made.
import Annotations
import Foundation
import LibraryIndex
import ResolutionKit
import Testing

@Suite struct IndexUnitsTests {
    /// Seeds and a corpus resolution in each language, plain text and Markdown.
    static func documents(in dir: String) throws -> [String] {
        var paths: [String] = []
        for s in Library.seeds {
            let p = dir + "/seeds/" + (s as NSString).lastPathComponent
            try Library.copy(s, to: p); paths.append(p)
        }
        for lang in ["ar", "en", "es", "fr", "ru", "zh"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: Library.corpus + "/" + lang).sorted()
            for suffix in [".plain.txt", ".md.txt"] {
                guard let name = names.last(where: { $0.hasSuffix(suffix) }) else { continue }
                let p = dir + "/\(lang)/" + name
                try Library.copy(Library.corpus + "/\(lang)/" + name, to: p); paths.append(p)
            }
        }
        return paths
    }

    @Test func storedUnitsAreTheParsesUnits() throws {
        let dir = Library.folder(), cache = Library.folder(); defer { Library.cleanup(dir); Library.cleanup(cache) }
        let paths = try Self.documents(in: dir)
        #expect(paths.count >= 12)
        let index = try IndexStore(folder: cache)
        try index.refresh(files: LibraryWalk.documents(under: dir), roots: [dir])
        for path in paths {
            let document = try ResolutionDocument.load(path: path)
            let target = try #require(try index.storedTarget(forFile: path), "\(path)")
            let parsed = document.units
            #expect(target.sha256 == document.source.sha256)
            #expect(target.symbol == document.meta.symbol)
            #expect(target.path == path)
            #expect(!parsed.isEmpty)
            // Same ids, kinds and texts in the same order: what anchoring uses.
            let stored = target.units
            #expect(stored.map(\.id) == parsed.map(\.id), "\(path)")
            #expect(stored.map(\.kind) == parsed.map(\.kind), "\(path)")
            #expect(stored.map(\.text) == parsed.map(\.text), "\(path)")
            #expect(target.unitID(for: "1") == document.resolveParagraph("1")?.id)
            #expect(target.unitID(for: "no-such-unit") == nil)
        }
    }

    @Test func aChangedFileOrAnUnindexedOneHasNoStoredUnits() throws {
        let dir = Library.folder(), cache = Library.folder(); defer { Library.cleanup(dir); Library.cleanup(cache) }
        let paths = try Self.documents(in: dir)
        let index = try IndexStore(folder: cache)
        try index.refresh(files: LibraryWalk.documents(under: dir), roots: [dir])
        // Same size, another modification time: not trusted.
        Library.age(paths[0])
        #expect(try index.storedTarget(forFile: paths[0]) == nil)
        // Another size.
        try Library.write(try String(contentsOfFile: paths[1], encoding: .utf8) + "\n\n99. 决定继续处理此案。\n", to: paths[1])
        #expect(try index.storedTarget(forFile: paths[1]) == nil)
        // Not in the index, and not there at all.
        try Library.write("The Security Council,\n\n1. Decides.\n", to: dir + "/new.txt")
        #expect(try index.storedTarget(forFile: dir + "/new.txt") == nil)
        #expect(try index.storedTarget(forFile: dir + "/gone.txt") == nil)
        // The others still are.
        #expect(try index.storedTarget(forFile: paths[2]) != nil)
    }

    @Test func anIndexAnotherBuildMadeIsRebuiltNotTrusted() throws {
        let dir = Library.folder(), cache = Library.folder(); defer { Library.cleanup(dir); Library.cleanup(cache) }
        let paths = try Self.documents(in: dir)
        do {
            let older = try IndexStore(folder: cache, build: "another-reso")
            try older.refresh(files: LibraryWalk.documents(under: dir), roots: [dir])
            #expect(try older.storedTarget(forFile: paths[0]) != nil)
            #expect(try older.status().documents == paths.count)
        }
        let index = try IndexStore(folder: cache, build: "this-reso")
        #expect(index.setAside == nil)
        #expect(try index.status().documents == 0)
        #expect(try index.storedTarget(forFile: paths[0]) == nil)
        let left = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.contains("set-aside") }
        #expect(left.isEmpty)
        // Refreshed, it serves this build's units again; reopened by the same build, it stays.
        #expect(try index.refresh(files: LibraryWalk.documents(under: dir), roots: [dir]).parsed == paths.count)
        let again = try IndexStore(folder: cache, build: "this-reso")
        #expect(try again.storedTarget(forFile: paths[0]) != nil)
    }

    /// A tag through stored units writes what a tag through the parsed document writes.
    @Test func taggingThroughStoredUnitsWritesWhatTaggingAParseWrites() throws {
        let dir = Library.folder(), cache = Library.folder(); defer { Library.cleanup(dir); Library.cleanup(cache) }
        let paths = try Self.documents(in: dir)
        let index = try IndexStore(folder: cache)
        try index.refresh(files: LibraryWalk.documents(under: dir), roots: [dir])
        let stores = Library.folder(); defer { Library.cleanup(stores) }
        for path in paths {
            let document = try ResolutionDocument.load(path: path)
            let target = try #require(try index.storedTarget(forFile: path))
            let units = document.units
            let picks = [units.first!.id, units[units.count / 2].id, units.last!.id]
            let viaIndex = SidecarStore(documentPath: path, storeDirectory: stores + "/index")
            let viaParse = SidecarStore(documentPath: path, storeDirectory: stores + "/parse")
            for id in picks {
                _ = try viaIndex.addTags(["support"], paragraph: id, target: target)
                _ = try viaParse.addTags(["support"], paragraph: id, document: document)
            }
            _ = try viaIndex.removeTags(["support"], paragraph: picks[1], target: target)
            _ = try viaParse.removeTags(["support"], paragraph: picks[1], document: document)
            let a = try viaIndex.load(for: document), b = try viaParse.load(for: document)
            func shape(_ s: SidecarSnapshot) -> [String] {
                s.annotations.map { "\($0.paragraph) \($0.tags) \($0.anchor.exact) \($0.anchor.textHash)" }
            }
            #expect(shape(a) == shape(b), "\(path)")
            #expect(a.changes.isEmpty && a.orphans.isEmpty)
            #expect(shape(a).count == Set(picks).count - (picks[1] == picks[0] || picks[1] == picks[2] ? 0 : 1))
        }
    }
}
