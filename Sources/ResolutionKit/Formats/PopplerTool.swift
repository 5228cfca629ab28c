// Runs one of poppler's command-line tools (Debian `poppler-utils`) as a child process.
// The tools were chosen over poppler's C library (see the README's format section): the
// build needs no extra headers, and one process per PDF costs a few milliseconds against
// the tens of milliseconds poppler spends laying out the pages.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum PopplerTool {
    /// The Debian package that provides the tools, named in the error when they are missing.
    static let package = "poppler-utils"
    private static let spawnLock = NSLock()

    /// The tool's full path, searched on `PATH` as a shell would; nil when it is not there.
    static func locate(_ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        guard let path, !path.isEmpty else { return nil }
        for dir in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = String(dir) + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Runs `tool args…` with no shell, stdin from /dev/null and stderr discarded, and
    /// returns its whole standard output and its exit status (128 + signal when killed).
    /// - Complexity: O(output size).
    static func run(_ tool: String, _ args: [String], file: String,
                    searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) throws -> (status: Int32, output: [UInt8]) {
        guard let executable = locate(tool, path: searchPath) else {
            throw DocumentError.toolMissing(path: file, tool: tool, package: package)
        }
        var fds: [Int32] = [0, 0]
        // Pipe and spawn under one lock, with close-on-exec set, so that a tool started at the
        // same time from another thread does not inherit this pipe and hold it open (dup2
        // onto stdout clears the flag for the child's own copy).
        spawnLock.lock()
        var locked = true
        defer { if locked { spawnLock.unlock() } }
        guard pipe(&fds) == 0 else { throw DocumentError.unreadable(path: file, reason: "cannot create a pipe for \(tool)") }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        // Threads of the caller may block signals; the child starts with none blocked.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t(); sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv = ([executable] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attr, argv, environ)
        close(fds[1])
        spawnLock.unlock(); locked = false
        guard rc == 0 else {
            close(fds[0])
            throw DocumentError.unreadable(path: file, reason: "cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            if n > 0 { output.append(contentsOf: chunk[0..<n]); continue }
            if n < 0 && errno == EINTR { continue }
            break
        }
        close(fds[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        return (signal == 0 ? (status >> 8) & 0xFF : 128 + signal, output)
    }
}
