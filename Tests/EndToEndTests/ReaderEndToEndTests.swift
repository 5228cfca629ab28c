// The reader as a user meets it: the built binary in a real terminal (tmux).
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A scratch folder holding copies of seeds, so sidecars are written there, not in the repository.
func scratchLibrary(_ seeds: [String]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reso-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for s in seeds {
        try FileManager.default.copyItem(at: TmuxSession.repository.appendingPathComponent("seeds/\(s)"),
                                         to: dir.appendingPathComponent(s))
    }
    return dir.path
}

let seed0 = SeedFixture.first
let allSeeds = SeedFixture.names

/// Polls a file until it contains `text` (the store writes at once, but in another process).
/// Writes an executable script and waits until it can be run. A file just written can be
/// refused with ETXTBSY ("text file busy") while a process forked at that moment by another
/// test still holds the writing descriptor; the reader would then report that it could not run
/// the script. The script is run once with `PATH.probe` as its argument (an editor writes into
/// it, an opener records it), until it runs.
func writeExecutable(_ script: String, to path: String) throws {
    try script.write(toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o755)
    let deadline = Date().addingTimeInterval(10)
    while (try? spawnAndWait(path, [path + ".probe"]))?.status != 0 {
        if Date() > deadline { throw E2EError(description: "\(path) cannot be run") }
        usleep(20_000)
    }
}

func waitForFile(_ path: String, containing text: String) throws {
    let deadline = Date().addingTimeInterval(10)
    while true {
        if let s = try? String(contentsOfFile: path, encoding: .utf8), s.contains(text) { return }
        if Date() > deadline {
            let s = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "(missing)"
            throw E2EError(description: "\(path) never contained «\(text)»:\n\(s)")
        }
        usleep(20_000)
    }
}

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
struct ReaderEndToEndTests {
    @Test func readFollowAFootnoteTagNoteResizeAndQuit() throws {
        let dir = try scratchLibrary([seed0])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = try TmuxSession(width: 100, height: 30, args: [seed0], directory: dir)
        try t.waitFor(text: SeedFixture.firstSymbol)
        try t.send("o")
        try t.waitFor(text: SeedFixture.firstOp1Opening)
        try t.send("G")
        try t.waitFor(text: "90. 请秘书长每年")
        try t.send("p")
        try t.waitFor(text: "▌pp1")
        try t.send("f")
        try t.waitFor(text: "见 A/C.2/59/3 和 A/60/687。")
        try t.send("Escape")

        try t.send("o", "t")
        try t.waitFor(text: "Tag op1:")
        try t.type("priority")
        try t.send("Enter")
        try t.waitFor(text: "[priority]")
        try waitForFile("\(dir)/\(seed0).reso.json", containing: "\"priority\"")

        try t.send("e")
        try t.waitFor(text: "Note op1:")
        try t.type("在开幕发言中引用")
        try t.send("Enter")
        try t.waitFor(text: "✎ 在开幕发言中引用")
        try waitForFile("\(dir)/\(seed0).reso.json", containing: "在开幕发言中引用")

        try t.resize(width: 60, height: 20)
        let small = try t.waitFor("the 60-column layout") { $0.contains("op1") && !$0.contains("│") }
        for line in small.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(columns(String(line)) <= 60, "wider than 60 columns: \(line)")
        }
        try t.send("q")
        let end = try t.waitFor(text: "EXITED", history: true)
        #expect(end.contains("EXITED rc=0 tty=icanon echo"))
    }

    @Test func externalEditorAndExport() throws {
        let dir = try scratchLibrary([seed0])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A stand-in for $EDITOR that writes a two-line Chinese note into the file it is given.
        let editor = "\(dir)/editor.sh"
        try writeExecutable("#!/bin/sh\nprintf '%s\\n%s\\n' '外部编辑器的笔记' '第二行' > \"$1\"\n", to: editor)
        let t = try TmuxSession(width: 100, height: 30, args: [seed0], environment: "EDITOR='\(editor)'", directory: dir)
        try t.waitFor(text: SeedFixture.firstSymbol)
        try t.send("o", "E")
        try t.waitFor(text: "✎ 外部编辑器的笔记")
        try waitForFile("\(dir)/\(seed0).reso.json", containing: "外部编辑器的笔记\\n第二行")
        try t.send("x")
        try t.waitFor(text: "Export (")
        try t.type("md")
        try t.send("Enter")
        let screen = try t.waitFor(text: "Exported to ")
        let line = screen.split(separator: "\n").first { $0.contains("Exported to ") }!
        let path = String(line.split(separator: " ").first { $0.hasPrefix("/") }!)
        try waitForFile(path, containing: "外部编辑器的笔记")
        try t.send("q")
        try t.waitFor("exit 0", history: true) { $0.contains("EXITED rc=0 tty=icanon echo") }
    }

    @Test func aFolderOpensAsTheLibrary() throws {
        let dir = try scratchLibrary(allSeeds)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = try TmuxSession(width: 120, height: 30, args: ["."], directory: dir)
        try t.waitFor(text: "5 documents")
        try t.waitFor(text: "2020/12")
        try t.send("Enter")
        try t.waitFor(text: "▌")
        try t.send("q")
        try t.waitFor(text: "5 documents")
        try t.send("q")
        try t.waitFor("exit 0", history: true) { $0.contains("EXITED rc=0 tty=icanon echo") }
    }

    @Test func mouseClickInTheOutlineJumps() throws {
        let dir = try scratchLibrary([seed0])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = try TmuxSession(width: 100, height: 30, args: [seed0], directory: dir)
        let screen = try t.waitFor(text: "执行部分")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let row = lines.firstIndex { $0.contains("执行部分") }!
        // X10 mouse report: ESC [ M, then 32+button, 32+1+x, 32+1+y (0-based x, y).
        let press = "\u{1B}[M" + String(UnicodeScalar(32)) + String(UnicodeScalar(32 + 1 + 3)!) + String(UnicodeScalar(32 + 1 + row)!)
        let release = "\u{1B}[M" + String(UnicodeScalar(35)) + String(UnicodeScalar(32 + 1 + 3)!) + String(UnicodeScalar(32 + 1 + row)!)
        try t.type(press + release)
        try t.waitFor(text: "▌op1")
        // Wheel down (button 65 = 64+1 in X10: 32+65 = 97 'a').
        try t.type("\u{1B}[Ma" + String(UnicodeScalar(32 + 1 + 50)!) + String(UnicodeScalar(32 + 1 + 10)!))
        try t.waitFor("the text to scroll") { !$0.contains("▌op1") }
        try t.send("q")
        try t.waitFor(text: "EXITED rc=0", history: true)
    }

    /// Ctrl-S is XOFF while `ixon` is on: the tty would stop the reader's output and every key
    /// after it would seem dead. The reader turns flow control off, and back on when it exits.
    @Test func ctrlSDoesNotFreezeTheReader() throws {
        let dir = try scratchLibrary([seed0])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = try TmuxSession(width: 100, height: 30, args: [seed0], directory: dir)  // tmux panes start with ixon on
        try t.waitFor(text: SeedFixture.firstSymbol)
        try t.send("C-s")
        try t.send("o")
        try t.waitFor("the operative part after Ctrl-S", timeout: 5) { $0.contains("▌op1") }
        try t.send("C-s", "G")
        try t.waitFor("the last paragraph after Ctrl-S", timeout: 5) { $0.contains("90. 请秘书长每年") }
        try t.send("C-q", "q")
        let end = try t.waitFor(text: "EXITED", history: true)
        #expect(end.contains("EXITED rc=0 tty=icanon echo flow=ixon"))
    }

    /// SEGV stands for a crash: the crash handler must restore the tty before dying.
    @Test(arguments: [("INT", 130), ("TERM", 143), ("HUP", 129), ("SEGV", 139)])
    func signalsRestoreTheTerminal(signal: String, status: Int) throws {
        let dir = try scratchLibrary([seed0])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = try TmuxSession(width: 80, height: 24, args: [seed0], directory: dir)
        try t.waitFor(text: SeedFixture.firstSymbol)
        if signal == "INT" {
            try t.send("C-c")
        } else {
            kill(try t.appPID(), ["TERM": SIGTERM, "HUP": SIGHUP, "SEGV": SIGSEGV][signal]!)
        }
        let end = try t.waitFor(text: "EXITED", history: true)
        #expect(end.contains("EXITED rc=\(status) tty=icanon echo"))
        #expect(try t.tmux(["display-message", "-p", "-t", "t", "#{alternate_on}"]).hasPrefix("0"))
    }

    @Test func noColorDrawsWithoutColours() throws {
        let dir = try scratchLibrary([seed0])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = try TmuxSession(width: 80, height: 24, args: [seed0], environment: "NO_COLOR=1", directory: dir)
        try t.waitFor(text: SeedFixture.firstSymbol)
        let styled = t.screen(escapes: true)
        #expect(styled.contains("\u{1B}["))
        // No SGR colour parameters (30–37, 40–47, 38/48 extended, 90–107) anywhere; 39/49 only reset.
        let sgr = try Regex("\u{1B}\\[([0-9;]*)m")
        for m in styled.matches(of: sgr) {
            let params = String(styled[m.range]).dropFirst(2).dropLast().split(separator: ";").compactMap { Int($0) }
            #expect(!params.contains { ((30...48).contains($0) && $0 != 39) || (90...107).contains($0) }, "colour in \(params)")
        }
        try t.send("q")
    }

    @Test func unusableTermGivesAClearError() throws {
        let dir = try scratchLibrary([seed0])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = try TmuxSession(width: 100, height: 24, args: [seed0], environment: "TERM=no-such-terminal", directory: dir)
        let end = try t.waitFor(text: "EXITED", history: true)
        #expect(end.contains("cannot use the terminal: TERM=no-such-terminal"))
        #expect(!end.contains("EXITED rc=0"))
    }
}

/// Without a terminal the reader prints text: no tmux needed.
@Suite struct PlainOutputTests {
    @Test func pipedOutputIsPlainText() throws {
        let dir = try scratchLibrary([seed0])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = "60"; env["LANG"] = "C.UTF-8"; env["TERM"] = "xterm-256color"
        let r = try spawnAndWait(TmuxSession.binary, ["\(dir)/\(seed0)"], environment: env)
        #expect(r.status == 0)
        #expect(r.output.contains(SeedFixture.firstOp1Opening))
        #expect(!r.output.contains("\u{1B}"))
    }
}
