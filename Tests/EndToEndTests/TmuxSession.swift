// Drives the built `reso` binary inside a private tmux server (the recipe of
// shared/reference/swift-ncurses.md): a socket per session, tmux spawned with an empty signal
// mask, and polling of capture-pane instead of sleeping.
import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

struct E2EError: Error, CustomStringConvertible {
    let description: String
}

/// Runs a program to completion with stdin from /dev/null and stdout+stderr to a file.
/// posix_spawn with an empty signal mask and default dispositions: Swift Testing's worker
/// threads block most signals, and tmux, its server and the app would inherit that mask.
@discardableResult
func spawnAndWait(_ path: String, _ args: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("reso-e2e-out-\(UUID().uuidString)").path
    defer { unlink(out) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var env = environment ?? ProcessInfo.processInfo.environment
    env["TMUX"] = nil
    let pid: pid_t
    switch CleanSpawn.start(path, args, environment: env, actions: &actions) {
    case .success(let p): pid = p
    case .failure(let e): throw E2EError(description: "cannot run \(path): \(String(cString: strerror(e.code.rawValue)))")
    }
    let exit = CleanSpawn.wait(pid)
    let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    return (exit, text)
}

final class TmuxSession {
    static let tmuxPath: String? = {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return dirs.map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
    static var isAvailable: Bool { tmuxPath != nil }

    /// The `reso` built next to this test bundle.
    static let binary: String = {
        let candidates = [CommandLine.arguments.first, Bundle.main.executablePath].compactMap { $0 }
            .map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
        for dir in candidates {
            var d = dir
            for _ in 0..<3 {  // the bundle may sit inside a .xctest directory
                let p = d.appendingPathComponent("reso").path
                if FileManager.default.isExecutableFile(atPath: p) { return p }
                d = d.deletingLastPathComponent()
            }
        }
        return "reso"
    }()

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let socket: String
    private var alive = true

    /// Starts `reso args` in a fresh server, wrapped in a shell that reports how it ended.
    init(width: Int, height: Int, args: [String], environment: String = "", directory: String) throws {
        socket = FileManager.default.temporaryDirectory
            .appendingPathComponent("reso-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock").path
        let quoted = args.map { "'\($0)'" }.joined(separator: " ")
        // `trap :` keeps the shell alive on Ctrl-C while reso still gets default handling; the
        // summary line checks the exit status, that the tty is back in canonical mode, and its
        // XON/XOFF setting (`flow=ixon`), which the reader turns off while it runs.
        let harness = "trap : INT TERM; cd '\(directory)'; LANG=C.UTF-8 \(environment) '\(TmuxSession.binary)' \(quoted); "
            + "echo \"EXITED rc=$? tty=$(stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' ')"
            + "flow=$(stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?ixon')\""
        try tmux(["start-server", ";", "set", "-g", "remain-on-exit", "on", ";", "set", "-g", "default-terminal", "tmux-256color",
                  ";", "set", "-g", "history-limit", "5000", ";",
                  "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)", harness])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        unlink(socket)
    }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        guard let path = TmuxSession.tmuxPath else { throw E2EError(description: "tmux is not installed") }
        let r = try spawnAndWait(path, ["-S", socket, "-f", "/dev/null"] + args)
        guard r.status == 0 else { throw E2EError(description: "tmux \(args.first ?? ""): \(r.output)") }
        return r.output
    }

    func screen(escapes: Bool = false) -> String {
        (try? tmux(["capture-pane", "-p", "-t", "t"] + (escapes ? ["-e"] : []))) ?? ""
    }

    func history() -> String { (try? tmux(["capture-pane", "-p", "-t", "t", "-S", "-"])) ?? "" }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "t"] + keys) }
    /// Sends text as typed characters (CJK included), not as key names.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "t", "-l", text]) }
    func resize(width: Int, height: Int) throws { try tmux(["resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)"]) }

    /// Polls the screen (or the whole history) every 20 ms until `ok` holds; 10 s deadline.
    @discardableResult
    func waitFor(_ what: String, history useHistory: Bool = false, timeout: Double = 10,
                 _ ok: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let text = useHistory ? history() : screen()
            if ok(text) { return text }
            if Date() > deadline {
                throw E2EError(description: "timed out waiting for \(what)\n--- screen ---\n\(screen())\n--- history ---\n\(history())")
            }
            usleep(20_000)
        }
    }

    @discardableResult
    func waitFor(text: String, history: Bool = false) throws -> String {
        try waitFor("«\(text)»", history: history) { $0.contains(text) }
    }

    /// The reso process: the child of the pane's shell.
    func appPID() throws -> pid_t {
        let shell = try tmux(["display-message", "-p", "-t", "t", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        guard let pid = children.split(separator: " ").first.flatMap({ pid_t($0) }) else {
            throw E2EError(description: "no child process under pane shell \(shell)")
        }
        return pid
    }
}

/// glibc's wcwidth, which is what tmux and ncurses lay out with.
@_silgen_name("wcwidth") func c_wcwidth(_ c: Int32) -> Int32

func columns(_ line: String) -> Int {
    line.unicodeScalars.reduce(0) { $0 + max(0, Int(c_wcwidth(Int32(bitPattern: $1.value)))) }
}
