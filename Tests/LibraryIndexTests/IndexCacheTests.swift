// The cache is never trusted blindly: corrupt or newer-schema files are set aside and rebuilt,
// a deleted cache is rebuilt silently, an unusable folder is an error the caller can fall back
// from, and several writers at once leave it whole.
import Foundation
import GRDB
import LibraryIndex
import ResolutionKit
import Testing

@Suite struct IndexCacheTests {
    static let doc = "The Security Council,\n\n1. Decides to remain seized of the echidna matter.\n"

    func library() throws -> (String, [LibraryFile]) {
        let dir = Library.folder("lib")
        try Library.write(Self.doc, to: dir + "/a/one.txt")
        try Library.write(Self.doc.replacingOccurrences(of: "echidna", with: "numbat"), to: dir + "/b/two.txt")
        return (dir, LibraryWalk.documents(under: dir))
    }

    @Test func corruptCacheIsSetAsideAndRebuilt() throws {
        let cache = Library.folder(); let (dir, files) = try library()
        defer { Library.cleanup(dir); Library.cleanup(cache) }
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: cache + "/index.sqlite"))
        let index = try IndexStore(folder: cache)
        let aside = try #require(index.setAside)
        #expect(FileManager.default.fileExists(atPath: aside))
        #expect(try index.refresh(files: files, roots: [dir]).parsed == 2)
        #expect(try index.search("echidna", files: files).map(\.file) == [dir + "/a/one.txt"])
    }

    @Test func newerSchemaIsSetAsideNotTrusted() throws {
        let cache = Library.folder(); let (dir, files) = try library()
        defer { Library.cleanup(dir); Library.cleanup(cache) }
        let queue = try DatabaseQueue(path: cache + "/index.sqlite")
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE document(id INTEGER PRIMARY KEY, path TEXT); PRAGMA user_version = 99")
        }
        try queue.close()
        let index = try IndexStore(folder: cache)
        #expect(index.setAside != nil)
        #expect(try index.refresh(files: files, roots: [dir]).parsed == 2)
        #expect(try index.search("numbat", files: files).map(\.file) == [dir + "/b/two.txt"])
    }

    @Test func deletedCacheIsRebuiltWithoutComplaint() throws {
        let cache = Library.folder(); let (dir, files) = try library()
        defer { Library.cleanup(dir); Library.cleanup(cache) }
        do {
            let index = try IndexStore(folder: cache)
            try index.refresh(files: files, roots: [dir])
        }
        try FileManager.default.removeItem(atPath: cache)
        let index = try IndexStore(folder: cache)
        #expect(index.setAside == nil)
        #expect(try index.refresh(files: files, roots: [dir]).parsed == 2)
        #expect(try index.search("echidna", files: files).count == 1)
    }

    @Test func unusableCacheFolderIsAnErrorToFallBackFrom() throws {
        // A path under a regular file can never be created (this holds for root too, for whom
        // permission bits do not stop anything).
        let base = Library.folder(); defer { Library.cleanup(base) }
        try Library.write("not a folder", to: base + "/file")
        #expect(throws: IndexUnavailable.self) { try IndexStore(folder: base + "/file/reso") }
    }

    @Test func concurrentWritersLeaveTheIndexWhole() throws {
        let cache = Library.folder(); let (dir, _) = try library()
        defer { Library.cleanup(dir); Library.cleanup(cache) }
        for i in 0..<12 { try Library.write(Self.doc.replacingOccurrences(of: "echidna", with: "quoll\(i)"), to: dir + "/c/\(i).txt") }
        let files = LibraryWalk.documents(under: dir)
        // Separate stores, as separate processes would have: own connections, own lock descriptors.
        let parsed = UnsafeMutableBufferPointer<Int>.allocate(capacity: 4)
        nonisolated(unsafe) let slots = parsed
        defer { parsed.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            let index = try? IndexStore(folder: cache)
            slots[i] = (try? index?.refresh(files: files, roots: [dir]).parsed) ?? -1
        }
        // One writer did the work, the others found it done.
        #expect(parsed.reduce(0, +) == files.count)
        #expect(!parsed.contains(-1))
        let index = try IndexStore(folder: cache)
        #expect(try index.status().documents == files.count)
        #expect(try index.search("quoll1", files: files).count == 3)   // quoll1, quoll10, quoll11
        let check = try DatabaseQueue(path: cache + "/index.sqlite")
        #expect(try check.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }
}
