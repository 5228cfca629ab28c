// The file operations the "never lose a note, never write where we should not" promise rests
// on (issue 8, item 1):
// - reads never follow a link at the sidecar's path and take only regular files, and they
//   return the bytes with the file's identity, so an unchanged sidecar is not parsed again;
// - writes go to a new temporary file with a random name in the same folder, created with
//   O_CREAT|O_EXCL|O_NOFOLLOW (a planted link or file at that name makes the open fail, never
//   redirects it), are fsync'ed, then renamed over the sidecar — and only over a regular
//   file or nothing, never over a link — and the folder is fsync'ed so that the rename
//   survives a crash: a process killed at any instant leaves the old or the new file;
// - read-modify-write cycles are serialised between processes by an flock on the sidecar's
//   folder itself (see `withFolderLock` for why), so no lock file is ever created.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Enough of `lstat` to tell that a file was replaced or changed since we read it.
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

    /// The identity of the entry at `path` itself (a link is not followed).
    static func of(path: String) -> FileIdentity? {
        var st = stat()
        return lstat(path, &st) == 0 ? FileIdentity(st) : nil
    }
}

enum SafeFile {
    static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    static let linkRefusal = "is a symbolic link; reso does not read or write notes through links "
        + "(replace the link with the file it points to)"

    /// Why reso will not use the entry at `path` as a sidecar, or nil (a regular file, or nothing).
    static func refusal(_ path: String) -> String? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFLNK: return linkRefusal
        case S_IFDIR: return "is a folder, not a sidecar file"
        default: return "is not a regular file"
        }
    }

    /// The file's bytes and identity, or nil when it does not exist. A link or anything but a
    /// regular file is refused (O_NONBLOCK: opening a planted FIFO must not hang).
    static func contents(_ path: String) throws(SidecarError) -> (bytes: [UInt8], identity: FileIdentity)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        if fd < 0 {
            let code = errno
            if code == ENOENT { return nil }
            if code == ELOOP || code == EMLINK, let why = refusal(path) { throw .io(path: path, reason: why) }
            throw .io(path: path, reason: "cannot open: \(errorText(code))")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io(path: path, reason: "cannot stat: \(errorText())") }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .io(path: path, reason: "is a folder, not a sidecar file")
        default: throw .io(path: path, reason: "is not a regular file")
        }
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

    /// Eight random characters for a temporary file's name.
    static func randomSuffix() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var g = SystemRandomNumberGenerator()
        return String(decoding: (0..<8).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] }, as: UTF8.self)
    }

    /// Creates `prefix` + a random suffix exclusively: an existing entry of that name (a file,
    /// a planted link, even a dangling one) makes the open fail and another name is tried.
    static func createTemporary(prefix: String, mode: mode_t,
                                suffix: () -> String = randomSuffix) throws(SidecarError) -> (fd: Int32, path: String) {
        for _ in 0..<64 {
            let path = prefix + suffix()
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if fd >= 0 { return (fd, path) }
            if errno == EEXIST || errno == ELOOP { continue }
            throw .io(path: path, reason: "cannot create a temporary file: \(errorText())")
        }
        throw .io(path: prefix, reason: "cannot create a temporary file: every name tried exists")
    }

    /// Replaces `path` with `bytes` atomically and durably; returns the new file's identity.
    /// The temporary file is `temporaryPrefix` + a random suffix and must be in `path`'s
    /// folder (rename is atomic only within one file system). `path` must be a regular file
    /// or absent: a link there is refused, so the rename can never replace anything else.
    @discardableResult
    static func atomicWrite(_ bytes: [UInt8], to path: String, temporaryPrefix: String,
                            suffix: () -> String = randomSuffix) throws(SidecarError) -> FileIdentity? {
        if let why = refusal(path) { throw .io(path: path, reason: why) }
        var st = stat()
        let existingMode: mode_t? = lstat(path, &st) == 0 ? st.st_mode & 0o777 : nil
        // A new sidecar gets 0644 less the umask, as any new file; a replaced one keeps its mode.
        let (fd, temporary) = try createTemporary(prefix: temporaryPrefix, mode: 0o644, suffix: suffix)
        var ok = false
        defer { if !ok { unlink(temporary) } }
        do {
            defer { close(fd) }
            if let existingMode { _ = fchmod(fd, existingMode) }
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
                if n < 0 { if errno == EINTR { continue }; throw SidecarError.io(path: temporary, reason: "cannot write: \(errorText())") }
                written += n
            }
            guard fsync(fd) == 0 else { throw SidecarError.io(path: temporary, reason: "cannot flush: \(errorText())") }
        } catch let e as SidecarError { throw e } catch { throw .io(path: temporary, reason: "\(error)") }
        // Checked again just before the rename: a link planted meanwhile is refused. (Were one
        // to appear in the last instant, rename replaces the link itself, never its target.)
        if let why = refusal(path) { throw .io(path: path, reason: why) }
        guard rename(temporary, path) == 0 else { throw .io(path: path, reason: "cannot replace: \(errorText())") }
        ok = true
        syncFolder(of: path)
        return FileIdentity.of(path: path)
    }

    /// Makes a completed rename durable. Failure is not fatal: the data is already in place.
    static func syncFolder(of path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        let fd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { _ = fsync(fd); close(fd) }
    }

    /// Runs `body` holding an exclusive flock on `folder` (the sidecar's folder).
    ///
    /// Why the folder and not a lock file: a lock file beside the document would litter every
    /// annotated folder (`git status` would show it) and is one more name an attacker can plant
    /// a link at; deleting it after use would let two processes lock two different inodes. A
    /// lock file under `$XDG_RUNTIME_DIR` or the cache folder would depend on the environment:
    /// two processes with different environments (sudo, another user, a cron job) would take
    /// different locks and lose each other's edits. The folder exists before any write, is the
    /// same for every process that writes the sidecar, and opening it creates nothing. The cost
    /// is that saves of different sidecars in one folder are serialised too; a save takes
    /// milliseconds, so that is harmless. The lock belongs to the open file description, so it
    /// is released when the process dies, however it dies.
    static func withFolderLock<T>(_ folder: String, _ body: () throws -> T) throws -> T {
        let path = folder.isEmpty ? "." : folder
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SidecarError.io(path: path, reason: "cannot open the folder to lock it: \(errorText())") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw SidecarError.io(path: path, reason: "cannot lock the folder: \(errorText())")
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Removes what earlier writes of the sidecar named `sidecarName` left in `folder`: the
    /// temporary files of writers killed mid-save, and the `.lock`/`.tmp` files of reso
    /// versions before 2026-11. Call only under `withFolderLock`: then no writer of this
    /// sidecar is active, so every such file is stale. Unlinking a link removes the link, not
    /// its target. - Complexity: O(entries in the folder).
    static func removeLeftovers(of sidecarName: String, in folder: String) {
        let dir = folder.isEmpty ? "." : folder
        let prefix = "." + sidecarName + ".tmp-"
        let legacy: Set<String> = ["." + sidecarName + ".tmp", "." + sidecarName + ".lock"]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names where name.hasPrefix(prefix) || legacy.contains(name) {
            let path = (dir as NSString).appendingPathComponent(name)
            var st = stat()
            if lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR { continue }
            unlink(path)
        }
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

extension SafeFile {
    @available(*, deprecated, renamed: "atomicWrite(_:to:temporaryPrefix:)",
               message: "the temporary file now gets a random name after this prefix")
    @discardableResult
    static func atomicWrite(_ bytes: [UInt8], to path: String, temporary: String) throws(SidecarError) -> FileIdentity? {
        try atomicWrite(bytes, to: path, temporaryPrefix: temporary)
    }
}
