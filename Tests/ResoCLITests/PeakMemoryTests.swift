import Foundation
import Testing

/// Peak memory of a whole `reso show` process against the size of its input (issue: "under
/// 8× the input"). Measured from outside, as `/usr/bin/time -f %M` would: the child's
/// `ru_maxrss`, read by a Python wrapper because Foundation's Process does not report it.
/// The fixed cost of the runtime (a tiny document's peak) is taken off, so the ratio is what
/// the input adds; a 16 MB input's whole-process ratio is printed by the closing figures.
@Suite struct PeakMemoryTests {
    static let corpus = ShowCommandTests.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/sc-2020")

    /// Peak resident memory of `reso show PATH --format json`, in bytes.
    static func peak(of path: String) throws -> Int {
        let script = """
        import resource, subprocess, sys
        r = subprocess.run([sys.argv[1], "show", sys.argv[2], "--format", "json"], stdout=subprocess.DEVNULL)
        print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, ShowCommandTests.binary, path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        #expect(fields.first == "0", "reso show exits 0")
        return (Int(fields.last ?? "") ?? Int.max / 1024) * 1024
    }

    /// Operative paragraphs of the English corpus, numbered on and hard-wrapped at `width`
    /// columns with a blank line between paragraphs (pdftotext's default shape), to `size` bytes.
    static func wrappedResolution(size: Int, width: Int) throws -> String {
        let dir = Self.corpus.appendingPathComponent("en")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".plain.txt") }.sorted()
        try #require(!files.isEmpty, "the corpus is at ../shared/corpus/sc-2020")
        var paragraphs: [String] = []
        for f in files.prefix(40) {
            let text = try String(contentsOfFile: dir.appendingPathComponent(f).path, encoding: .utf8)
            for line in text.split(separator: "\n") {
                guard let dot = line.firstIndex(of: "."), line[..<dot].allSatisfy(\.isNumber), !line[..<dot].isEmpty else { continue }
                let body = line[line.index(after: dot)...].trimmingCharacters(in: .whitespaces)
                if body.count > 40 { paragraphs.append(body) }
            }
        }
        try #require(paragraphs.count > 20)
        var out = "The Security Council,\n\n"
        var n = 0
        while out.utf8.count < size {
            n += 1
            var line = "\(n).", wrapped: [String] = []
            for word in paragraphs[n % paragraphs.count].split(separator: " ") {
                if line.count + 1 + word.count > width { wrapped.append(line); line = String(word) } else { line += " " + word }
            }
            wrapped.append(line)
            out += wrapped.joined(separator: "\n") + "\n\n"
        }
        return out
    }

    @Test(arguments: [60, 75]) func hardWrappedTextPeaksUnderSixAndAHalfTimesItsSizeAboveTheRuntime(width: Int) throws {
        let size = 4 << 20
        let text = try Self.wrappedResolution(size: size, width: width)
        let (ratio, report) = try Self.peakAboveRuntime(text, name: "wrapped\(width).txt")
        // Before the line records were compacted and the text released in pieces, a 16 MB
        // text wrapped at 75 columns added 8.7× (175 MB whole process, 29 MB of it runtime).
        #expect(ratio < 6.5, "\(report)")
    }

    /// What `text` adds to the peak of `reso show` above a tiny document's (the runtime's
    /// fixed cost), as a multiple of its size, and the figures for a failure message.
    static func peakAboveRuntime(_ text: String, name: String) throws -> (ratio: Double, report: String) {
        let big = try ShowCommandTests.temp(Array(text.utf8), name: name)
        let tiny = try ShowCommandTests.temp(Array("The Security Council,\n\n1. Decides to remain seized of the matter.\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: big); try? FileManager.default.removeItem(atPath: tiny) }
        let base = try peak(of: tiny)
        let whole = try peak(of: big)
        let ratio = Double(whole - base) / Double(text.utf8.count)
        return (ratio, "peak \(whole / 1024) KB, runtime \(base / 1024) KB: \(ratio)× the input above the runtime")
    }

    /// Inputs shaped to cost the most per byte (issue: "under 8× the input for any input"),
    /// 4 MB each: millions of one-letter lines or paragraphs, tiny numbered paragraphs, tiny
    /// items, and one line of the whole file.
    static let hostileShapes: [(name: String, unit: @Sendable (Int) -> String)] = [
        ("one-letter lines", { _ in "a\n" }),
        ("one-letter paragraphs", { _ in "a\n\n" }),
        ("CJK one-character lines", { _ in "文\n" }),
        ("tiny numbered paragraphs", { "\($0 + 1). Decides a;\n" }),
        ("tiny preambular paragraphs", { _ in "Recalling a,\n" }),
        ("tiny items under a paragraph", { _ in "(a) 文\n" }),
        ("one line of words", { _ in "a " }),
        ("one line of CJK", { _ in "决定，" }),
        // Long enough a line for a layout, but each a record, a block and a paragraph or item.
        ("25-letter lines", { _ in "abcdefghijklmnopqrstuvwxy\n" }),
        ("30-byte numbered paragraphs", { "\($0 + 1). Decides to remain seized;\n" }),
        ("100-byte items under one paragraph", { "(\(Unicode.Scalar(UInt8(97 + $0 % 26)))) to report on the matters of this region and others, and to act on them as it sees fit;\n" }),
        ("links on one line", { _ in "[a](x) " }),
        // Arabic whose ligatures came out backwards (`األمم`), as one endless word: each word's
        // readings are copies of it (`ReversedLigatureRepair.longestWord`); before the cap,
        // 8.8 MB of it peaked at 338 MB. And lone letters, which the letter model joins.
        ("one endless Arabic word with reversed ligatures", { _ in "األممالسالم" }),
        ("Arabic lone letters", { _ in "ب " }),
    ]

    /// One paragraph holding all the items: the inline pass releases each item's text as it
    /// reads it. At 4 MB the runtime's own allocations hide the difference, so 8 MB.
    @Test func aParagraphOfManyItemsPeaksUnderEightTimesItsSizeAboveTheRuntime() throws {
        var parts = ["The Security Council,\n\n1. Decides:\n"]
        var size = parts[0].utf8.count, k = 0
        while size < 8 << 20 {
            let u = "(\(Unicode.Scalar(UInt8(97 + k % 26)))) to report on the matters of this region and others, and to act on them as it sees fit;\n"
            parts.append(u); size += u.utf8.count; k += 1
        }
        let (ratio, report) = try Self.peakAboveRuntime(parts.joined(), name: "items.txt")
        // Before, bound from an indirect enum case, the items' texts stayed referenced by the
        // draft's box through the inline pass: 8.6× at 8 MB.
        #expect(ratio < 8, "\(report)")
    }

    /// Shapes of 16 MB whose whole process, runtime included, came closest to the issue's
    /// "under 8× the input": many short lines or paragraphs, and a text that is mostly notes.
    static let wholeProcessShapes: [(name: String, head: String, unit: @Sendable (Int) -> String, tail: @Sendable (Int) -> String)] = [
        ("40-byte preambular paragraphs", "The Security Council,\n\n", { _ in "Recalling its resolutions on the matter,\n" }, { _ in "" }),
        ("40-byte lines, no paragraph break", "The Security Council,\n\n1. Decides:\n", { _ in "abcdefghij klmnopqrst uvwxyzabcd efghijkl\n" }, { _ in "" }),
        ("mostly Markdown footnotes", "The Security Council,\n\n", { "\($0 + 1). Decides a[^\($0 + 1)];\n\n" },
         { "[^\($0 + 1)]: See S/RES/\(2000 + $0 % 600) (2020), paragraph \($0 % 30).\n" }),
        // Each line packs at four bytes a scalar for its emoji.
        ("40-byte paragraphs with an emoji each", "The Security Council,\n\n", { _ in "Recalling its resolutions on the matter\u{1F600},\n" }, { _ in "" }),
        ("100-byte paragraphs with an emoji each", "The Security Council,\n\n",
         { _ in "Recalling its resolutions on the matter and the statements of its President on the\u{1F600} region,\n" }, { _ in "" }),
    ]

    /// Whole process, as a user measures it (`/usr/bin/time -f %M`): before the line, block
    /// and note texts were packed (`PackedScalars`) these peaked at 8.4×, 8.0×, 10.6×, 7.8×
    /// and 6.8×; packed but read line by line, the emoji shapes at 8.6× and 7.2×.
    @Test(arguments: wholeProcessShapes.indices) func sixteenMegabytesOfShortUnitsPeakUnderSevenAndAHalfTimesTheirSize(_ which: Int) throws {
        let shape = Self.wholeProcessShapes[which]
        var body = [shape.head], notes: [String] = []
        var size = shape.head.utf8.count, k = 0
        while size < 16 << 20 {
            let u = shape.unit(k), t = shape.tail(k)
            body.append(u); notes.append(t); size += u.utf8.count + t.utf8.count; k += 1
        }
        let text = body.joined() + (notes.first?.isEmpty == false ? "\n" + notes.joined() : "")
        let path = try ShowCommandTests.temp(Array(text.utf8), name: "whole\(which).md")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let peak = try Self.peak(of: path)
        let ratio = Double(peak) / Double(text.utf8.count)
        #expect(ratio < 7.5, "\(shape.name): peak \(peak / 1024) KB, \(ratio)× the input")
    }

    /// A Word file whose document part is 16 MB of numbered paragraphs (1.4 MB zipped), made
    /// by Python's zipfile: measured against the part's size, since the file is compressed.
    /// The part's XML and its first reading were held next to the blocks, and the blocks were
    /// four bytes a scalar: 188 MiB, 11.7× the part.
    @Test func aLargeWordFilePeaksUnderEightTimesItsDocumentPart() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reso-\(UUID().uuidString)-big.docx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let script = #"""
        import random, sys, zipfile
        W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        words = "report region council matter resolution statements President situation peace".split()
        random.seed(1)
        paras = ['<w:p><w:r><w:t>The Security Council,</w:t></w:r></w:p>']
        size, k = 0, 0
        while size < 16 << 20:
            k += 1
            t = f"{k}. Decides to " + " ".join(random.choice(words) for _ in range(14)) + ";"
            p = f'<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>'
            paras.append(p); size += len(p)
        doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>' + "".join(paras) + '</w:body></w:document>'
        ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/></Types>')
        rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", ct); z.writestr("_rels/.rels", rels); z.writestr("word/document.xml", doc)
        print(len(doc.encode()))
        """#
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let part = try #require(Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        let peak = try Self.peak(of: path)
        let ratio = Double(peak) / Double(part)
        #expect(ratio < 8, "peak \(peak / 1024) KB, \(ratio)× the 16 MB document part")
    }

    @Test(arguments: hostileShapes.indices) func hostileShapesPeakUnderEightTimesTheirSizeAboveTheRuntime(_ which: Int) throws {
        let shape = Self.hostileShapes[which]
        var parts = ["The Security Council,\n\n1. Decides:\n"]
        var size = parts[0].utf8.count, k = 0
        while size < 4 << 20 { let u = shape.unit(k); parts.append(u); size += u.utf8.count; k += 1 }
        let (ratio, report) = try Self.peakAboveRuntime(parts.joined(), name: "hostile\(which).txt")
        // Before: 16 MB of one-letter lines peaked at 904 MB; one 16 MB line at 185 MB. Before
        // the line records were costed, the blocks counted and links found as met, 4 MB of
        // 25-letter lines added 10.6×, 30-byte numbered paragraphs 11.0×, 100-byte items
        // 9.1× and links 16.1×.
        #expect(ratio < 8, "\(shape.name): \(report)")
    }
}
