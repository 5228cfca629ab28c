// config.toml as a user meets it: a rebound key, default tags on 1–9, the export folder, the
// `?` help and hint line showing the keys in effect, and a bad config named by its line.
import Foundation
import Testing

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
struct ConfigEndToEndTests {
    func writeConfig(_ dir: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: dir + "/cfg/reso", withIntermediateDirectories: true)
        try text.write(toFile: dir + "/cfg/reso/config.toml", atomically: true, encoding: .utf8)
    }

    @Test func reboundKeysDefaultTagsAndExportFolder() throws {
        let dir = try scratchLibrary([seed0])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/briefs", withIntermediateDirectories: true)
        try writeConfig(dir, """
            [keys]
            search = "s"
            tag = "y"

            [tags]
            default = ["co-sponsor", "oppose"]

            [export]
            folder = "\(dir)/briefs"
            """)
        let t = try TmuxSession(width: 110, height: 30, args: [seed0], environment: "XDG_CONFIG_HOME='\(dir)/cfg'", directory: dir)
        try t.waitFor(text: SeedFixture.firstSymbol)
        // The hint line is generated from the bindings.
        try t.waitFor(text: "y tag · e note")

        // `/` moved to `s`: `/` does nothing, so the `?` after it opens the help…
        try t.send("/", "?")
        // …which lists the keys in effect.
        let help = try t.waitFor("the help's search row") { $0.contains("Keys (j/k scroll") && $0.contains("search (library: every document)") }
        let searchRow = try #require(help.split(separator: "\n").first { $0.contains("search (library: every document)") })
        #expect(searchRow.contains(" s ") && !searchRow.contains(" / "), "\(searchRow)")
        try t.send("Escape")
        try t.send("s")
        try t.waitFor(text: "Search:")
        try t.send("Escape")

        // 1 toggles the first default tag of the config.
        try t.send("o", "1")
        try t.waitFor(text: "[co-sponsor]")
        // The outline marks the annotated paragraph.
        try t.waitFor("outline mark on op1") { $0.split(separator: "\n").contains { $0.contains("1. " + SeedFixture.firstOp1Opening) && $0.contains("● │") } }
        try waitForFile("\(dir)/\(seed0).reso.json", containing: "\"co-sponsor\"")

        // `x` writes into the configured folder.
        try t.send("x")
        try t.waitFor(text: "Export (md csv json w3c amendments html)")
        try t.send("Enter")
        try t.waitFor(text: "\(dir)/briefs/reso-export-")
        let written = try FileManager.default.contentsOfDirectory(atPath: dir + "/briefs")
        #expect(written.count == 1 && written[0].hasSuffix(".md"))
        try t.send("q")
        try t.waitFor("exit 0", history: true) { $0.contains("EXITED rc=0 tty=icanon echo") }
    }

    @Test func aBadConfigIsOneLineNamingTheLine() throws {
        let dir = try scratchLibrary([seed0])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeConfig(dir, "[keys]\nsearch = \"s\"\ntag = \"s\"\n")
        let t = try TmuxSession(width: 110, height: 30, args: [seed0], environment: "XDG_CONFIG_HOME='\(dir)/cfg'", directory: dir)
        let screen = try t.waitFor(text: "EXITED rc=1", history: true)
        // The message wraps on the narrow pane: read it as one line.
        let joined = screen.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
        #expect(joined.contains("config.tomlline3:keysisboundtobothsearchandtag"), "\(screen)")
    }
}

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
struct GoToEndToEndTests {
    /// The current paragraph's id, from the margin bar (`▌op25`).
    func current(_ screen: String) -> String? {
        for line in screen.split(separator: "\n") {
            guard let r = line.range(of: "▌") else { continue }
            let id = line[r.upperBound...].prefix { !$0.isWhitespace }
            if !id.isEmpty { return String(id) }
        }
        return nil
    }

    @Test func goToByNumberAndIdAndMarks() throws {
        let dir = try scratchLibrary([seed0])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = try TmuxSession(width: 110, height: 30, args: [seed0], directory: dir)
        try t.waitFor(text: SeedFixture.firstSymbol)
        try t.send(":")
        try t.waitFor(text: "Go to (")
        try t.type("25")
        try t.send("Enter")
        try t.waitFor("op25 current") { current($0) == "op25" }
        try t.send("m", "a")
        try t.waitFor(text: "Mark a set at op25")
        try t.send(":")
        try t.type("pp3")
        try t.send("Enter")
        try t.waitFor("pp3 current") { current($0) == "pp3" }
        try t.send(":")
        try t.type("op84.a")
        try t.send("Enter")
        try t.waitFor("op84.a current") { current($0) == "op84.a" }
        try t.send("'", "a")
        try t.waitFor("back at the mark") { current($0) == "op25" }
        try t.send("BSpace")
        try t.waitFor("Backspace returns") { current($0) == "op84.a" }
        try t.send(":")
        try t.type("op999")
        try t.send("Enter")
        try t.waitFor(text: "No paragraph «op999» in this document")
        try t.send("'", "z")
        try t.waitFor(text: "Mark z is not set")
        try t.send("q")
        try t.waitFor("exit 0", history: true) { $0.contains("EXITED rc=0 tty=icanon echo") }
    }
}

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
struct ResumeEndToEndTests {
    @Test func reopeningAMovedFileReturnsToTheParagraphLastRead() throws {
        let dir = try scratchLibrary([seed0])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let env = "XDG_STATE_HOME='\(dir)/state'"
        var t = try TmuxSession(width: 110, height: 30, args: [seed0], environment: env, directory: dir)
        try t.waitFor(text: SeedFixture.firstSymbol)
        try t.send(":")
        try t.type("op31")
        try t.send("Enter")
        try t.waitFor("op31 current") { $0.contains("▌op31") }
        try t.send("q")
        try t.waitFor("exit 0", history: true) { $0.contains("EXITED rc=0") }
        let saved = try String(contentsOfFile: dir + "/state/reso/positions.json", encoding: .utf8)
        #expect(saved.contains("\"paragraph\" : \"op31\""))

        // The same text under another name, in another folder.
        try FileManager.default.createDirectory(atPath: dir + "/moved", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: dir + "/" + seed0, toPath: dir + "/moved/renamed.txt")
        t = try TmuxSession(width: 110, height: 30, args: ["moved/renamed.txt"], environment: env, directory: dir)
        try t.waitFor("op31 current after the move") { $0.contains("▌op31") }
        try t.send("g", "q")
        try t.waitFor("exit 0", history: true) { $0.contains("EXITED rc=0") }
        // Back at the start now: the place is updated, not only written once.
        let again = try String(contentsOfFile: dir + "/state/reso/positions.json", encoding: .utf8)
        #expect(!again.contains("\"op31\"") && again.contains("renamed.txt"))
    }
}

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
struct CitedDocumentEndToEndTests {
    /// `r` on op1 of the ECOSOC seed lists 70/125 (a General Assembly resolution not in the
    /// library): its undocs.org link is shown, and Enter opens it through xdg-open when there
    /// is a display, or prints it when there is none.
    @Test func aCitedResolutionOutsideTheLibraryIsALinkNotADeadEnd() throws {
        let dir = try scratchLibrary([seed0])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let link = "https://undocs.org/A/RES/70/125"

        var t = try TmuxSession(width: 120, height: 30, args: [seed0], environment: "DISPLAY= WAYLAND_DISPLAY=", directory: dir)
        try t.waitFor(text: SeedFixture.firstSymbol)
        try t.send("o", "r")
        try t.waitFor(text: "70/125  → \(link)")
        try t.send("Enter")
        try t.waitFor(text: "no display to open it — the text is at \(link)")
        try t.send("q")
        try t.waitFor("exit 0", history: true) { $0.contains("EXITED rc=0") }

        // A display and an xdg-open that records what it was asked to open.
        try FileManager.default.createDirectory(atPath: dir + "/bin", withIntermediateDirectories: true)
        try writeExecutable("#!/bin/sh\necho \"$1\" > '\(dir)/opened'\n", to: dir + "/bin/xdg-open")
        t = try TmuxSession(width: 120, height: 30, args: [seed0],
                            environment: "DISPLAY=:99 PATH='\(dir)/bin':\"$PATH\"", directory: dir)
        try t.waitFor(text: SeedFixture.firstSymbol)
        try t.send("o", "r")
        try t.waitFor(text: "70/125  → \(link)")
        try t.send("Enter")
        try t.waitFor(text: "Opened \(link) in the browser")
        try waitForFile(dir + "/opened", containing: link)
        try t.send("q")
        try t.waitFor("exit 0", history: true) { $0.contains("EXITED rc=0") }
    }
}

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
struct AmendEndToEndTests {
    @Test func aSearchMatchIsAmendedAsTheCommitteeWritesIt() throws {
        let dir = try scratchLibrary([seed0])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = try TmuxSession(width: 140, height: 30, args: [seed0], directory: dir)
        try t.waitFor(text: SeedFixture.firstSymbol)
        try t.send("o", "/")
        try t.type("充分执行")
        try t.send("Enter")
        try t.waitFor(text: "«充分执行» 1/")
        try t.send("a")
        try t.waitFor(text: "Amend op1 (")
        try t.waitFor(text: "充分执行 =>")
        try t.type("全面执行")
        try t.send("Enter")
        try t.waitFor(text: "Amendment saved: 在执行部分第 1 段中，将\"充分执行\"改为\"全面执行\"")
        try waitForFile("\(dir)/\(seed0).reso.json", containing: "\"kind\": \"amendment\"")

        // The match is also what a tag is about.
        try t.send("t")
        try t.waitFor(text: "Tag op1 on «充分执行»:")
        try t.type("support")
        try t.send("Enter")
        try t.waitFor(text: "[support]")
        try waitForFile("\(dir)/\(seed0).reso.json", containing: "\"quote\": \"充分执行\"")

        // Without a search the prompt starts empty.
        try t.send("Escape", "a")
        try t.waitFor(text: "Amend op1 (")
        try t.type("+ 注意到秘书长的报告；")
        try t.send("Enter")
        try t.waitFor(text: "Amendment saved: 在执行部分第 1 段之后，插入以下新段落：\"注意到秘书长的报告；\"")

        try t.send("a")
        try t.tmux(["send-keys", "-t", "t", "-l", "--", "-并不存在的话"])   // `--`: the text starts with '-'

        try t.send("Enter")
        try t.waitFor(text: "is not in the paragraph")
        try t.send("a")
        try t.type("no arrow here")
        try t.send("Enter")
        try t.waitFor(text: "Write old => new, -old, old +> new, or + new paragraph")
        try t.send("q")
        try t.waitFor("exit 0", history: true) { $0.contains("EXITED rc=0") }
    }
}
