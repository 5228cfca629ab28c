// The one walk over a library folder: `reso search`, the reader's launch and the index all
// see the same documents in the same order.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One document found by `LibraryWalk`.
public struct LibraryFile: Hashable, Sendable {
    /// The path as the user would type it: the root as given, then the relative path.
    public var path: String
    /// The path relative to the library root (`2024/en/S_RES_2720.txt`).
    public var relativePath: String
    public var size: Int64
    /// Modification time in nanoseconds since the epoch.
    public var mtime: Int64

    public init(path: String, relativePath: String, size: Int64, mtime: Int64) {
        self.path = path; self.relativePath = relativePath; self.size = size; self.mtime = mtime
    }
}

public enum LibraryWalk {
    /// Every document under `root`, sorted by relative path (byte order of the components, so a
    /// folder's files come before those of its subfolders only by name, as `find | sort` would).
    ///
    /// Skipped: names starting with `.` (hidden files and folders), sidecars (`*.reso.json`; they
    /// have no document extension), files without a document extension, and whatever
    /// `isExcluded` says (exports reso wrote). Symbolic links are followed; a folder already
    /// visited (same device and inode) is not entered again, so link cycles end.
    /// - Complexity: O(n log n) for n entries under the root; one `stat` per entry.
    public static func documents(under root: String, isExcluded: (LibraryFile) -> Bool = { _ in false }) -> [LibraryFile] {
        var out: [LibraryFile] = []
        var seen = Set<FolderID>()
        var rootStat = stat()
        guard stat(root, &rootStat) == 0 else { return [] }
        seen.insert(FolderID(rootStat))
        walk(root, relative: "", seen: &seen, isExcluded: isExcluded, into: &out)
        return out
    }

    /// True when `name` may be a document: not hidden, with one of the document extensions.
    public static func isDocumentName(_ name: String) -> Bool {
        guard !name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { return false }
        let ext = name[name.index(after: dot)...].lowercased()
        return DocumentFormat.documentExtensions.contains(ext)
    }

    private struct FolderID: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ st: stat) { device = UInt64(st.st_dev); inode = UInt64(st.st_ino) }
    }

    private static func walk(_ folder: String, relative: String, seen: inout Set<FolderID>,
                             isExcluded: (LibraryFile) -> Bool, into out: inout [LibraryFile]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var st = stat()
            // stat follows links: a link to a folder is walked, a dangling link is skipped.
            guard stat(path, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                guard seen.insert(FolderID(st)).inserted else { continue }
                walk(path, relative: rel, seen: &seen, isExcluded: isExcluded, into: &out)
            case S_IFREG:
                guard isDocumentName(name) else { continue }
                let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
                let file = LibraryFile(path: path, relativePath: rel, size: Int64(st.st_size), mtime: mtime)
                if !isExcluded(file) { out.append(file) }
            default:
                continue
            }
        }
    }
}
