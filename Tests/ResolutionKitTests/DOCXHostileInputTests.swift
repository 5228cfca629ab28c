import Foundation
import Testing
import ZIPFoundation
@testable import ResolutionKit

/// Hostile and broken .docx files, built here byte by byte: each must be refused with one
/// clear line naming the file, never crash, hang, inflate without bound, or read a DTD.
@Suite struct DOCXHostileInputTests {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    /// A small resolution as WordprocessingML: formula, one preambular, two operative paragraphs.
    static let documentXML = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:document \(w)><w:body>
    <w:p><w:r><w:t>The Security Council,</w:t></w:r></w:p>
    <w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Recalling</w:t></w:r><w:r><w:t xml:space="preserve"> its previous resolutions on the matter,</w:t></w:r></w:p>
    <w:p><w:r><w:t>1.</w:t></w:r><w:r><w:tab/></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>Decides</w:t></w:r><w:r><w:t xml:space="preserve"> to extend the mandate;</w:t></w:r></w:p>
    <w:p><w:r><w:t>2.</w:t></w:r><w:r><w:tab/></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>Decides</w:t></w:r><w:r><w:t xml:space="preserve"> to remain seized of the matter.</w:t></w:r></w:p>
    </w:body></w:document>
    """

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="xml" ContentType="application/xml"/></Types>
    """

    /// A ZIP built in memory with ZIPFoundation; `provider` entries stream large contents.
    static func zip(_ entries: [(String, [UInt8])], deflate: Bool = true) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, bytes) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count),
                                 compressionMethod: deflate ? .deflate : .none) { position, size in
                Data(bytes[Int(position)..<Int(position) + size])
            }
        }
        return [UInt8](archive.data!)
    }

    static func docx(document: String = documentXML, extra: [(String, [UInt8])] = []) throws -> [UInt8] {
        try zip([("[Content_Types].xml", Array(contentTypes.utf8)), ("word/document.xml", Array(document.utf8))] + extra)
    }

    /// Overwrites the uncompressed size an entry declares, in its local header and in the
    /// central directory, as a forger would.
    static func declare(_ bytes: inout [UInt8], entry: String, uncompressedSize: UInt32,
                        local: Bool = true, central: Bool = true) {
        let name = Array(entry.utf8)
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func put32(_ i: Int, _ v: UInt32) { for k in 0..<4 { bytes[i + k] = UInt8((v >> (8 * UInt32(k))) & 0xFF) } }
        var i = 0, patched = 0
        while i + 46 < bytes.count {
            if local, bytes[i..<i + 4].elementsEqual([0x50, 0x4B, 0x03, 0x04]),
               bytes[(i + 30)..<(i + 30 + u16(i + 26))].elementsEqual(name) {
                put32(i + 22, uncompressedSize); patched += 1
            }
            if central, bytes[i..<i + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02]),
               bytes[(i + 46)..<(i + 46 + u16(i + 28))].elementsEqual(name) {
                put32(i + 24, uncompressedSize); patched += 1
            }
            i += 1
        }
        precondition(patched == (local ? 1 : 0) + (central ? 1 : 0), "entry \(entry) not found")
    }

    static func parse(_ bytes: [UInt8], path: String = "hostile.docx") -> Result<ResolutionDocument, DocumentError> {
        Result { try ResolutionParser.parse(bytes: bytes, path: path) }.mapError { $0 as! DocumentError }
    }

    /// The refusal, checked for the shape every bad-input message has: one line naming the file.
    static func refusal(_ bytes: [UInt8]) -> DocumentError? {
        guard case let .failure(error) = parse(bytes) else { return nil }
        #expect(error.description.hasPrefix("hostile.docx: "))
        #expect(!error.description.contains("\n"))
        return error
    }

    @Test func theWellFormedBaselineReads() throws {
        let doc = try Self.parse(try Self.docx()).get()
        #expect(doc.source.format == .docx)
        #expect(doc.preamble.count == 1)
        #expect(doc.operative.map(\.number) == [1, 2])
    }

    @Test func aCorruptZipIsRefused() throws {
        // A local-header signature and nothing a ZIP reader can use.
        var garbage: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        var x: UInt32 = 2463534242
        for _ in 0..<4096 { x ^= x << 13; x ^= x >> 17; x ^= x << 5; garbage.append(UInt8(x & 0xFF)) }
        guard case .corruptArchive? = Self.refusal(garbage) else { Issue.record("random bytes after PK\\3\\4"); return }

        // A real DOCX cut short: the central directory is gone.
        let good = try Self.docx()
        guard case .corruptArchive? = Self.refusal(Array(good.prefix(good.count / 2))) else {
            Issue.record("truncated archive"); return
        }
    }

    @Test func damagedCompressedDataIsRefusedNotMisread() throws {
        var bytes = try Self.docx()
        // Flip the compressed bytes of document.xml: the entry no longer inflates, or its CRC fails.
        let name = Array("word/document.xml".utf8)
        guard let header = (0..<(bytes.count - 30)).first(where: { i in
            bytes[i..<i + 4].elementsEqual([0x50, 0x4B, 0x03, 0x04])
                && bytes[(i + 30)..<min(bytes.count, i + 30 + name.count)].elementsEqual(name)
        }) else { Issue.record("no local header"); return }
        let start = header + 30 + name.count + (Int(bytes[header + 28]) | Int(bytes[header + 29]) << 8)
        for k in start..<(start + 40) { bytes[k] ^= 0x5A }
        guard case .corruptArchive? = Self.refusal(bytes) else { Issue.record("flipped deflate data"); return }
    }

    @Test func aZipThatIsNotAWordDocumentIsRefused() throws {
        let bytes = try Self.zip([("hello.txt", Array("not a resolution".utf8)), ("word/styles.xml", Array("<x/>".utf8))])
        guard case let .notADocument(_, reason)? = Self.refusal(bytes) else { Issue.record("no word/document.xml"); return }
        #expect(reason.contains("word/document.xml"))
    }

    @Test func aDirectoryDeclaringAnAbsurdSizeIsRefusedBeforeInflating() throws {
        var bytes = try Self.docx()
        Self.declare(&bytes, entry: "word/document.xml", uncompressedSize: 0x7FFF_0000)
        guard case let .tooLarge(_, part, limit)? = Self.refusal(bytes) else { Issue.record("2 GB declared"); return }
        #expect(part == "word/document.xml")
        #expect(limit == DOCXArchive.maxPartBytes >> 20)
    }

    @Test func partsThatTogetherPassTheTotalCapAreRefused() throws {
        // Each part is under the per-part cap; together they declare more than the total cap.
        let parts = (1...5).map { ("word/header\($0).xml", Array("<w:hdr \(Self.w)/>".utf8)) }
        var bytes = try Self.docx(extra: parts)
        let each = UInt32(DOCXArchive.maxPartBytes - 1024)
        for (name, _) in parts { Self.declare(&bytes, entry: name, uncompressedSize: each) }
        guard case .tooLarge? = Self.refusal(bytes) else { Issue.record("5 × 64 MB declared"); return }
    }

    /// The bomb that lies: its directory says 2 KB, its deflate stream inflates to more than
    /// the per-part cap. Only counting while inflating catches it.
    @Test func aBombThatLiesAboutItsSizeStopsAtTheCap() throws {
        let inflated = DOCXArchive.maxPartBytes + (1 << 20)
        let head = Array("<w:document \(Self.w)><w:body><w:p><w:r><w:t>".utf8)
        let archive = try Archive(data: Data(), accessMode: .create)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(inflated),
                             compressionMethod: .deflate) { position, size in
            // Spaces after a valid opening: a parser that got this far would accept it.
            var chunk = Data(repeating: 0x20, count: size)
            if position < Int64(head.count) {
                for k in 0..<min(size, head.count - Int(position)) { chunk[k] = head[Int(position) + k] }
            }
            return chunk
        }
        var bytes = [UInt8](archive.data!)
        #expect(bytes.count < inflated / 100, "the bomb is small on disk")
        Self.declare(&bytes, entry: "word/document.xml", uncompressedSize: 2048)
        guard case let .tooLarge(_, part, _)? = Self.refusal(bytes) else { Issue.record("lying bomb inflated"); return }
        #expect(part == "word/document.xml")
    }

    @Test func entryNamesThatClimbOutOfTheFolderAreNeverFollowed() throws {
        let escape = "reso-escape-\(UUID().uuidString).txt"
        let bytes = try Self.docx(extra: [("../../" + escape, Array("owned".utf8)),
                                          ("word/../../" + escape, Array("owned".utf8)),
                                          ("/tmp/" + escape, Array("owned".utf8))])
        let doc = try Self.parse(bytes).get()
        #expect(doc.operative.map(\.number) == [1, 2])
        let cwd = FileManager.default.currentDirectoryPath
        for dir in [cwd, cwd + "/..", cwd + "/../..", "/tmp", NSTemporaryDirectory()] {
            #expect(!FileManager.default.fileExists(atPath: dir + "/" + escape))
        }
    }

    /// Billion laughs: ten levels of ten-fold entities, a few hundred bytes that expand to
    /// gigabytes in a parser that honours the DTD.
    @Test func entityExpansionIsRefused() throws {
        var dtd = "<!DOCTYPE w:document [<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        dtd += "]>"
        let xml = "<?xml version=\"1.0\"?>" + dtd + "<w:document \(Self.w)><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
        guard case let .unsafeXML(_, part, _)? = Self.refusal(try Self.docx(document: xml)) else {
            Issue.record("billion laughs in document.xml"); return
        }
        #expect(part == "word/document.xml")

        // The same in a part other than the document body.
        let styles = "<?xml version=\"1.0\"?>" + dtd + "<w:styles \(Self.w)><w:style w:styleId=\"&lol9;\"/></w:styles>"
        guard case .unsafeXML? = Self.refusal(try Self.docx(extra: [("word/styles.xml", Array(styles.utf8))])) else {
            Issue.record("billion laughs in styles.xml"); return
        }
    }

    @Test func externalEntitiesAreNeverResolved() throws {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <w:document \(Self.w)><w:body><w:p><w:r><w:t>The Security Council,</w:t></w:r></w:p>
        <w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
        """
        switch Self.parse(try Self.docx(document: xml)) {
        case .failure(let error):
            guard case .unsafeXML = error else { Issue.record("unexpected \(error)"); return }
        case .success(let doc):
            Issue.record("a document with an external entity was read")
            #expect(!String(decoding: DocumentJSON.encode(doc), as: UTF8.self).contains("root:x:0"))
        }
    }

    /// numbering.xml is the sender's too: a start value at the edge of Int, or one that makes a
    /// letter label millions of characters long, must neither trap on overflow nor run away.
    @Test(arguments: [("decimal", "9223372036854775807"), ("lowerLetter", "2000000000"),
                      ("upperLetter", "2000000000"), ("lowerRoman", "9223372036854775807"),
                      ("decimal", "-9223372036854775808")])
    func hostileNumberingNeitherCrashesNorHangs(_ format: String, _ start: String) throws {
        func numbered(_ text: String) -> String {
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
        }
        let xml = "<w:document \(Self.w)><w:body><w:p><w:r><w:t>The Security Council,</w:t></w:r></w:p>"
            + numbered("Decides to act;") + numbered("Decides to remain seized of the matter.") + "</w:body></w:document>"
        let numbering = "<w:numbering \(Self.w)><w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\">"
            + "<w:start w:val=\"\(start)\"/><w:numFmt w:val=\"\(format)\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>"
        let doc = try Self.parse(try Self.docx(document: xml, extra: [("word/numbering.xml", Array(numbering.utf8))])).get()
        // Both paragraphs are kept, whatever their labels became, and no label is absurdly long.
        let texts = doc.units.map(\.text) + doc.other.map(\.text)
        #expect(texts.contains { $0.contains("Decides to act;") })
        #expect(texts.contains { $0.contains("remain seized of the matter.") })
        #expect(texts.allSatisfy { $0.unicodeScalars.count < 200 })
    }

    @Test func malformedXMLIsRefusedWithThePartNamed() throws {
        let xml = "<w:document \(Self.w)><w:body><w:p><w:r><w:t>The Security Council,</w:t></w:r>"
        guard let error = Self.refusal(try Self.docx(document: xml)) else { Issue.record("unclosed XML was read"); return }
        #expect(error.description.contains("word/document.xml"))
    }
}
