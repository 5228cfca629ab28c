import Foundation
import Testing
@testable import ResolutionKit

/// A text with far more lines than any layout (millions of one-letter lines) is read with
/// everything in `other`, without per-line records; real text of any size and shape is not.
@Suite struct DenseTextTests {
    /// Every non-whitespace scalar, in order.
    static func ink(_ s: String) -> [Unicode.Scalar] { s.unicodeScalars.filter { !$0.properties.isWhitespace } }

    /// `head` and then `unit(0)`, `unit(1)`… until the text is just over the size the rules
    /// start at.
    static func text(_ head: String, repeating unit: (Int) -> String) -> String {
        var text = head
        var k = 0
        while text.utf8.count < DenseText.minimumBytes + 4096 { text += unit(k); k += 1 }
        return text
    }

    static let shapes: [(name: String, unit: @Sendable (Int) -> String)] = [
        ("one-letter lines", { _ in "a\n" }),
        ("one-letter paragraphs", { _ in "a\n\n" }),
        ("CJK one-character lines with CRLF", { _ in "文\r\n" }),
        ("tiny numbered paragraphs", { "\($0 + 1). Decides ¹a;\n" }),
        ("tiny items", { _ in "\t(a) 决定\n" }),
        // No line ends a clause, but each packs at four bytes a scalar for its emoji.
        ("40-byte lines with an emoji each", { _ in "abcdefghij klmnopqrst uvwxyzabcd efghij\u{1F600}\n" }),
        // Lines long enough for a layout, but paragraphs or items far shorter than any
        // resolution's, each line ending a clause: caught from the lines too.
        ("40-byte preambular paragraphs", { _ in "Recalling its resolutions on the matter,\n" }),
        ("66-byte items under one paragraph", { "(\(Unicode.Scalar(UInt8(97 + $0 % 26)))) to report on the matters of this region and others¹;\n" }),
        ("40-byte numbered paragraphs, a blank between", { "\($0 + 1). Decides to remain seized of it;\n\n" }),
        ("CJK paragraphs of 20 characters", { _ in "回顾其以往关于该问题的各项决议和主席声明，\n" }),
        ("Arabic paragraphs of 40 bytes", { _ in "وإذ يشير إلى قراراته السابقة،\n" }),
    ]

    @Test(arguments: shapes.indices)
    func aDenseTextGoesWholeToOtherInPieces(_ which: Int) {
        let shape = Self.shapes[which]
        let text = Self.text("The Security Council,\n\n", repeating: shape.unit)
        #expect(DenseText.isDense(text), "\(shape.name)")
        let doc = Fixtures.parse(text)
        #expect(doc.preamble.isEmpty && doc.operative.isEmpty && doc.headings.isEmpty && doc.footnotes.isEmpty)
        // Nothing lost, nothing added, nothing reordered.
        #expect(Self.ink(doc.other.map(\.text).joined()) == Self.ink(text), "\(shape.name)")
        // In pieces a reader can page through, not one per line nor one for the whole file.
        #expect(doc.other.count > 4 && doc.other.count < text.utf8.count / 1000, "\(shape.name): \(doc.other.count) pieces")
        #expect(doc.other.allSatisfy { $0.text.utf8.count <= DenseText.pieceBytes + 64 && !$0.text.contains("\n") })
    }

    /// Just under the size, and real text above it, is read line by line as always.
    @Test func realTextAndSmallTextAreNotDense() throws {
        let small = String(repeating: "a\n", count: (DenseText.minimumBytes - 16) / 2)
        #expect(!DenseText.isDense(small))
        // The densest real shape: Chinese pdftotext text, short lines of three-byte characters.
        var text = ""
        let folder = Fixtures.root.appendingPathComponent("Tests/Fixtures/pdftotext-shapes")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".zh.txt") }.sorted()
        try #require(!names.isEmpty)
        let one = try names.map { try String(contentsOfFile: folder.appendingPathComponent($0).path, encoding: .utf8) }.joined(separator: "\n")
        while text.utf8.count < 2 * DenseText.minimumBytes { text += one + "\n" }
        #expect(!DenseText.isDense(text))
        // Operative paragraphs of the English corpus wrapped to a column of a two-column page
        // (36), over 2 MB: read line by line, every paragraph found. (Narrower still, the line
        // records would pass the memory budget: 2 MB wrapped at 28 columns is read unplaced.)
        let corpus = Fixtures.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/sc-2020/en")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".plain.txt") }.sorted()
        try #require(!files.isEmpty, "the corpus is at ../shared/corpus/sc-2020")
        var bodies: [String] = []
        for f in files.prefix(20) {
            for line in try String(contentsOfFile: corpus.appendingPathComponent(f).path, encoding: .utf8).split(separator: "\n") {
                guard let dot = line.firstIndex(of: "."), !line[..<dot].isEmpty, line[..<dot].allSatisfy(\.isNumber) else { continue }
                bodies.append(line[line.index(after: dot)...].trimmingCharacters(in: .whitespaces))
            }
        }
        try #require(bodies.count > 20)
        var narrow = "The Security Council,\n\n", n = 0
        while narrow.utf8.count < 2 * DenseText.minimumBytes {
            n += 1
            var line = "\(n).", lines: [String] = []
            for word in bodies[n % bodies.count].split(separator: " ") {
                if line.count + 1 + word.count > 36 { lines.append(line); line = String(word) } else { line += " " + word }
            }
            narrow += (lines + [line]).joined(separator: "\n") + "\n\n"
        }
        #expect(!DenseText.isDense(narrow))
        let doc = Fixtures.parse(narrow)
        #expect(doc.operative.count == n, "read line by line: \(doc.operative.count) of \(n) paragraphs, \(doc.other.count) in other")
    }

    /// Tiny paragraphs whose lines end in a marker: the count from the lines passes them
    /// over (it never counts a line that might not end a clause), and the blocks, whose
    /// markers are known, show them. Read from the blocks, every character in `other`.
    static let tinyBlockShapes: [(name: String, unit: @Sendable (Int) -> String)] = [
        ("40-byte preambular paragraphs ending in a marker", { _ in "Recalling its resolutions on the matter,¹\n" }),
        ("items ending in a marker", { "(\(Unicode.Scalar(UInt8(97 + $0 % 26)))) to report on the matters of the region;²\n" }),
    ]

    @Test(arguments: tinyBlockShapes.indices)
    func aTextOfTinyParagraphsGoesToOtherFromItsBlocks(_ which: Int) {
        let shape = Self.tinyBlockShapes[which]
        let text = Self.text("The Security Council,\n\n1. Decides:\n", repeating: shape.unit)
        #expect(!DenseText.isDense(text), "\(shape.name): dense in blocks, not in lines")
        let doc = Fixtures.parse(text)
        #expect(doc.preamble.isEmpty && doc.operative.isEmpty && doc.headings.isEmpty, "\(shape.name)")
        #expect(Self.ink(doc.other.map(\.text).joined()) == Self.ink(text), "\(shape.name)")
        #expect(doc.other.count > 4 && doc.other.allSatisfy { $0.text.unicodeScalars.count <= DenseText.pieceBytes + 256 },
                "\(shape.name): \(doc.other.count) pieces")
    }

    /// Blocks are paragraphs, not wrapped lines: joined with a space (nothing in CJK), a
    /// hyphen at a block's end is kept, and markup is cleaned as in paragraphs.
    @Test func blocksAreJoinedWithoutLosingAHyphen() {
        func blocks(_ texts: [String]) -> [SourceBlock] {
            texts.map { SourceBlock(text: Array($0.unicodeScalars), indent: 0, line: 0, afterBreak: false) }
        }
        var spaced = blocks(["well-", "being **of** all", "[the Council](x)"])
        #expect(DenseText.unplaced(taking: &spaced, notes: [], joinWithSpace: true).map(\.text) == ["well- being of all the Council"])
        #expect(spaced.isEmpty)
        var cjk = blocks(["决", "定"])
        let notes = [RawFootnote(number: 1, text: Array("注".unicodeScalars), line: 0)]
        #expect(DenseText.unplaced(taking: &cjk, notes: notes, joinWithSpace: false).map(\.text) == ["决定注"])
    }

    /// A line is trimmed of its indentation and trailing spaces, and the lines of a piece are
    /// joined as wrapped lines are: with a space, or with nothing in CJK.
    @Test func linesAreTrimmedAndJoinedByScript() {
        let text = "  a b  \n\n\tc\r\nd"
        #expect(DenseText.unplaced(text, joinWithSpace: true).map(\.text) == ["a b c d"])
        #expect(DenseText.unplaced("决\n 定 \n", joinWithSpace: false).map(\.text) == ["决定"])
    }
}
