// One- and two-character CJK queries have no trigram. They are answered from the unigram
// table as a phrase, and must still find exactly what the scan finds: characters outside the
// basic plane, kana, characters split by spaces, punctuation or Latin letters, and notes.
import Annotations
import Foundation
import GRDB
@testable import LibraryIndex
import ResolutionKit
import Testing

@Suite struct IndexShortQueryTests {
    static let paragraphs = [
        "1. 决定继续积极处理此案。",
        "2. 请秘书长提交报告，决 议由各方审议。",          // split by a space: still a match
        "3. 强调决。议不同于决议。",                        // split by punctuation, then whole
        "4. 决a议 不是一个词；𠀀𠀁 是扩展字符；カタカナ 和 ひらがな。",
        "5. Decides that the matter remains under review.",
    ]
    static let queries = ["决议", "决", "议", "𠀀", "𠀀𠀁", "カタ", "な", "和", "。", "决。", "a议", "re"]

    @Test func shortQueriesFindWhatTheScanFinds() throws {
        let dir = Library.folder("lib"), cache = Library.folder()
        defer { Library.cleanup(dir); Library.cleanup(cache) }
        let text = "安全理事会，\n\n" + Self.paragraphs.joined(separator: "\n\n") + "\n"
        try Library.write(text, to: dir + "/zh.txt")
        let files = LibraryWalk.documents(under: dir)
        let index = try IndexStore(folder: cache)
        try index.refresh(files: files, roots: [dir])
        let docs = try ResolutionDocument.loadAll(paths: files.map(\.path)).map { try $0.get() }
        let items = docs.map { (document: $0, snapshot: SidecarSnapshot?.none) }
        for q in Self.queries {
            let scan = LibrarySearch.search(q, in: items)
            #expect(try index.search(q, files: files) == scan, "query \(q)")
            if FoldedText.unigramPhrase(ofFolded: FoldedText.fold(query: SearchPattern(q)!)) != nil {
                // The phrase reads only the texts that hold the query: no scan of every text.
                #expect(index.candidatesRead == scan.count, "query \(q) read \(index.candidatesRead) texts for \(scan.count) hits")
            }
        }
        #expect(try index.search("决议", files: files).count == 2)
        #expect(try index.search("𠀀", files: files).count == 1)
    }

    @Test func unigramFormBreaksAdjacencyAtEverythingElse() {
        #expect(FoldedText.unigrams(ofFolded: "决议") == "决 议 ")
        #expect(FoldedText.unigrams(ofFolded: "决a议") == "决 0 议 ")
        #expect(FoldedText.unigrams(ofFolded: "决。议") == "决 0 议 ")
        #expect(FoldedText.unigrams(ofFolded: "decides") == nil)
        #expect(FoldedText.unigramPhrase(ofFolded: "决议") == "\"决 议\"")
        #expect(FoldedText.unigramPhrase(ofFolded: "。") == nil)          // punctuation: scanned
        #expect(FoldedText.unigramPhrase(ofFolded: "re") == nil)         // Latin: scanned
        #expect(FoldedText.unigramPhrase(ofFolded: "恐怖主义") == nil)   // trigrams serve it
    }

    @Test func aCacheFromAnOlderReleaseIsReplacedNotSetAside() throws {
        let dir = Library.folder("lib"), cache = Library.folder()
        defer { Library.cleanup(dir); Library.cleanup(cache) }
        try Library.write("安全理事会，\n\n1. 决定继续处理此案。\n", to: dir + "/a.txt")
        let files = LibraryWalk.documents(under: dir)
        // The first schema: the same tables without the unigram table.
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: cache + "/index.sqlite")
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE document(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE);
                CREATE TABLE text(id INTEGER PRIMARY KEY, doc INTEGER, folded TEXT);
                CREATE VIRTUAL TABLE text_fts USING fts5(folded, content='text', content_rowid='id', tokenize='trigram');
                PRAGMA user_version = 1;
                """)
        }
        try queue.close()
        let index = try IndexStore(folder: cache)
        #expect(index.setAside == nil)
        let left = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.contains("set-aside") }
        #expect(left.isEmpty)
        #expect(try index.refresh(files: files, roots: [dir]).parsed == 1)
        #expect(try index.search("决定", files: files).count == 1)
    }
}
