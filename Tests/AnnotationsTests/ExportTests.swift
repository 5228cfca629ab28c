// Every export is parsed back: CSV with a strict RFC 4180 reader, JSON decoded, W3C checked
// for the Web Annotation shape with offsets in code points.

import Foundation
import ResolutionKit
import Testing
@testable import Annotations

@Suite struct ExportTests {
    /// Two documents with tags, notes (one formula-like, one multi-line with quotes and commas),
    /// a subparagraph, a footnote, an astral-plane character and an orphan.
    func fixture(_ dir: String) throws -> [(document: ResolutionDocument, snapshot: SidecarSnapshot)] {
        var operative = Fixture.operative
        operative[1] = "Requests the Secretary-General 𝒳 to submit a report, \"in full\", on the implementation;"
        let a = Fixture.document(path: dir + "/a.txt", preamble: Fixture.preamble, operative: operative,
                                 footnotes: ["See A/C.2/59/3 and A/60/687."], subparagraphs: [3: ["in national statistics offices;"]])
        let storeA = SidecarStore(documentPath: a.source.path)
        _ = try storeA.addTags(["support", "priority"], paragraph: "op2", document: a)
        _ = try storeA.setNote("=HYPERLINK(\"http://evil\")", paragraph: "op2", document: a)
        _ = try storeA.setNote("Line one, with \"quotes\"\nline two", paragraph: "pp2", document: a)
        _ = try storeA.addTags(["amend"], paragraph: "op3.a", document: a)
        _ = try storeA.addTags(["question"], paragraph: "fn1", document: a)
        _ = try storeA.setNote("-5% is too low", paragraph: "op5", document: a)
        _ = try storeA.setQuote("submit a report", paragraph: "op2", document: a)
        // op4 gets reworded entirely: its note becomes an orphan.
        _ = try storeA.setNote("@mention our capital", paragraph: "op4", document: a)
        operative[3] = "Calls upon all donors to increase voluntary contributions to the trust fund without delay;"
        let revised = Fixture.document(path: dir + "/a.txt", preamble: Fixture.preamble, operative: operative,
                                       footnotes: ["See A/C.2/59/3 and A/60/687."], subparagraphs: [3: ["in national statistics offices;"]])
        let b = Fixture.document(path: dir + "/b.txt", preamble: ["回顾信息社会世界峰会成果文件，"],
                                 operative: ["欢迎并敦促充分执行大会第 70/125 号决议；"], symbol: "E/RES/2099/17",
                                 title: "评估进展", language: "zh")
        let storeB = SidecarStore(documentPath: b.source.path)
        _ = try storeB.addTags(["support"], paragraph: "op1", document: b)
        _ = try storeB.setNote("+ 支持", paragraph: "op1", document: b)
        return [(revised, try storeA.load(for: revised)), (b, try storeB.load(for: b))]
    }

    @Test func csvParsesBackAndNeutralisesFormulas() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let items = try fixture(dir)
        let csv = Exporter.export(items, format: .csv)
        let rows = try CSVReader.parse(csv)
        #expect(rows.first == CSVExport.header)
        let header = rows[0]
        let records = rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
        #expect(records.map { $0["paragraph"]! } == ["pp2", "op2", "op3.a", "op5", "fn1", "op4", "op1"])
        let op2 = try #require(records.first { $0["paragraph"] == "op2" })
        #expect(op2["tags"] == "priority;support")
        #expect(op2["note"] == "'=HYPERLINK(\"http://evil\")")
        #expect(op2["text"]?.contains("𝒳") == true)
        #expect(op2["quote"] == "submit a report")
        #expect(op2["number"] == "2" && op2["kind"] == "operative" && op2["symbol"] == "A/RES/80/1")
        #expect(records.first { $0["paragraph"] == "pp2" }?["note"] == "Line one, with \"quotes\"\nline two")
        #expect(records.first { $0["paragraph"] == "op5" }?["note"] == "'-5% is too low")
        #expect(records.first { $0["paragraph"] == "op4" }?["note"] == "'@mention our capital")
        #expect(records.first { $0["paragraph"] == "op4" }?["orphan"] == "yes")
        #expect(records.first { $0["paragraph"] == "op1" }?["note"] == "'+ 支持")
        #expect(records.first { $0["paragraph"] == "op3.a" }?["number"] == "3(a)")
        // No cell at all starts with a formula character.
        for row in rows { for cell in row { #expect(!["=", "+", "-", "@"].contains(cell.first.map(String.init) ?? "")) } }
        // --bom: one byte-order mark, then the same bytes.
        let withBOM = Exporter.export(items, format: .csv, bom: true)
        #expect(Array(withBOM.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(withBOM.dropFirst()) == csv)
        // --tag filters.
        let tagged = try CSVReader.parse(Exporter.export(items, format: .csv, tag: "support"))
        #expect(tagged.dropFirst().map { $0[3] } == ["op2", "op1"])
    }

    @Test func jsonIsAFlatArrayWithEveryField() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let items = try fixture(dir)
        let json = Exporter.export(items, format: .json)
        #expect(json.hasSuffix("]\n"))
        let records = try JSONDecoder().decode([ExportRecord].self, from: Data(json.utf8))
        #expect(records.count == 7)
        let op2 = try #require(records.first { $0.paragraph == "op2" })
        #expect(op2.file == dir + "/a.txt" && op2.symbol == "A/RES/80/1" && op2.title == "Test resolution")
        #expect(op2.kind == "operative" && op2.number == "2" && op2.lead == "Requests")
        #expect(op2.tags == ["priority", "support"] && op2.note == "=HYPERLINK(\"http://evil\")")
        #expect(op2.text.hasPrefix("Requests the Secretary-General 𝒳") && op2.quote == "submit a report")
        #expect(records.first { $0.paragraph == "op4" }?.orphan == true)
        // Flat: every object has the same keys, values are strings, arrays of strings, booleans or null.
        let raw = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let keys = Set(raw[0].keys)
        #expect(keys.isSuperset(of: ["file", "symbol", "title", "paragraph", "kind", "number", "lead", "tags", "note",
                                     "text", "author", "created", "modified"]))
        for object in raw {
            #expect(Set(object.keys) == keys)
            for value in object.values { #expect(!(value is [String: Any])) }
        }
    }

    @Test func w3cIsAnAnnotationCollectionWithCodePointSelectors() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let items = try fixture(dir)
        let text = Exporter.export(items, format: .w3c)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["@context"] as? String == "http://www.w3.org/ns/anno.jsonld")
        #expect(root["type"] as? String == "AnnotationCollection")
        #expect(root["total"] as? Int == 7)
        let page = try #require(root["first"] as? [String: Any])
        #expect(page["type"] as? String == "AnnotationPage")
        let annotations = try #require(page["items"] as? [[String: Any]])
        #expect(annotations.count == 7)

        let documentTexts = items.map { item in
            Array(item.document.units.map(\.text).joined(separator: "\n\n").unicodeScalars)
        }
        let iso = #/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/#
        var sawQuote = false, sawOrphan = false
        for a in annotations {
            #expect(a["type"] as? String == "Annotation")
            #expect((a["id"] as? String)?.hasPrefix("urn:uuid:") == true)
            for key in ["created", "modified"] { #expect((a[key] as? String)?.wholeMatch(of: iso) != nil) }
            let bodies = try #require(a["body"] as? [[String: Any]])
            #expect(bodies.allSatisfy { $0["type"] as? String == "TextualBody" })
            #expect(bodies.allSatisfy { ["tagging", "commenting"].contains($0["purpose"] as? String ?? "") })
            let hasNote = bodies.contains { $0["purpose"] as? String == "commenting" }
            #expect(a["motivation"] as? String == (hasNote ? "commenting" : "tagging"))
            let target = try #require(a["target"] as? [String: Any])
            let source = try #require(target["source"] as? String)
            let docIndex = source.hasSuffix("/a.txt") ? 0 : 1
            let selectors = try #require(target["selector"] as? [[String: Any]])
            let quote = try #require(selectors.first { $0["type"] as? String == "TextQuoteSelector" })
            let exact = try #require(quote["exact"] as? String)
            guard let position = selectors.first(where: { $0["type"] as? String == "TextPositionSelector" }) else {
                sawOrphan = true            // an orphan: its last text, no position
                #expect(exact == Fixture.operative[3])
                continue
            }
            let start = try #require(position["start"] as? Int), end = try #require(position["end"] as? Int)
            let scalars = documentTexts[docIndex]
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == exact)
            let prefix = try #require(quote["prefix"] as? String), suffix = try #require(quote["suffix"] as? String)
            #expect(String(String.UnicodeScalarView(scalars[max(0, start - prefix.unicodeScalars.count)..<start])) == prefix)
            #expect(String(String.UnicodeScalarView(scalars[end..<min(scalars.count, end + suffix.unicodeScalars.count)])) == suffix)
            #expect(prefix.unicodeScalars.count <= 32 && suffix.unicodeScalars.count <= 32)
            #expect(start == 0 || !prefix.isEmpty)
            if exact == "submit a report" { sawQuote = true }
        }
        #expect(sawQuote && sawOrphan)

        // Offsets count code points, not UTF-16 units: the 𝒳 (one code point, two UTF-16 units)
        // in op2 sits before the quoted phrase.
        let op2 = try #require(annotations.first { a in
            ((a["target"] as? [String: Any])?["selector"] as? [[String: Any]])?.contains { $0["value"] as? String == "op2" } == true
        })
        let sel = try #require((op2["target"] as? [String: Any])?["selector"] as? [[String: Any]])
        let start = try #require(sel.first { $0["type"] as? String == "TextPositionSelector" }?["start"] as? Int)
        let joined = items[0].document.units.map(\.text).joined(separator: "\n\n")
        let utf16Start = joined.utf16.distance(from: joined.utf16.startIndex, to: try #require(joined.range(of: "submit a report")).lowerBound)
        #expect(start == utf16Start - 1)
    }

    @Test func markdownBriefByDocumentAndByTag() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let items = try fixture(dir)
        let md = Exporter.export(items, format: .md)
        // Documents in order, preamble before operative part, paragraphs quoted, notes after.
        let order = ["## A/RES/80/1 — Test resolution", "### Preamble", "#### pp2", "> " + Fixture.preamble[1],
                     "> Line one, with \"quotes\"\n> line two", "### Operative part", "#### op2 · operative paragraph 2 · Requests — `priority` `support`",
                     "#### op3.a · operative paragraph 3(a) — `amend`", "#### op5", "### Footnotes", "#### fn1 · footnote 1 — `question`",
                     "#### was op4", "@mention our capital", "## E/RES/2099/17 — 评估进展", "> 欢迎并敦促充分执行大会第 70/125 号决议；", "+ 支持"]
        var cursor = md.startIndex
        for piece in order {
            guard let r = md.range(of: piece, range: cursor..<md.endIndex) else {
                Issue.record("missing or out of order: \(piece)"); continue
            }
            cursor = r.upperBound
        }
        let byTag = Exporter.export(items, format: .md, groupByTag: true)
        let sections = byTag.components(separatedBy: "\n## ").dropFirst().map { $0.prefix { $0 != "\n" } }
        #expect(sections == ["`amend`", "`priority`", "`question`", "`support`", "Notes without tags"])
        let support = try #require(byTag.components(separatedBy: "\n## ").first { $0.hasPrefix("`support`") })
        #expect(support.contains("op2") && support.contains("E/RES/2099/17 — 评估进展 — op1"))
        let onlyAmend = Exporter.export(items, format: .md, tag: "amend", groupByTag: true)
        #expect(onlyAmend.contains("## `amend`") && !onlyAmend.contains("`support`"))
        let none = Exporter.export(items, format: .md, tag: "nothing")
        #expect(none.contains("# Annotations — tagged `nothing`") && none.contains("\nNo annotations.\n"))
    }

    /// A note can hold anything; in the brief it stays inside its quote block. The brief's own
    /// headings are the only headings, and no raw HTML survives.
    @Test func aNoteCannotBreakTheBriefsStructure() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let store = SidecarStore(documentPath: doc.source.path)
        let hostile = ["# Heading", "## Another", "```", "~~~", "<script>alert(1)</script>", "<!-- swallow the rest",
                       "1. a list", "- item", "> quote", "===", "[x]: http://evil.example", "| a | b |", "    indented",
                       "   # indented heading", "<div>", ""].joined(separator: "\n")
        _ = try store.setNote(hostile, paragraph: "op1", document: doc)
        _ = try store.addTags(["support"], paragraph: "op1", document: doc)
        _ = try store.setNote("Plain note.", paragraph: "op2", document: doc)
        let items = [(document: doc, snapshot: try store.load(for: doc))]
        for md in [Exporter.export(items, format: .md), Exporter.export(items, format: .md, groupByTag: true)] {
            let lines = md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // Headings: only the brief's own (title, document, section, paragraph).
            let headings = lines.filter { $0.hasPrefix("#") }
            #expect(headings.allSatisfy { $0.hasPrefix("# Annotations") || $0.contains("op1") || $0.contains("op2")
                || $0.hasPrefix("## ") || $0.hasPrefix("### ") }, "\(headings)")
            #expect(!headings.contains { $0.contains("Heading") || $0.contains("Another") })
            // No raw HTML, no fence outside a quote, and the note's every line is quoted.
            #expect(!md.contains("<script") && !md.contains("<div") && !md.contains("<!-- swallow"))
            #expect(md.contains("&lt;script>alert(1)&lt;/script>"))
            // The only table is the brief's own positions table (after its heading, up to the blank line).
            var tableLines = Set<Int>()
            if let start = lines.firstIndex(of: "### Positions") {
                var i = start + 2
                while i < lines.count, lines[i].hasPrefix("|") { tableLines.insert(i); i += 1 }
            }
            for (i, line) in lines.enumerated() where !line.hasPrefix(">") {
                #expect(!line.hasPrefix("```") && !line.hasPrefix("~~~") && !line.hasPrefix("[x]:")
                        && (!line.hasPrefix("|") || tableLines.contains(i)), "\(line)")
            }
            #expect(!lines.contains("| a | b |"))
            for piece in ["> \\# Heading", "> \\```", "> 1\\. a list", "> \\- item", "> \\> quote", "> \\===",
                          "> \\[x]: http://evil.example", ">    \\# indented heading"] {
                #expect(md.contains(piece + "\n"), "missing \(piece)")
            }
            #expect(md.contains("> Plain note."))
            // The first line marks it as an export, which the library walker skips.
            #expect(md.hasPrefix(MarkdownBrief.marker + "\n"))
            #expect(Exporter.isExport(head: Array(md.utf8.prefix(512))))
        }
    }

    /// Each export format is recognised by its opening, and no real resolution is taken for one.
    @Test func exportsAreRecognisedAndResolutionsAreNot() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let items = try fixture(dir)
        for format in ExportFormat.allCases {
            for bom in [false, true] {
                let text = Exporter.export(items, format: format, bom: bom)
                #expect(Exporter.isExport(head: Array(text.utf8.prefix(512))), "\(format) bom=\(bom)")
            }
            #expect(Exporter.isExport(head: Array(Exporter.export([], format: format).utf8)), "empty \(format)")
        }
        let corpus = URL(fileURLWithPath: Fixture.repositoryRoot + "/../shared/corpus/sc-2020")
        let files = (FileManager.default.enumerator(atPath: corpus.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".txt") }.map { corpus.path + "/" + $0 }
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Fixture.repositoryRoot + "/seeds")
            .filter { $0.hasSuffix(".txt") && !$0.contains(".reso.") }.map { Fixture.repositoryRoot + "/seeds/" + $0 }
        try #require(files.count > 500 && seeds.count >= 5)
        for path in files + seeds {
            let head = Array((FileManager.default.contents(atPath: path) ?? Data()).prefix(512))
            #expect(!Exporter.isExport(head: head), "\(path) taken for an export")
        }
    }
}
