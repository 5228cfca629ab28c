import Foundation
import Testing
import TestSupport
@testable import ResolutionKit

/// PDF in: the committed fixtures (UN-style resolutions typeset from the corpus) read with
/// the structure their truth files give, the same structure as their Markdown; hostile
/// PDFs fail with one clear error. CI installs poppler-utils, so a missing pdftohtml fails.
@Suite struct PDFReaderTests {
    static let folder = Fixtures.root.appendingPathComponent("Tests/Fixtures/pdf").path

    /// The typeset resolutions: `NAME.pdf` beside `NAME.truth.json`.
    static var typeset: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".pdf") && names.contains(String($0.dropLast(4)) + ".truth.json") }
            .sorted().map { folder + "/" + $0 }
    }

    static func truth(_ pdf: String) throws -> CorpusTests.Truth {
        try JSONDecoder().decode(CorpusTests.Truth.self, from: Data(contentsOf: URL(fileURLWithPath: String(pdf.dropLast(4)) + ".truth.json")))
    }

    /// Letters and digits only: quotes, hyphenation and spacing may differ between formats.
    static func essence(_ s: String) -> String {
        String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }

    @Test func popplerIsInstalled() throws {
        #expect(PopplerTool.locate("pdftohtml") != nil, "pdftohtml is missing: install the Debian package poppler-utils (CI does)")
    }

    @Test func fixturesAreThere() {
        #expect(Self.typeset.count >= 4, "typeset PDFs with truth files in \(Self.folder)")
    }

    /// A PDF whose page objects sit in compressed object streams (the same typeset
    /// resolution saved so): the bytes show no page, `pdfinfo` counts them for splitting the
    /// work, and the document read is the same as from the plain file.
    @Test func pagesInObjectStreamsAreCountedByPdfinfo() throws {
        let packed = Self.folder + "/object-streams.pdf", plain = Self.folder + "/S_RES_2505_2020_-2000446E.pdf"
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: packed)))
        #expect(PDFReader.countPages(bytes) == 0)
        #expect(PDFReader.pageCount(bytes, file: packed, path: packed, minimumBytes: 0) == 2)
        #expect(PDFReader.pageCount(bytes, file: packed, path: packed) == 0, "a small file is not worth a process")
        #expect(PDFReader.infoPages(Array("Title: x\nPages:           133\nEncrypted: no\n".utf8)) == 133)
        let a = try ResolutionDocument.load(path: packed), b = try ResolutionDocument.load(path: plain)
        #expect(a.operative.map(\.text) == b.operative.map(\.text))
        #expect(a.preamble.count == b.preamble.count)
    }

    @Test(arguments: typeset)
    func readsTheTruthStructure(_ pdf: String) throws {
        let doc = try ResolutionDocument.load(path: pdf)
        #expect(doc.source.format == .pdf)
        let problems = CorpusTests.problems(doc, try Self.truth(pdf))
        #expect(problems.isEmpty, "\(pdf): \(problems)")
    }

    /// Issue 7 item 4: the same ids and paragraph texts as the corpus's Markdown of the same
    /// resolution, and the same footnotes cited from the same places.
    @Test(arguments: typeset)
    func sameStructureAsTheMarkdown(_ pdf: String) throws {
        let name = URL(fileURLWithPath: pdf).deletingPathExtension().lastPathComponent
        let truth = try Self.truth(pdf)
        let language = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: String(pdf.dropLast(4)) + ".truth.json"))) as? [String: Any])["language"] as? String
        let md = CorpusTests.corpus + "/\(language ?? "")/\(name).md.txt"
        try #require(FileManager.default.fileExists(atPath: md), "the corpus holds \(md)")
        let fromPDF = try ResolutionDocument.load(path: pdf), fromMD = try ResolutionDocument.load(path: md)
        #expect(CorpusTests.problems(fromMD, truth).filter { !$0.hasPrefix("footnotes") }.isEmpty)
        // The typesetting may add footnotes the corpus text lacks (its truth file counts them):
        // compare notes and markers only when the Markdown has them too.
        let withNotes = !fromMD.footnotes.isEmpty
        let pdfUnits = fromPDF.units.filter { withNotes || !$0.id.hasPrefix("fn") }
        #expect(pdfUnits.map(\.id) == fromMD.units.map(\.id))
        for (a, b) in zip(pdfUnits, fromMD.units) {
            #expect(Self.essence(a.text) == Self.essence(b.text), "\(name) \(a.id):\nPDF: \(a.text)\nMD:  \(b.text)")
            if withNotes { #expect(a.footnoteRefs.map(\.number) == b.footnoteRefs.map(\.number), "\(name) \(a.id) markers") }
        }
        if withNotes { #expect(fromPDF.footnotes.map { Self.essence($0.text) } == fromMD.footnotes.map { Self.essence($0.text) }) }
    }

    /// Headers, footers, job numbers and page numbers leave the text; the footnotes'
    /// small type does not run into the paragraphs; no bidi control or tatweel survives.
    @Test(arguments: typeset)
    func pageFurnitureStaysOutOfTheText(_ pdf: String) throws {
        let doc = try ResolutionDocument.load(path: pdf)
        #expect(!doc.furniture.isEmpty)
        #expect(doc.furniture.contains { Furniture.isJobNumber(trimmed(Array($0.unicodeScalars.prefix(while: { $0 != ")" })) + [")"])) })
        let bodyText = doc.units.map(\.text).joined(separator: "\n")
        // Job numbers (`20-07257 (F)`) never belong to the text; a running header's words may.
        for line in doc.furniture {
            let job = line.split(separator: " ").prefix(2).joined(separator: " ")
            if Furniture.isJobNumber(Array(job.unicodeScalars)) { #expect(!bodyText.contains(job), "\(pdf): furniture in text: \(job)") }
        }
        let forbidden: [ClosedRange<UInt32>] = [0x0640...0x0640, 0x200E...0x200F, 0x202A...0x202E, 0x2066...0x2069]
        let all = bodyText + doc.footnotes.map(\.text).joined()
        #expect(!all.unicodeScalars.contains { s in forbidden.contains { $0.contains(s.value) } })
        #expect(!all.unicodeScalars.contains { $0 == Chars.markerSeparator })
    }

    // MARK: hostile files

    @Test(arguments: ["encrypted-user-password.pdf", "encrypted-no-copy.pdf"])
    func encryptedPDFsAreRefused(_ name: String) throws {
        let path = Self.folder + "/" + name
        #expect(throws: DocumentError.encrypted(path: path)) { try ResolutionDocument.load(path: path) }
        #expect(DocumentError.encrypted(path: path).description.contains("encrypted"))
    }

    @Test func aScanWithNoTextLayerAsksForOCR() throws {
        let path = try Self.write(HandMadePDF.imageOnly(), name: "scan.pdf")
        defer { unlink(path) }
        #expect(throws: DocumentError.noTextLayer(path: path)) { try ResolutionDocument.load(path: path) }
        #expect(DocumentError.noTextLayer(path: path).description.contains("ocrmypdf"))
    }

    @Test func aCorruptPDFIsSaidToBeCorrupt() throws {
        var bytes = Array("%PDF-1.7\n".utf8)
        bytes += (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) }
        let path = try Self.write(bytes, name: "corrupt.pdf")
        defer { unlink(path) }
        #expect {
            try ResolutionDocument.load(path: path)
        } throws: { error in
            guard case DocumentError.corrupt(let p, _) = error else { return false }
            return p == path
        }
    }

    @Test func aMissingPopplerNamesItsPackage() throws {
        #expect(throws: DocumentError.toolMissing(path: "x.pdf", tool: "pdftohtml", package: "poppler-utils")) {
            try PopplerTool.run("pdftohtml", ["-v"], file: "x.pdf", searchPath: "")
        }
        #expect(DocumentError.toolMissing(path: "x.pdf", tool: "pdftohtml", package: "poppler-utils").description.contains("`poppler-utils`"))
    }

    /// The text of a PDF that is not where its bytes say (read from elsewhere) goes through a private copy.
    @Test func bytesWithoutTheirFileStillRead() throws {
        let pdf = try #require(Self.typeset.first)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: pdf)))
        let doc = try ResolutionParser.parse(bytes: bytes, path: "elsewhere/copy.pdf")
        #expect(CorpusTests.problems(doc, try Self.truth(pdf)).isEmpty)
    }

    /// Writes `bytes` to a new file in this test run's scratch folder, which goes when the run ends.
    static func write(_ bytes: [UInt8], name: String) throws -> String {
        let path = try TestScratch.folder() + "/\(UUID().uuidString)-\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// Right-to-left lines come from poppler in visual order; the reader gives logical order.
@Suite struct BidiOrderTests {
    /// What a renderer shows for `logical` in a right-to-left paragraph, as poppler reports
    /// it: left to right, Arabic reversed, LTR runs kept.
    static func cells(_ visual: String) -> [PDFCell] { visual.unicodeScalars.map { PDFCell(scalar: $0) } }
    static func text(_ cells: [PDFCell]) -> String { String(String.UnicodeScalarView(cells.map(\.scalar))) }

    @Test func numbersKeepTheirOrderAndParenthesesTheirPlace() {
        // Logical `القرار 2558 (2020)`: shown as `)2020( 2558 رارقلا` left to right.
        let visual = ")2020( 2558 " + String("القرار".reversed())
        #expect(Self.text(BidiOrder.logical(fromVisual: Self.cells(visual))) == "القرار 2558 (2020)")
    }

    @Test func aSymbolInsideArabicStaysWhole() {
        // Logical `القرار S/RES/2562 (2021) المؤرخ`.
        let visual = String("المؤرخ".reversed()) + " )S/RES/2562 (2021 " + String("القرار".reversed())
        #expect(Self.text(BidiOrder.logical(fromVisual: Self.cells(visual))) == "القرار S/RES/2562 (2021) المؤرخ")
    }

    @Test func aYearAndTheSymbolInItsBracketsReadInOrder() {
        // Logical `آب/أغسطس 2011 (S/PRST/2011/16) و`: the brackets and the space take the
        // line's direction, the year and the symbol are each set left to right.
        let visual = String("و".reversed()) + " )S/PRST/2011/16( 2011 " + String("أغسطس".reversed())
        #expect(Self.text(BidiOrder.logical(fromVisual: Self.cells(visual))) == "أغسطس 2011 (S/PRST/2011/16) و")
        // A bracket inside the symbol stays in it.
        let nested = ")PSC/PR/COMM.(CMXXVII)( 2020 " + String("المؤرخ".reversed())
        #expect(Self.text(BidiOrder.logical(fromVisual: Self.cells(nested))) == "المؤرخ 2020 (PSC/PR/COMM.(CMXXVII))")
        // Latin words in the brackets keep their order.
        let words = ")Security Council report( 2020 " + String("المؤرخ".reversed())
        #expect(Self.text(BidiOrder.logical(fromVisual: Self.cells(words))) == "المؤرخ 2020 (Security Council report)")
    }

    /// The typeset Arabic fixtures (LibreOffice) cite documents by date as the DOCX does:
    /// `2011 (S/PRST/2011/16)`, never `S/PRST/2011/16( 2011)`.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: FormatCorpusTests.fixtures + "/ar")))
    func typesetPDFsCiteSymbolsAfterTheirYears() throws {
        let dir = FormatCorpusTests.fixtures + "/ar"
        var turned = 0, inOrder = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).filter({ $0.hasSuffix(".pdf") }) {
            let doc = try ResolutionDocument.load(path: dir + "/" + name)
            for p in doc.preamble + doc.operative {
                turned += p.text.matches(of: /[A-Z]\/[A-Z0-9\/]+\( [0-9]{4}\)/).count
                inOrder += p.text.matches(of: /[0-9]{4} \([A-Z]+\/[A-Z0-9\/]+\)/).count
            }
        }
        #expect(turned == 0)
        #expect(inOrder >= 1)
    }

    @Test func datesAndDecimalsStayNumbers() {
        let visual = "2020/12 " + String("في".reversed()) + " 2.5 " + String("نسبة".reversed())
        #expect(Self.text(BidiOrder.logical(fromVisual: Self.cells(visual))) == "نسبة 2.5 في 2020/12")
    }
}

/// PDFs written byte by byte, for inputs LibreOffice would never make.
enum HandMadePDF {
    /// One A4 page that paints a small grey image and holds no text: what a scanner makes.
    static func imageOnly() -> [UInt8] {
        let content = "q 400 0 0 300 100 400 cm BI /W 4 /H 4 /CS /G /BPC 8 ID 8888888888888888 EI Q"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
            "<< /Length \(Array(content.utf8).count) >>\nstream\n\(content)\nendstream",
        ]
        var out = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(i + 1) 0 obj\n\(o)\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for o in offsets { out += Array((String(repeating: "0", count: 10 - String(o).count) + "\(o) 00000 n \n").utf8) }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }
}
