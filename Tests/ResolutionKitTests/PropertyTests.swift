import Foundation
import Testing
@testable import ResolutionKit

/// The same resolution presented differently reads the same; nothing random crashes.
@Suite struct PropertyTests {
    /// A small deterministic generator, so that a failure can be replayed from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Hard-wraps every paragraph line at `columns` display columns the way a PDF
    /// extraction does: the first line indented, continuation lines at the margin,
    /// footnote lines kept as they are.
    static func rewrap(_ text: String, columns: Int) -> String {
        var out: [String] = []
        for line in text.components(separatedBy: "\n") {
            let s = Array(line.unicodeScalars)
            if s.first.map({ Chars.superscriptValue($0) != nil }) == true || approxColumns(s) <= columns {
                out.append(line.isEmpty ? "" : " " + line)
                continue
            }
            var piece = String.UnicodeScalarView()
            var width = 0
            var first = true
            for c in s {
                let w = Chars.isWide(c) ? 2 : 1
                if width + w > columns {
                    out.append((first ? " " : "") + String(piece))
                    piece = String.UnicodeScalarView(); width = 0; first = false
                }
                piece.append(c); width += w
            }
            if !piece.isEmpty { out.append((first ? " " : "") + String(piece)) }
        }
        return out.joined(separator: "\n")
    }

    /// Ids, footnote numbers and texts — without spaces, which a hard wrap may take away
    /// between a number and a CJK character.
    static func wrapShape(_ doc: ResolutionDocument) -> [String] {
        doc.units.map { "\($0.id)|\($0.text.replacingOccurrences(of: " ", with: ""))|\($0.footnoteRefs.map(\.number))" }
    }

    @Test(arguments: ["000", "004"])
    func rewrappingAtRandomWidthsKeepsTheStructure(_ seed: String) throws {
        let text = Fixtures.seedText(seed)
        let reference = Self.wrapShape(Fixtures.parse(text))
        var rng = SplitMix(state: UInt64(seed)! &+ 7)
        for _ in 0..<6 {
            let width = Int.random(in: 56...120, using: &rng)
            let shape = Self.wrapShape(Fixtures.parse(Self.rewrap(text, columns: width)))
            let diff = zip(shape, reference).first { $0 != $1 }
            #expect(shape == reference, "width \(width): \(diff.map { "\($0.0.prefix(80))… ≠ \($0.1.prefix(80))…" } ?? "\(shape.count) ≠ \(reference.count) units")")
        }
    }

    @Test(arguments: ["000", "002", "004"])
    func strippingBoldMarkupKeepsTheStructure(_ seed: String) throws {
        let text = Fixtures.seedText(seed)
        let plain = Fixtures.parse(text.replacingOccurrences(of: "**", with: ""))
        let styled = Fixtures.parse(text)
        #expect(plain.units.map(\.id) == styled.units.map(\.id))
        // Texts agree except where bold markup had stood between CJK text and a space.
        let differing = zip(plain.units, styled.units).filter {
            $0.text.replacingOccurrences(of: " ", with: "") != $1.text.replacingOccurrences(of: " ", with: "")
        }
        #expect(differing.isEmpty, "\(differing.first.map { "\($0.0.id): \($0.0.text)" } ?? "")")
    }

    @Test func randomBytesNeverCrash() {
        var rng = SplitMix(state: 42)
        for n in 0..<300 {
            let count = Int.random(in: 0...2000, using: &rng)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if n % 3 == 0 { bytes = bytes.map { $0 == 0 ? 0x20 : $0 } }
            do {
                let doc = try ResolutionParser.parse(bytes: bytes, path: "random")
                _ = DocumentJSON.encode(doc)
                _ = TextRenderer(width: 60).render(doc)
            } catch let error as DocumentError {
                #expect(!error.description.isEmpty)
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func randomTextMadeOfResolutionPiecesNeverCrashesAndLosesNothing() {
        var rng = SplitMix(state: 7)
        let pieces = Fixtures.seedText("000").components(separatedBy: "\n") + Fixtures.seedText("003").components(separatedBy: "\n")
            + ["", "1.", "(a)", "¹", "²³", "**", "[x](#)", "经济及社会理事会，", "   ", "____", "\u{1B}[2J", "第 号决议", "A/"]
        for _ in 0..<150 {
            let lines = (0..<Int.random(in: 1...60, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
            let text = lines.joined(separator: Bool.random(using: &rng) ? "\n" : "\n\n")
            let doc = Fixtures.parse(text)
            _ = DocumentJSON.encode(doc)
            _ = MarkdownRenderer().render(doc)
            // Nothing lost: every Han character of the input appears in the output.
            let han = { (s: String) -> Int in s.unicodeScalars.filter(Chars.isHan).count }
            var out = doc.preface + doc.units.map(\.text) + doc.closing.lines + doc.furniture + doc.other.map(\.text)
            out += doc.footnotes.map(\.text)
            let labels = doc.units.compactMap(\.label).joined()
            #expect(han(out.joined()) + han(labels) >= han(text))
        }
    }
}
