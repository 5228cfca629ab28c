import Foundation
import ResolutionKit
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct LibraryWalkTests {
    @Test func walksNestedFoldersSkippingHiddenSidecarsAndNonDocuments() throws {
        let dir = Library.folder(); defer { Library.cleanup(dir) }
        let seeds = Library.seeds
        try Library.copy(seeds[0], to: dir + "/2024/en/a.txt")
        try Library.copy(seeds[1], to: dir + "/2024/zh/b.md")
        try Library.copy(seeds[2], to: dir + "/top.txt")
        try Library.copy(seeds[3], to: dir + "/.hidden/c.txt")
        try Library.copy(seeds[3], to: dir + "/2024/.git/d.txt")
        try Library.copy(seeds[3], to: dir + "/2024/.e.txt")
        try Library.write("{}", to: dir + "/2024/en/a.txt.reso.json")
        try Library.write("x", to: dir + "/notes.json")
        try Library.write("x", to: dir + "/image.png")
        let found = LibraryWalk.documents(under: dir)
        #expect(found.map(\.relativePath) == ["2024/en/a.txt", "2024/zh/b.md", "top.txt"])
        #expect(found.map(\.path) == found.map { dir + "/" + $0.relativePath })
        #expect(found.allSatisfy { $0.size > 0 && $0.mtime > 0 })
    }

    @Test func followsLinksOnceAndEndsLinkCycles() throws {
        let dir = Library.folder(); defer { Library.cleanup(dir) }
        try Library.copy(Library.seeds[0], to: dir + "/real/a.txt")
        // A link back to the root (a cycle), a second link to the same folder, a dangling link.
        #expect(symlink(dir, dir + "/real/loop") == 0)
        #expect(symlink(dir + "/real", dir + "/zlink") == 0)
        #expect(symlink(dir + "/nowhere", dir + "/dangling.txt") == 0)
        let found = LibraryWalk.documents(under: dir).map(\.relativePath)
        #expect(found == ["real/a.txt"])
        // Through a link to a file outside the library: followed.
        let outside = Library.folder(); defer { Library.cleanup(outside) }
        try Library.copy(Library.seeds[1], to: outside + "/x/b.txt")
        #expect(symlink(outside + "/x", dir + "/linked") == 0)
        #expect(LibraryWalk.documents(under: dir).map(\.relativePath) == ["linked/b.txt", "real/a.txt"])
    }

    @Test func excludedFilesAreSkipped() throws {
        let dir = Library.folder(); defer { Library.cleanup(dir) }
        try Library.copy(Library.seeds[0], to: dir + "/a.txt")
        try Library.copy(Library.seeds[1], to: dir + "/export.md")
        let found = LibraryWalk.documents(under: dir, isExcluded: { $0.path.hasSuffix("export.md") })
        #expect(found.map(\.relativePath) == ["a.txt"])
    }
}
