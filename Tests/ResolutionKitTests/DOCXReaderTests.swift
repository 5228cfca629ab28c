import Foundation
import Testing
@testable import ResolutionKit

/// Word documents built here from hand-written WordprocessingML (and committed fixtures made
/// with LibreOffice): numbering, styles, footnotes, tracked changes, right-to-left text.
@Suite struct DOCXReaderTests {
    let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    func document(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(ns)><w:body>\(body)</w:body></w:document>"
    }

    func docx(_ body: String, styles: String? = nil, numbering: String? = nil, footnotes: String? = nil,
              endnotes: String? = nil) throws -> [UInt8] {
        var parts: [(String, [UInt8])] = [("word/document.xml", Array(document(body).utf8))]
        if let styles { parts.append(("word/styles.xml", Array("<w:styles \(ns)>\(styles)</w:styles>".utf8))) }
        if let numbering { parts.append(("word/numbering.xml", Array("<w:numbering \(ns)>\(numbering)</w:numbering>".utf8))) }
        if let footnotes { parts.append(("word/footnotes.xml", Array("<w:footnotes \(ns)>\(footnotes)</w:footnotes>".utf8))) }
        if let endnotes { parts.append(("word/endnotes.xml", Array("<w:endnotes \(ns)>\(endnotes)</w:endnotes>".utf8))) }
        return try DOCXHostileInputTests.zip(parts)
    }

    func parse(_ bytes: [UInt8]) throws -> ResolutionDocument {
        try ResolutionParser.parse(bytes: bytes, path: "test.docx")
    }

    func p(_ runs: String, pPr: String = "") -> String { "<w:p>\(pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>")\(runs)</w:p>" }
    func r(_ text: String, _ rPr: String = "") -> String {
        "<w:r>\(rPr.isEmpty ? "" : "<w:rPr>\(rPr)</w:rPr>")<w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
    }
    var formula: String { p(r("The Security Council", "<w:i/>") + r(",")) }

    @Test func automaticNumberingGivesTheNumbersWordShows() throws {
        // Level 0 `%1.` decimal from 1, level 1 `(%2)` lowerLetter, level 2 `(%3)` lowerRoman;
        // list 7 continues list 5's abstract definition; list 9 restarts it at 4.
        let numbering = """
        <w:abstractNum w:abstractNumId="3">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>
        <w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>
        <w:num w:numId="9"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
        """
        func item(_ num: Int, _ level: Int, _ runs: String) -> String {
            p(runs, pPr: "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(num)\"/></w:numPr>")
        }
        let body = formula
            + p(r("Recalling", "<w:i/>") + r(" its earlier decisions on the matter,"))
            + item(5, 0, r("Decides", "<w:i/>") + r(" that the mission shall:"))
            + item(5, 1, r("monitor the ceasefire;"))
            + item(5, 2, r("in the north;"))
            + item(5, 2, r("in the south;"))
            + item(5, 1, r("report monthly;"))
            + item(7, 0, r("Requests", "<w:i/>") + r(" the Secretary-General to report;"))
            + item(7, 1, r("on the first matter;"))
            + item(9, 0, r("Decides", "<w:i/>") + r(" to remain seized of the matter."))
        let doc = try parse(try docx(body, numbering: numbering))
        #expect(doc.source.format == .docx)
        #expect(doc.preamble.map(\.lead) == ["Recalling"])
        // The third list restarts at 4, so its paragraph is not the expected 3: it is kept, not renumbered.
        #expect(doc.operative.map(\.number) == [1, 2])
        #expect(doc.operative.map(\.lead) == ["Decides", "Requests"])
        #expect(doc.operative[0].subparagraphs.map(\.label) == ["a", "b"])
        #expect(doc.operative[0].subparagraphs[0].subparagraphs.map(\.label) == ["i", "ii"])
        // Level 1 restarted under the second operative paragraph.
        #expect(doc.operative[1].subparagraphs.map(\.label) == ["a"])
        #expect(doc.other.contains { $0.text.hasPrefix("4.") })
    }

    @Test func italicsComeFromStylesAlongBasedOnChains() throws {
        // "Verb" is a character style based on "Emph", which is italic; "Pre" is a paragraph
        // style whose runs are italic unless a run turns it off.
        let styles = """
        <w:style w:type="character" w:styleId="Emph"><w:rPr><w:i/></w:rPr></w:style>
        <w:style w:type="character" w:styleId="Verb"><w:basedOn w:val="Emph"/></w:style>
        <w:style w:type="paragraph" w:styleId="Pre"><w:rPr><w:iCs/></w:rPr></w:style>
        """
        let body = formula
            + p(r("Expressing concern", "<w:rStyle w:val=\"Verb\"/>") + r(" at the situation,"))
            + p(r("Taking note") + r(" of the report,", "<w:i w:val=\"0\"/><w:iCs w:val=\"0\"/>"), pPr: "<w:pStyle w:val=\"Pre\"/>")
            + p(r("1.") + "<w:r><w:tab/></w:r>" + r("Welcomes", "<w:rStyle w:val=\"Verb\"/>") + r(" the progress made;"))
        let doc = try parse(try docx(body, styles: styles))
        #expect(doc.preamble.map(\.lead) == ["Expressing concern", "Taking note"])
        #expect(doc.operative.map(\.lead) == ["Welcomes"])
        #expect(doc.operative.first?.text == "Welcomes the progress made;")
        // A paragraph in italics throughout has no italic opener: the word list finds it.
        let allItalic = try parse(try docx(formula + p(r("Recalling its earlier resolutions on the question,", "<w:i/>"))
                                          + p(r("1. Decides to remain seized of the matter."))))
        #expect(allItalic.preamble.first?.lead == "Recalling")
    }

    @Test func footnotesAreNumberedByFirstReferenceAndPlacedWhereReferenced() throws {
        let footnotes = """
        <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
        <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
        <w:footnote w:id="8"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See S/2020/100.</w:t></w:r></w:p></w:footnote>
        <w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Resolution 70/1.</w:t></w:r></w:p></w:footnote>
        <w:footnote w:id="4"><w:p><w:r><w:t>Never referenced.</w:t></w:r></w:p></w:footnote>
        """
        func ref(_ id: Int) -> String { "<w:r><w:footnoteReference w:id=\"\(id)\"/></w:r>" }
        let body = formula
            + p(r("Recalling", "<w:i/>") + r(" the report") + ref(8) + r(" and the agenda") + ref(2) + r(","))
            + p(r("1. Decides to remain seized of the matter."))
        let doc = try parse(try docx(body, footnotes: footnotes))
        #expect(doc.footnotes.map(\.number) == [1, 2])
        #expect(doc.footnotes.map(\.text) == ["See S/2020/100.", "Resolution 70/1."])
        let pp = try #require(doc.preamble.first)
        #expect(pp.text == "Recalling the report and the agenda,")
        #expect(pp.footnoteRefs == [FootnoteRef(number: 1, offset: 20), FootnoteRef(number: 2, offset: 35)])
        #expect(doc.footnotes[0].citedBy == ["pp1"])
    }

    @Test func endnotesAreNotesToo() throws {
        // Endnote ids overlap footnote ids; both kinds must survive, in order of reference.
        let footnotes = "<w:footnote w:id=\"2\"><w:p><w:r><w:t>A footnote.</w:t></w:r></w:p></w:footnote>"
        let endnotes = "<w:endnote w:id=\"2\"><w:p><w:r><w:t>An endnote.</w:t></w:r></w:p></w:endnote>"
        let body = formula
            + p(r("Recalling", "<w:i/>") + r(" the report") + "<w:r><w:endnoteReference w:id=\"2\"/></w:r>"
                + r(" and the letter") + "<w:r><w:footnoteReference w:id=\"2\"/></w:r>" + r(","))
            + p(r("1. Decides to remain seized of the matter."))
        let doc = try parse(try docx(body, footnotes: footnotes, endnotes: endnotes))
        #expect(doc.footnotes.map(\.text) == ["An endnote.", "A footnote."])
        #expect(doc.preamble.first?.footnoteRefs.map(\.number) == [1, 2])
    }

    @Test func trackedChangesAreAppliedAndRecordedNeverDropped() throws {
        let body = formula
            + p(r("Recalling", "<w:i/>") + r(" its resolutions,"))
            + p(r("1. ") + r("Decides", "<w:i/>") + r(" to extend the mandate ")
                + "<w:del w:id=\"1\" w:author=\"Drafter A\" w:date=\"2020-05-01T10:00:00Z\"><w:r><w:delText>for six months</w:delText></w:r></w:del>"
                + "<w:ins w:id=\"2\" w:author=\"Drafter B\" w:date=\"2020-05-02T11:00:00Z\"><w:r><w:t>until 31 December 2020</w:t></w:r></w:ins>"
                + r(";"))
            + p(r("2. Decides to remain seized of the matter."))
        let doc = try parse(try docx(body))
        let op1 = try #require(doc.operative.first)
        #expect(op1.text == "Decides to extend the mandate until 31 December 2020;")
        let changes = try #require(doc.revisions)
        #expect(changes.count == 2)
        let deletion = try #require(changes.first { $0.kind == .delete })
        #expect(deletion.unit == "op1")
        #expect(deletion.text == "for six months")
        #expect(deletion.author == "Drafter A")
        #expect(deletion.date == "2020-05-01T10:00:00Z")
        let insertion = try #require(changes.first { $0.kind == .insert })
        #expect(insertion.unit == "op1")
        let scalars = Array(op1.text.unicodeScalars)
        let inserted = String(String.UnicodeScalarView(scalars[insertion.offset..<(insertion.offset + insertion.text.unicodeScalars.count)]))
        #expect(inserted == insertion.text)
        #expect(deletion.offset == insertion.offset)
        // Shown to people and written to the JSON.
        let text = TextRenderer(width: 100).render(doc)
        #expect(text.contains("⟨tracked: deleted “for six months” by Drafter A"))
        #expect(text.contains("⟨tracked: inserted “until 31 December 2020” by Drafter B"))
        let json = String(decoding: DocumentJSON.encode(doc), as: UTF8.self)
        #expect(json.contains("\"revisions\": ["))
        #expect(json.contains("\"kind\": \"delete\""))
    }

    @Test func aDeletedParagraphMarkJoinsTheParagraphsAndIsRecorded() throws {
        let deletedMark = "<w:rPr><w:del w:id=\"7\" w:author=\"Editor\" w:date=\"2020-06-01T00:00:00Z\"/></w:rPr>"
        let body = formula
            + p(r("1. Decides to extend the mandate "), pPr: deletedMark)   // Word joins the texts as they are
            + p(r("until 31 December 2020;"))
            + p(r("2. Decides to remain seized of the matter."))
        let doc = try parse(try docx(body))
        #expect(doc.operative.map(\.text) == ["Decides to extend the mandate until 31 December 2020;",
                                               "Decides to remain seized of the matter."])
        #expect(doc.other.isEmpty)
        let change = try #require(doc.revisions?.first)
        #expect(change.kind == .delete && change.text == "¶" && change.unit == "op1" && change.author == "Editor")
        #expect(change.offset == "Decides to extend the mandate ".unicodeScalars.count)
    }

    @Test func documentsWithoutChangesWriteNoRevisionsKey() throws {
        let doc = try parse(try docx(formula + p(r("1. Decides to remain seized of the matter."))))
        #expect(doc.revisions == nil)
        #expect(!String(decoding: DocumentJSON.encode(doc), as: UTF8.self).contains("revisions"))
    }

    @Test func rightToLeftParagraphsLoseBidiControlsAndTatweel() throws {
        let body = p(r("إن مجلس الأمن،"), pPr: "<w:bidi/>")
            + p(r("\u{200F}إذ يشير", "<w:iCs/>") + r(" إلى قراراته الســـابقة\u{202B}،\u{202C}"), pPr: "<w:bidi/>")
            + p(r("1 - ") + r("يقـرر", "<w:iCs/>") + r(" أن يبقي المسألة قيد نظره."), pPr: "<w:bidi/>")
        let doc = try parse(try docx(body))
        #expect(doc.language == "ar")
        #expect(doc.preamble.first?.text == "إذ يشير إلى قراراته السابقة،")
        #expect(doc.operative.first?.text == "يقرر أن يبقي المسألة قيد نظره.")
        let all = doc.units.map(\.text).joined()
        #expect(!all.unicodeScalars.contains { DOCXBlockBuilder.isInvisibleShaping($0) || $0 == "\u{0640}" })
        // A tatweel that spells a letter's form, as in the label `هـ`, is text.
        #expect(DOCXBlockBuilder.withoutJustificationTatweel("(هـ) الســـابقة") == "(هـ) السابقة")
    }

    @Test func lineBreaksAndColumnTabsSeparateLinesAndSectionBreaksRejoinAParagraph() throws {
        // The masthead puts the symbol after a tab; the title and adoption line share a
        // paragraph across a line break; a section break cuts a preambular paragraph in two.
        let body = p(r("United Nations") + "<w:r><w:tab/></w:r>" + r("S/RES/2532 (2020)"))
            + p(r("Security Council"))
            + p(r("Resolution 2532 (2020)") + "<w:r><w:br/></w:r>" + r("Adopted by the Security Council at its 8000th meeting, on 1 July 2020"))
            + formula
            + p(r("Recalling", "<w:i/>") + r(" its resolutions on the implementation of the "), pPr: "<w:sectPr/>")
            + p(r("national architecture and its earlier decisions,"))
            // Cut mid-line where the page style changes: the text before the break ends in a space.
            + p(r("Further welcoming", "<w:i/>") + r(" the elections that are free, fair, credible and, "), pPr: "<w:sectPr/>")
            + p(r("welcoming also", "<w:i/>") + r(" the dialogue,"))
            + p(r("1.") + "<w:r><w:tab/></w:r>" + r("Decides", "<w:i/>") + r(" to remain seized of the matter."))
        let doc = try parse(try docx(body))
        #expect(doc.meta.symbol == "S/RES/2532 (2020)")
        #expect(doc.meta.status == .adopted)
        #expect(doc.meta.date == "2020-07-01")
        #expect(doc.preamble.map(\.text) == ["Recalling its resolutions on the implementation of the national architecture and its earlier decisions,",
                                             "Further welcoming the elections that are free, fair, credible and, welcoming also the dialogue,"])
        #expect(doc.operative.first?.text == "Decides to remain seized of the matter.")
    }

    @Test func automaticBulletsAndCustomFootnoteMarksLoseNothing() throws {
        let numbering = """
        <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\u{F0B7}"/></w:lvl></w:abstractNum>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        """
        let footnotes = """
        <w:footnote w:id="3"><w:p><w:r><w:t>Custom note.</w:t></w:r></w:p></w:footnote>
        <w:footnote w:id="4"><w:p><w:r><w:t>Plain note.</w:t></w:r></w:p></w:footnote>
        """
        let bullet = "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr>"
        let body = formula
            + p(r("1. Requests", "") + r(" a report") + "<w:r><w:footnoteReference w:customMarkFollows=\"1\" w:id=\"3\"/><w:t>*</w:t></w:r>"
                + r(" covering") + "<w:r><w:footnoteReference w:id=\"4\"/></w:r>" + r(":"))
            + p(r("the first matter;"), pPr: bullet)
            + p(r("the second matter."), pPr: bullet)
        let doc = try parse(try docx(body, numbering: numbering, footnotes: footnotes))
        let op = try #require(doc.operative.first)
        #expect(op.text == "Requests a report covering:")
        #expect(op.subparagraphs.map(\.text) == ["the first matter;", "the second matter."])
        #expect(doc.footnotes.map(\.text) == ["Custom note.", "Plain note."])
        #expect(op.footnoteRefs.map(\.number) == [1, 2])
    }

    @Test func aDocumentPartPastTenMegabytesReads() throws {
        // libxml2 refuses one buffer this large; the reader streams it. Long paragraphs keep
        // the count (and the debug-build time) down; the part is stored, not deflated.
        let clause = String(repeating: " to keep this paragraph as long as it needs to be to fill the part,", count: 60)
        var body = formula
        var n = 0
        while body.utf8.count < 11 << 20 {
            n += 1
            body += p(r("\(n).") + "<w:r><w:tab/></w:r>" + r("Decides", "<w:i/>") + r(clause + " and so on;"))
        }
        let bytes = try DOCXHostileInputTests.zip([("word/document.xml", Array(document(body).utf8))], deflate: false)
        let doc = try parse(bytes)
        #expect(doc.operative.count == n)
        #expect(doc.operative.last?.number == n)
    }

    @Test func numberFormatsSpellAsWordDoes() {
        #expect(WordNumbering.format(4, "lowerRoman") == "iv")
        #expect(WordNumbering.format(14, "upperRoman") == "XIV")
        #expect(WordNumbering.format(27, "lowerLetter") == "aa")
        #expect(WordNumbering.format(3, "upperLetter") == "C")
        #expect(WordNumbering.format(7, "decimalZero") == "07")
        #expect(WordNumbering.format(5, "arabicAbjad") == "هـ")
        #expect(WordNumbering.format(3, "arabicAlpha") == "ت")
        #expect(WordNumbering.format(10, "russianLower") == "к")   // й is skipped
        #expect(WordNumbering.format(12, "chineseCounting") == "十二")
        #expect(WordNumbering.format(3, "ideographTraditional") == "丙")
    }
}
