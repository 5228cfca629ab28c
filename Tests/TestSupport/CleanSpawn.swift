import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// posix_spawn for tests, with the child given an empty signal mask and default signal
/// dispositions: Swift Testing's worker threads block most signals, and a child (a `reso`
/// under test, tmux, its server) would inherit that mask.
public enum CleanSpawn {
    /// Starts `path` with `arguments` (argv[0] is `path`) and `environment`, its files set up
    /// by `actions`. Returns the child's pid, or the `posix_spawn` error code.
    public static func start(_ path: String, _ arguments: [String], environment: [String: String],
                             actions: inout posix_spawn_file_actions_t) -> Result<pid_t, POSIXError> {
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t(); sigemptyset(&empty)
        var all = sigset_t(); sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attr, argv, envp)
        guard rc == 0 else { return .failure(POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL)) }
        return .success(pid)
    }

    /// Waits for `pid`; returns its exit status, or 128 + the signal that killed it.
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
