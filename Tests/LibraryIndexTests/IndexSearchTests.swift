// The index must find what the scan finds: the same hits, in the same order, with the same
// snippets, for queries in the six languages, short CJK queries included.
import Annotations
import Foundation
import LibraryIndex
import ResolutionKit
import Testing

@Suite struct IndexSearchTests {
    static let queries = [
        // English
        "Security Council", "terrorism", "DECIDES", "the", "a", "of  the", "2020", "resolution 2532",
        // French, Spanish
        "Conseil de sécurité", "DÉCIDE", "é", "Consejo de Seguridad", "resolución", "Naciones Unidas",
        // Russian
        "Совет Безопасности", "СОВЕТ", "я", "резолюции",
        // Arabic
        "مجلس الأمن", "قرار", "الأمم المتحدة",
        // Chinese: one, two and more characters, with and without the spaces extraction adds
        "安全理事会", "决议", "和平", "和", "2020 年", "2020年", "恐怖主义", "联合国",
        // as a keyboard types what the texts write otherwise: `mise en œuvre`, `COVID‑19`,
        // `d’Ivoire`, `مجلس الأمن`, `يسلّم`
        "mise en oeuvre", "COVID-19", "l'Organisation", "مجلس الامن", "يسلم",
        // `الامم المتحده`, `علي`, `её`, `Кёлер`: the texts write `الأمم المتحدة`, `على`, `ее`
        "الامم المتحده", "علي", "её", "Келер",
        // full-width Latin, and something no document holds
        "ＳＥＣＵＲＩＴＹ", "zzqxj nothing",
    ]

    @Test func indexHitsEqualTheScanOnTheCorpus() throws {
        let cache = Library.folder(); defer { Library.cleanup(cache) }
        // One rendering of each resolution (the corpus holds each as .md.txt and .plain.txt):
        // 274 documents in six languages, parsed twice in a debug build.
        let files = LibraryWalk.documents(under: Library.corpus).filter { $0.path.hasSuffix(".md.txt") }
        try #require(files.count > 250)
        let index = try IndexStore(folder: cache)
        let report = try index.refresh(files: files, roots: [Library.corpus])
        #expect(report.parsed == files.count)
        #expect(report.unreadable.isEmpty)
        let docs = try ResolutionDocument.loadAll(paths: files.map(\.path)).map { try $0.get() }
        let items = docs.map { (document: $0, snapshot: SidecarSnapshot?.none) }
        var nonEmpty = 0
        for q in Self.queries {
            let scan = LibrarySearch.search(q, in: items)
            let indexed = try index.search(q, files: files)
            #expect(indexed == scan, "query \(q): index \(indexed.count) hits, scan \(scan.count)")
            if !scan.isEmpty { nonEmpty += 1 }
        }
        // The queries exercise real hits in every language, not only empty results.
        #expect(nonEmpty >= Self.queries.count - 1)
        // A second refresh parses nothing.
        #expect(try index.refresh(files: files, roots: [Library.corpus]).parsed == 0)
    }

    @Test func notesAreSearchedAndFollowTheSidecar() throws {
        let dir = Library.folder(), cache = Library.folder(); defer { Library.cleanup(dir); Library.cleanup(cache) }
        let paths = try Library.nestedSeeds(in: dir)
        let index = try IndexStore(folder: cache)
        var files = LibraryWalk.documents(under: dir)
        try index.refresh(files: files, roots: [dir])
        #expect(try index.search("quokkafinder", files: files).isEmpty)
        let doc = try ResolutionDocument.load(path: paths[1])
        let para = doc.units[2].id
        _ = try SidecarStore(documentPath: paths[1]).setNote("ask the quokkafinder delegation", paragraph: para, document: doc)
        files = LibraryWalk.documents(under: dir)
        let report = try index.refresh(files: files, roots: [dir])
        #expect(report.parsed == 1)
        let hits = try index.search("QUOKKAFINDER", files: files)
        #expect(hits.map(\.kind) == ["note"])
        #expect(hits.first?.paragraph == para)
        #expect(hits.first?.file == paths[1])
        // The same as the scan with the sidecar loaded.
        let items = try files.map { f -> (document: ResolutionDocument, snapshot: SidecarSnapshot?) in
            let d = try ResolutionDocument.load(path: f.path)
            return (d, try SidecarStore(documentPath: f.path).load(for: d))
        }
        #expect(hits == LibrarySearch.search("QUOKKAFINDER", in: items))
        _ = try SidecarStore(documentPath: paths[1]).setNote(nil, paragraph: para, document: doc)
        files = LibraryWalk.documents(under: dir)
        try index.refresh(files: files, roots: [dir])
        #expect(try index.search("quokkafinder", files: files).isEmpty)
    }

    /// The library view filters by tag from the index: a document's row holds its notes' tags,
    /// and follows the sidecar.
    @Test func catalogRowsCarryTheNotesTags() throws {
        let dir = Library.folder(), cache = Library.folder(); defer { Library.cleanup(dir); Library.cleanup(cache) }
        let paths = try Library.nestedSeeds(in: dir)
        let index = try IndexStore(folder: cache)
        try index.refresh(files: LibraryWalk.documents(under: dir), roots: [dir])
        #expect(try index.catalog(files: LibraryWalk.documents(under: dir)).allSatisfy { $0.tags.isEmpty })
        let doc = try ResolutionDocument.load(path: paths[0])
        _ = try SidecarStore(documentPath: paths[0]).addTags(["support", "优先"], paragraph: doc.units[1].id, document: doc)
        _ = try SidecarStore(documentPath: paths[0]).addTags(["support"], paragraph: doc.units[3].id, document: doc)
        let files = LibraryWalk.documents(under: dir)
        #expect(try index.refresh(files: files, roots: [dir]).parsed == 1)
        let rows = try index.catalog(files: files)
        let tagged = rows.filter { !$0.tags.isEmpty }
        #expect(tagged.map(\.path) == [paths[0]])
        #expect(tagged.first?.tags == ["support", "优先"])
    }

    @Test func searchIsLimitedToTheGivenLibrary() throws {
        let a = Library.folder(), b = Library.folder(), cache = Library.folder()
        defer { Library.cleanup(a); Library.cleanup(b); Library.cleanup(cache) }
        try Library.write("The Security Council,\n\n1. Decides to remain seized of the matter about wombats.\n", to: a + "/x.txt")
        try Library.write("The Security Council,\n\n1. Decides to remain seized of the matter about wombats.\n", to: b + "/y.txt")
        let index = try IndexStore(folder: cache)
        let fa = LibraryWalk.documents(under: a), fb = LibraryWalk.documents(under: b)
        try index.refresh(files: fa, roots: [a]); try index.refresh(files: fb, roots: [b])
        #expect(try index.search("wombats", files: fa).map(\.file) == [a + "/x.txt"])
        #expect(try index.search("wombats", files: fb).map(\.file) == [b + "/y.txt"])
    }
}
