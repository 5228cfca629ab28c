// Writing an export to a file (`reso export -o FILE`, the reader's `x`) without ever replacing
// what must not be replaced: a document, a sidecar, or (without --force) any existing file.
// The export is written whole to a fresh temporary file in the target folder (mkstemp: O_EXCL,
// so a link planted at its name is never followed), flushed, then linked or renamed into place,
// and the folder is flushed: a crash leaves the old file or the new one, never half of one.
import Annotations
import Foundation
import ResolutionKit

enum ExportFile {
    /// Writes `text` to `path`.
    /// - Parameters:
    ///   - force: replace an existing file (never a document, a sidecar or a symbolic link).
    ///   - documents: the paths of the documents being exported; never replaced, whatever their name.
    static func write(_ text: String, to path: String, force: Bool, documents: [String] = []) throws {
        guard !path.isEmpty else { throw UserFacingError("the output file name is empty") }
        let name = (path as NSString).lastPathComponent
        var folder = (path as NSString).deletingLastPathComponent
        if folder.isEmpty { folder = "." }
        if path.hasSuffix("/") || isDirectory(path) {
            throw UserFacingError("\(path) is a folder: give a file name for the export, e.g. \((path as NSString).appendingPathComponent("notes.md"))")
        }
        guard isDirectory(folder) else {
            throw UserFacingError("\(path): cannot write: the folder \(folder) does not exist")
        }
        if name.lowercased().hasSuffix(".reso.json") {
            throw UserFacingError("\(path) is where notes are kept (a .reso.json sidecar): choose another name for the export")
        }
        var st = stat()
        if lstat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFLNK {
                throw UserFacingError("\(path) is a symbolic link: not written through; remove it or choose another name")
            }
            let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            let isInput = documents.contains { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path == target }
            if isInput || (DocumentPaths.hasDocumentExtension(name) && !DocumentPaths.isExport(path)) {
                throw UserFacingError("\(path) is a document: an export never replaces one; choose another name")
            }
            guard force else { throw UserFacingError("\(path) already exists: add --force to replace it") }
        }

        let template = (folder as NSString).appendingPathComponent(".\(name).XXXXXX")
        var buffer = Array(template.utf8CString)
        let fd = mkstemp(&buffer)
        guard fd >= 0 else { throw UserFacingError("\(path): cannot write in \(folder): \(String(cString: strerror(errno)))") }
        let temporary = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var placed = false
        defer { if !placed { unlink(temporary) } }
        do {
            defer { close(fd) }
            // mkstemp makes the file private (0600); an export is an ordinary file.
            let mask = umask(0); umask(mask)
            fchmod(fd, 0o666 & ~mask)
            var bytes = text
            let ok = bytes.withUTF8 { buf -> Bool in
                var offset = 0
                while offset < buf.count {
                    let n = systemWrite(fd, buf.baseAddress! + offset, buf.count - offset)
                    if n < 0 { if errno == EINTR { continue }; return false }
                    offset += n
                }
                return true
            }
            guard ok, fsync(fd) == 0 else {
                throw UserFacingError("\(path): cannot write: \(String(cString: strerror(errno)))")
            }
        }
        if force {
            guard rename(temporary, path) == 0 else {
                throw UserFacingError("\(path): cannot write: \(String(cString: strerror(errno)))")
            }
        } else {
            // link() fails when the name exists: a file that appeared since the check is kept.
            // Where the file system has no hard links, a rename after one more look is the next best.
            if link(temporary, path) != 0 {
                if errno == EEXIST || lstat(path, &st) == 0 {
                    throw UserFacingError("\(path) already exists: add --force to replace it")
                }
                guard rename(temporary, path) == 0 else {
                    throw UserFacingError("\(path): cannot write: \(String(cString: strerror(errno)))")
                }
            }
            unlink(temporary)
        }
        placed = true
        let dir = open(folder, O_RDONLY | O_DIRECTORY)
        if dir >= 0 { fsync(dir); close(dir) }
    }
}
