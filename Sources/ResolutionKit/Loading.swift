import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ResolutionDocument {
    /// Reads, decodes and parses one document file.
    public static func load(path: String) throws -> ResolutionDocument {
        // The language files are decoded on the other core while the file is read: the
        // parse needs both, and neither needs the other. The parse's first use waits for
        // them (a static's one-time initialiser); a later load finds them decoded and this
        // does nothing. Only the language the text is in is compiled, once detected.
        DispatchQueue.global(qos: .userInitiated).async { _ = LanguageCatalog.specs }
        var bytes = try DocumentFile.read(path)
        return try ResolutionParser.parse(taking: &bytes, path: path)
    }
}

/// Reads a document file whole, after checking that it is one: a folder, a device such
/// as /dev/null, a named pipe or a socket is named for what it is, and nothing here can
/// block (a FIFO is never opened for a blocking read).
public enum DocumentFile {
    public static func read(_ path: String) throws -> [UInt8] {
        var st = stat()
        guard stat(path, &st) == 0 else { throw DocumentError.unreadable(path: path, reason: reason(errno)) }
        if let kind = notAFile(st.st_mode) { throw DocumentError.unreadable(path: path, reason: kind) }
        // O_NONBLOCK: should the path be swapped for a FIFO after the check, open() and
        // read() still return at once; fstat below then names it.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw DocumentError.unreadable(path: path, reason: reason(errno)) }
        defer { close(fd) }
        guard fstat(fd, &st) == 0 else { throw DocumentError.unreadable(path: path, reason: reason(errno)) }
        if let kind = notAFile(st.st_mode) { throw DocumentError.unreadable(path: path, reason: kind) }
        // One byte more than the size, so that the final read (of 0 bytes) needs no growth.
        var bytes = [UInt8](repeating: 0, count: max(0, Int(st.st_size)) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count / 2))) }
            let n = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DocumentError.unreadable(path: path, reason: reason(errno))
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// What a path is when it is not a regular file, in words; nil for a regular file.
    static func notAFile(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "it is a folder"
        case S_IFIFO: return "it is a named pipe, not a file"
        case S_IFCHR: return "it is a character device (such as /dev/null), not a file"
        case S_IFBLK: return "it is a block device, not a file"
        case S_IFSOCK: return "it is a socket, not a file"
        default: return "it is not a regular file"
        }
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT, ENOTDIR: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case ELOOP: return "too many symbolic links"
        default: return String(cString: strerror(code))
        }
    }
}

extension ResolutionDocument {
    /// Loads many documents using every core; the results keep the order of `paths`.
    /// A library of thousands of files opens in a fraction of the serial time.
    public static func loadAll(paths: [String]) -> [Result<ResolutionDocument, DocumentError>] {
        guard paths.count > 1 else {
            return paths.map { p in Result { try load(path: p) }.mapError { $0 as? DocumentError ?? .unreadable(path: p, reason: "\($0)") } }
        }
        let slots = UnsafeMutableBufferPointer<Result<ResolutionDocument, DocumentError>>.allocate(capacity: paths.count)
        nonisolated(unsafe) let out = slots
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            let result: Result<ResolutionDocument, DocumentError>
            do { result = .success(try load(path: paths[i])) }
            catch let e as DocumentError { result = .failure(e) }
            catch { result = .failure(.unreadable(path: paths[i], reason: "\(error)")) }
            (out.baseAddress! + i).initialize(to: result)
        }
        defer { slots.deinitialize(); slots.deallocate() }
        return Array(slots)
    }
}

/// read(2), named so that no method called `read` in scope can shadow it.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}
