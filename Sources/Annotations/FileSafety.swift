// The three file operations the "never lose a note" promise rests on:
// - reads return the bytes together with the file's identity, so an unchanged sidecar need not
//   be parsed again;
// - writes go to a temporary file in the same folder, are fsync'ed, then renamed over the
//   sidecar (rename is atomic on one file system), and the folder is fsync'ed so the rename
//   itself survives a crash — a process killed at any instant leaves the old or the new file;
// - an exclusive flock on a `.lock` file beside the sidecar serialises read-modify-write cycles
//   between processes. The lock file is never deleted: deleting it would let two processes
//   lock two different inodes.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Enough of `stat` to tell that a file was replaced or changed since we read it.
struct FileIdentity: Hashable, Sendable {
    var device: UInt64, inode: UInt64, size: Int64
    var mtimeSec: Int64, mtimeNsec: Int64, ctimeSec: Int64, ctimeNsec: Int64

    init(_ st: stat) {
        device = UInt64(st.st_dev); inode = UInt64(st.st_ino); size = Int64(st.st_size)
        #if canImport(Darwin)
        mtimeSec = Int64(st.st_mtimespec.tv_sec); mtimeNsec = Int64(st.st_mtimespec.tv_nsec)
        ctimeSec = Int64(st.st_ctimespec.tv_sec); ctimeNsec = Int64(st.st_ctimespec.tv_nsec)
        #else
        mtimeSec = Int64(st.st_mtim.tv_sec); mtimeNsec = Int64(st.st_mtim.tv_nsec)
        ctimeSec = Int64(st.st_ctim.tv_sec); ctimeNsec = Int64(st.st_ctim.tv_nsec)
        #endif
    }

    static func of(path: String) -> FileIdentity? {
        var st = stat()
        return stat(path, &st) == 0 ? FileIdentity(st) : nil
    }
}

enum SafeFile {
    static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// The file's bytes and identity, or nil when it does not exist.
    static func contents(_ path: String) throws(SidecarError) -> (bytes: [UInt8], identity: FileIdentity)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .io(path: path, reason: "cannot open: \(errorText())")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io(path: path, reason: "cannot stat: \(errorText())") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .io(path: path, reason: "is a folder, not a sidecar file") }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var got = 0
        while true {
            if got == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: 4096)) }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, $0.count - got) }
            if n < 0 { if errno == EINTR { continue }; throw .io(path: path, reason: "cannot read: \(errorText())") }
            if n == 0 { break }
            got += n
        }
        bytes.removeSubrange(got...)
        return (bytes, FileIdentity(st))
    }

    /// Replaces `path` with `bytes` atomically and durably; returns the new file's identity.
    /// `temporary` must be in the same folder, and only one writer may use it at a time (the
    /// caller holds the lock), so a fixed name is safe and a killed writer leaves no litter
    /// beyond one file that the next write truncates.
    @discardableResult
    static func atomicWrite(_ bytes: [UInt8], to path: String, temporary: String) throws(SidecarError) -> FileIdentity? {
        var mode: mode_t = 0o644
        var st = stat()
        if stat(path, &st) == 0 { mode = st.st_mode & 0o7777 }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .io(path: temporary, reason: "cannot create: \(errorText())") }
        var ok = false
        defer { if !ok { unlink(temporary) } }
        do {
            defer { close(fd) }
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
                if n < 0 { if errno == EINTR { continue }; throw SidecarError.io(path: temporary, reason: "cannot write: \(errorText())") }
                written += n
            }
            guard fsync(fd) == 0 else { throw SidecarError.io(path: temporary, reason: "cannot flush: \(errorText())") }
        } catch let e as SidecarError { throw e } catch { throw .io(path: temporary, reason: "\(error)") }
        guard rename(temporary, path) == 0 else { throw .io(path: path, reason: "cannot replace: \(errorText())") }
        ok = true
        syncFolder(of: path)
        return FileIdentity.of(path: path)
    }

    /// Makes a completed rename durable. Failure is not fatal: the data is already in place.
    static func syncFolder(of path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        let fd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_CLOEXEC)
        if fd >= 0 { _ = fsync(fd); close(fd) }
    }

    /// Runs `body` holding an exclusive lock on `lockPath` (created if needed). The lock is tied
    /// to the open file description, so it is released when the process dies, however it dies.
    static func withLock<T>(_ lockPath: String, _ body: () throws -> T) throws -> T {
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SidecarError.io(path: lockPath, reason: "cannot create the lock file: \(errorText())") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw SidecarError.io(path: lockPath, reason: "cannot lock: \(errorText())")
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// `mkdir -p`.
    static func makeFolder(_ path: String) throws(SidecarError) {
        if path.isEmpty { return }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            if isDir.boolValue { return }
            throw .io(path: path, reason: "exists and is not a folder")
        }
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw .io(path: path, reason: "cannot create the folder: \(error.localizedDescription)")
        }
    }

    static func isWritableFolder(_ path: String) -> Bool {
        access(path.isEmpty ? "." : path, W_OK | X_OK) == 0
    }
}
