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
    /// Whether the folder listing held `<file name>.reso.json` beside the file; nil when the
    /// file was not found by a walk. Lets the index tell "no sidecar" without a `stat` per
    /// document (most documents have none).
    public var sidecarBeside: Bool?

    public init(path: String, relativePath: String, size: Int64, mtime: Int64, sidecarBeside: Bool? = nil) {
        self.path = path; self.relativePath = relativePath; self.size = size; self.mtime = mtime
        self.sidecarBeside = sidecarBeside
    }

    /// The name a sidecar beside a document has: `doc.txt` → `doc.txt.reso.json` (SPEC §5).
    public static let sidecarSuffix = ".reso.json"
}

public enum LibraryWalk {
    /// Every document under `root`, sorted by relative path (byte order of the components, so a
    /// folder's files come before those of its subfolders only by name, as `find | sort` would).
    ///
    /// Skipped: names starting with `.` (hidden files and folders), sidecars (`*.reso.json`; they
    /// have no document extension), files without a document extension, and whatever
    /// `isExcluded` says (exports reso wrote). Symbolic links are followed; a folder already
    /// visited (same device and inode) is not entered again, so link cycles end.
    /// - Complexity: O(n log n) for n entries under the root; one `stat` per folder, link and
    ///   document (none for other files).
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
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        // Names with the type readdir reports: a regular file without a document extension
        // needs no stat at all (sidecars, exports' neighbours, images).
        var entries: [(name: String, type: UInt8)] = []
        var sidecars = Set<String>()
        while let entry = readdir(dir) {
            let type = entry.pointee.d_type
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            guard !name.hasPrefix(".") else { continue }
            if name.hasSuffix(LibraryFile.sidecarSuffix) { sidecars.insert(name); continue }
            if type == UInt8(DT_REG), !isDocumentName(name) { continue }
            entries.append((name, type))
        }
        entries.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        for (name, _) in entries {
            var st = stat()
            // Relative to the open folder (no lookup from the root for each entry); follows
            // links: a link to a folder is walked, a dangling link is skipped. (Spreading these
            // stats over two cores measured no faster.)
            guard fstatat(fd, name, &st, 0) == 0 else { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                guard seen.insert(FolderID(st)).inserted else { continue }
                walk(path, relative: rel, seen: &seen, isExcluded: isExcluded, into: &out)
            case S_IFREG:
                guard isDocumentName(name) else { continue }
                let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
                let file = LibraryFile(path: path, relativePath: rel, size: Int64(st.st_size), mtime: mtime,
                                       sidecarBeside: sidecars.contains(name + LibraryFile.sidecarSuffix))
                if !isExcluded(file) { out.append(file) }
            default:
                continue
            }
        }
    }
}
