import Foundation
import Testing

/// `reso show FILE.docx` as a user meets it: the exit code, stdout and stderr of the built binary.
/// The .docx files are written here byte by byte (stored ZIP entries), so this target needs no
/// ZIP library.
@Suite struct DOCXShowCommandTests {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// A ZIP of stored (uncompressed) entries; `declared` overrides an entry's uncompressed size
    /// in the central directory, as a forged archive would.
    static func storedZip(_ entries: [(String, [UInt8])], declared: [String: UInt32] = [:]) -> [UInt8] {
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * UInt32($0))) & 0xFF) } }
        var out: [UInt8] = [], central: [UInt8] = []
        for (name, data) in entries {
            let n = Array(name.utf8), crc = crc32(data), size = UInt32(data.count)
            let offset = UInt32(out.count)
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
            out += le32(crc) + le32(size) + le32(size) + le16(n.count) + le16(0) + n + data
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
            central += le32(crc) + le32(size) + le32(declared[name] ?? size) + le16(n.count) + le16(0) + le16(0)
            central += le16(0) + le16(0) + le32(0) + le32(offset) + n
        }
        let start = UInt32(out.count)
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count)
        out += le32(UInt32(central.count)) + le32(start) + le16(0)
        return out
    }

    static func paragraph(_ runs: String) -> String { "<w:p>\(runs)</w:p>" }
    static func run(_ text: String, italic: Bool = false) -> String {
        "<w:r>\(italic ? "<w:rPr><w:i/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
    }

    static func docx(body: String, declared: [String: UInt32] = [:]) -> [UInt8] {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(w)><w:body>\(body)</w:body></w:document>"
        return storedZip([("word/document.xml", Array(xml.utf8))], declared: declared)
    }

    static let resolution = paragraph(run("The Security Council,"))
        + paragraph(run("Recalling", italic: true) + run(" its resolutions,"))
        + paragraph(run("1.") + "<w:r><w:tab/></w:r>" + run("Decides", italic: true) + run(" to extend the mandate;"))
        + paragraph(run("2.") + "<w:r><w:tab/></w:r>" + run("Decides", italic: true) + run(" to remain seized of the matter."))

    @Test func aWordDocumentReads() throws {
        let path = try ShowCommandTests.temp(Self.docx(body: Self.resolution), name: "res.docx")
        let r = try ShowCommandTests.run(["show", path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect((json["source"] as? [String: Any])?["format"] as? String == "docx")
        let ops = json["operative"] as! [[String: Any]]
        #expect(ops.map { $0["number"] as? Int } == [1, 2])
        #expect(ops.first?["verb"] as? String == "Decides")
    }

    @Test func badWordFilesGetOneClearLineAndNoTrace() throws {
        var garbage: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        for i in 0..<2000 { garbage.append(UInt8((i * 7919) & 0xFF)) }
        let good = Self.docx(body: Self.resolution)
        let cases: [([UInt8], String)] = [
            (garbage, "ZIP"),
            (Array(good.prefix(good.count - 30)), "ZIP"),
            (Self.storedZip([("hello.txt", Array("not a resolution".utf8))]), "word/document.xml"),
            (Self.docx(body: Self.resolution, declared: ["word/document.xml": 0x7FFF_0000]), "MB"),
            (Self.docx(body: "<w:p><w:r><w:t>The Security Council,"), "word/document.xml"),
        ]
        for (bytes, needle) in cases {
            let path = try ShowCommandTests.temp(bytes, name: "bad.docx")
            let r = try ShowCommandTests.run(["show", path, "--format", "json"])
            #expect(r.status != 0, "\(needle)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
            #expect(r.stderr.contains(path) && r.stderr.contains(needle), "\(r.stderr)")
            #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"))
        }
    }

    @Test func trackedChangesAreShownAndAnnounced() throws {
        let change = "w:author=\"Delegation of Chile\" w:date=\"2020-05-02T11:00:00Z\""
        let body = Self.paragraph(Self.run("The Security Council,"))
            + Self.paragraph(Self.run("Recalling", italic: true) + Self.run(" its resolutions,"))
            + Self.paragraph(Self.run("1.") + "<w:r><w:tab/></w:r>" + Self.run("Decides", italic: true) + Self.run(" to ")
                + "<w:del w:id=\"1\" \(change)><w:r><w:delText xml:space=\"preserve\">strongly </w:delText></w:r></w:del>"
                + Self.run("extend the mandate until ")
                + "<w:ins w:id=\"2\" \(change)>\(Self.run("31 March 2021"))</w:ins>" + Self.run(";"))
        let path = try ShowCommandTests.temp(Self.docx(body: body), name: "tracked.docx")
        let text = try ShowCommandTests.run(["show", path, "--width", "100"])
        #expect(text.status == 0)
        // The insertion is in the text, the deletion is not, and both are shown as changes.
        #expect(text.stdout.contains("1. Decides to extend the mandate until 31 March 2021;"))
        #expect(text.stdout.contains("strongly"))
        #expect(text.stdout.contains("Delegation of Chile"))
        #expect(text.stderr.contains("2 tracked changes"))
        #expect(text.stderr.split(separator: "\n").count == 1)

        let json = try ShowCommandTests.run(["show", path, "--format", "json"])
        let doc = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let op1 = (doc["operative"] as! [[String: Any]])[0]["text"] as! String
        #expect(!op1.contains("strongly"))
        let recorded = doc.values.compactMap { $0 as? [[String: Any]] }.first { list in
            list.contains { $0["kind"] as? String == "delete" }
        }
        #expect(recorded?.count == 2)
        let deletion = recorded?.first { $0["kind"] as? String == "delete" }
        #expect(deletion?["unit"] as? String == "op1")
        #expect(deletion?["text"] as? String == "strongly ")
        // "Decides to " is 11 scalars: the deletion stood there.
        #expect(deletion?["offset"] as? Int == 11)
    }

    @Test func controlCharactersInAWordDocumentNeverReachTheTerminal() throws {
        // C1 controls are legal XML 1.0 characters; U+009B is a one-byte CSI on some terminals.
        let body = Self.paragraph(Self.run("The Security Council,"))
            + Self.paragraph(Self.run("Recalling", italic: true) + Self.run(" its \u{9B}2J resolutions,"))
            + Self.paragraph(Self.run("1.") + "<w:r><w:tab/></w:r>" + Self.run("Decides", italic: true) + Self.run(" to act."))
        let path = try ShowCommandTests.temp(Self.docx(body: body), name: "c1.docx")
        for format in ["text", "markdown"] {
            let r = try ShowCommandTests.run(["show", path, "--format", format])
            #expect(r.status == 0)
            #expect(!r.stdout.unicodeScalars.contains { $0.value >= 0x80 && $0.value < 0xA0 })
            #expect(r.stdout.contains("resolutions"))
        }
    }
}
