// Issue 8 item 8: whatever a document, a note, a tag or a file name holds, no command prints a
// raw control character, escape sequence or bidi override; JSON stays valid and exact, and
// `-o FILE` keeps the user's exact data.
import Foundation
import Testing

@Suite struct TerminalSafetyTests {
    /// An OSC title + clipboard write, a screen clear, a bell, a C1 CSI and a right-to-left override.
    static let hostile = "\u{1B}]0;PWNED\u{07}\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\u{9B}31m\u{202E}"

    /// Scalars a terminal acts on: C0 except LF, TAB and CSV's CR LF line ends, DEL, C1, bidi controls.
    static func rawControls(_ s: String) -> [UInt32] {
        s.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars.map(\.value).filter { v in
            (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
        }
    }

    /// The first four characters of a document's op1, from `reso show --format json`.
    static func op1Opening(_ path: String) throws -> String {
        let json = try ShowCommandTests.run(["show", path, "--format", "json"]).stdout
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let op1 = try #require((object?["operative"] as? [[String: Any]])?.first?["text"] as? String)
        return String(op1.prefix(4))
    }

    /// A folder holding a copy of a seed with the hostile text planted at its start and in op1.
    static func hostileLibrary() throws -> (dir: String, doc: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reso-safety-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let seedPath = ShowCommandTests.root.appendingPathComponent("seeds/" + ShowCommandTests.seedNames[0]).path
        let seed = try String(contentsOfFile: seedPath, encoding: .utf8)
        // Planted after the opening words of op1, as the parse reads them.
        let opening = try op1Opening(seedPath)
        let range = try #require(seed.range(of: opening))
        let doc = dir + "/doc.txt"
        try (hostile + "\n" + seed.replacingCharacters(in: range, with: opening + hostile))
            .write(toFile: doc, atomically: true, encoding: .utf8)
        return (dir, doc)
    }

    @Test func noCommandPrintsRawControls() throws {
        let (dir, doc) = try Self.hostileLibrary()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let note = Self.hostile + " note\n# Heading"
        var r = try ShowCommandTests.run(["note", doc, "op1", note])
        #expect(r.status == 0, "\(r.stderr)")
        r = try ShowCommandTests.run(["tag", doc, "op1", "priority", "x\u{202E}y"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("x\u{FFFD}y"))

        let opening = try Self.op1Opening(doc)
        let commands: [[String]] = [
            ["notes", doc], ["notes", dir], ["search", "PWNED", dir], ["search", opening, doc],
            ["export", doc, "--format", "md"], ["export", doc, "--format", "md", "--group-by", "tag"],
            ["export", doc, "--format", "csv"], ["show", doc], ["show", doc, "--format", "markdown"],
            ["tag", doc, "op1", "bad\u{1B}[2Jtag"],                   // an error quoting the tag
            ["show", dir + "/missing\u{1B}]0;x\u{07}.txt"],           // an error quoting a file name
            ["export", doc, "--format", "md\u{1B}[2J"],                // ArgumentParser's own error
        ]
        for args in commands {
            let r = try ShowCommandTests.run(args)
            #expect(Self.rawControls(r.stdout).isEmpty, "stdout of \(args): \(Self.rawControls(r.stdout))")
            #expect(Self.rawControls(r.stderr).isEmpty, "stderr of \(args): \(Self.rawControls(r.stderr))")
        }
        // What the placeholders look like, and that the data is still there.
        r = try ShowCommandTests.run(["notes", doc])
        #expect(r.stdout.contains("␛]0;PWNED␇") && r.stdout.contains("note"))
        r = try ShowCommandTests.run(["tag", doc, "op1", "bad\u{1B}[2Jtag"])
        #expect(r.status != 0 && r.stderr.contains("bad␛[2jtag"))
    }

    @Test func jsonStaysValidAndExactAndFilesKeepTheData() throws {
        let (dir, doc) = try Self.hostileLibrary()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let note = Self.hostile + " note"
        #expect(try ShowCommandTests.run(["note", doc, "op1", note]).status == 0)
        for args in [["notes", doc, "--json"], ["export", doc, "--format", "json"], ["export", doc, "--format", "w3c"],
                     ["search", "PWNED", doc, "--json"], ["show", doc, "--format", "json"]] {
            let r = try ShowCommandTests.run(args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(Self.rawControls(r.stdout).isEmpty, "\(args)")
            #expect((try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) != nil, "\(args) is not valid JSON")
        }
        let records = try #require(try JSONSerialization.jsonObject(
            with: Data(try ShowCommandTests.run(["notes", doc, "--json"]).stdout.utf8)) as? [[String: Any]])
        #expect(records.first?["note"] as? String == note)
        // -o writes the exact note into the CSV.
        let r = try ShowCommandTests.run(["export", doc, "--format", "csv", "-o", dir + "/notes.csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let csv = try String(contentsOfFile: dir + "/notes.csv", encoding: .utf8)
        #expect(csv.contains(note))
    }
}
