// The commands as a user runs them on the bundled seed (copied to a temporary folder):
// tag and note from the shell, list, export a brief and a CSV, search. Which paragraphs are
// annotated and what is expected come from the seed's parse, never from its words or numbers.

import Foundation
import ResolutionKit
import Testing
@testable import Annotations

@Suite struct CommandLineTests {
    /// The first seed (by sorted name): never named here.
    let seedName = (try? Fixture.firstSeedName()) ?? "no seed"

    /// A folder holding the seed, and the parsed seed (whose paragraphs these tests annotate).
    func setup() throws -> (dir: String, doc: ResolutionDocument) {
        let dir = Fixture.folder()
        let path = try Fixture.seedCopy(in: dir)
        let doc = try ResolutionDocument.load(path: path)
        try #require(doc.operative.count >= 4 && doc.preamble.count >= 3, "the parser reads the seed's structure")
        return (dir, doc)
    }

    /// The units these tests annotate, picked from the parse: an operative paragraph with a
    /// verb past the first few, the third preambular paragraph, the first subparagraph, the last
    /// footnote and the last heading.
    struct Picks {
        var op: Paragraph, pp: Paragraph, sub: String, fn: String, heading: String
        init(_ doc: ResolutionDocument) throws {
            op = try #require(doc.operative.dropFirst(doc.operative.count / 4).first { $0.lead != nil && $0.number != nil })
            pp = doc.preamble[2]
            sub = try #require(doc.units.first { $0.kind == .subparagraph }).id
            fn = try #require(doc.footnotes.last).id
            heading = try #require(doc.headings.last).id
        }
    }

    @Test func tagNoteNotesExportSearchOnTheSeed() throws {
        let (dir, doc) = try setup(); defer { Fixture.cleanup(dir) }
        let k = try Picks(doc)
        let (op, number, lead) = (k.op.id, k.op.number!, k.op.lead!)
        let symbol = try #require(doc.meta.symbol)
        var r = try Child.reso(["tag", seedName, "\(number)", "priority", "support"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "\(seedName) \(op): priority, support\n")
        r = try Child.reso(["note", seedName, k.pp.id, "Cite", "in", "opening", "statement."], in: dir)
        #expect(r.status == 0 && r.stdout.contains("note saved"))
        r = try Child.reso(["note", seedName, k.sub, "-"], in: dir, stdin: try writeTemp(dir, "来自标准输入的说明\n第二行\n"))
        #expect(r.status == 0, "\(r.stderr)")
        r = try Child.reso(["tag", seedName, k.fn, "question"], in: dir)
        #expect(r.status == 0)
        r = try Child.reso(["tag", seedName, k.heading, "amend"], in: dir)
        #expect(r.status == 0)
        r = try Child.reso(["tag", seedName, op, "support", "--remove"], in: dir)
        #expect(r.stdout == "\(seedName) \(op): priority\n")

        let snap = try SidecarStore(documentPath: dir + "/" + seedName).load(for: doc)
        let order = doc.units.map(\.id).filter { [k.pp.id, k.heading, op, k.sub, k.fn].contains($0) }
        #expect(order.count == 5)
        #expect(snap.annotations.map(\.paragraph) == order)
        #expect(snap.annotation(for: k.sub)?.note == "来自标准输入的说明\n第二行")
        #expect(snap.annotation(for: k.pp.id)?.note == "Cite in opening statement.")
        #expect(FileManager.default.fileExists(atPath: dir + "/" + seedName + ".reso.json"))

        r = try Child.reso(["notes", "."], in: dir)
        #expect(r.status == 0)
        for piece in [symbol, k.pp.id, op, "[priority]", "Cite in opening statement.", "来自标准输入的说明", k.fn] {
            #expect(r.stdout.contains(piece), "notes lacks \(piece)")
        }
        r = try Child.reso(["notes", seedName, "--json", "--tag", "priority"], in: dir)
        let records = try JSONDecoder().decode([ExportRecord].self, from: Data(r.stdout.utf8))
        #expect(records.map(\.paragraph) == [op] && records[0].lead == lead)

        r = try Child.reso(["export", ".", "--format", "md", "-o", "brief.md"], in: dir)
        #expect(r.status == 0 && r.stderr.contains("wrote 5 annotations to brief.md"))
        let brief = try String(contentsOfFile: dir + "/brief.md", encoding: .utf8)
        // Headings in the document's language (the seeds are Chinese), positions first.
        try #require(doc.language == "zh")
        #expect(brief.contains("## \(symbol)") && brief.contains("### 序言部分") && brief.contains("> " + k.op.text.prefix(6)))
        #expect(brief.contains("#### \(op) · 执行部分第 \(number) 段 · \(lead)") && !brief.contains("Operative part") && !brief.contains("Preamble"))
        let positions = try #require(brief.range(of: "### 立场一览"))
        #expect(positions.lowerBound < brief.range(of: "### 序言部分")!.lowerBound)
        #expect(brief.contains("| `priority` | 1 | \(op) |"))
        r = try Child.reso(["export", seedName, "--format", "csv", "--bom"], in: dir)
        #expect(r.stdout.hasPrefix("\u{FEFF}file,symbol,"))
        let rows = try CSVReader.parse(String(r.stdout.dropFirst()))
        #expect(rows.count == 6 && rows.allSatisfy { $0.count == CSVExport.header.count })
        r = try Child.reso(["export", seedName, "--format", "json", "--group-by", "tag"], in: dir)
        #expect(r.status != 0 && r.stderr.contains("--group-by"))

        // Every paragraph that holds the annotated paragraph's verb, in document order.
        r = try Child.reso(["search", lead, "."], in: dir)
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        let expected = doc.units.filter { $0.text.contains(lead) }.map(\.id)
        #expect(expected.count >= 2)
        #expect(lines.map { $0.split(separator: ":")[1] }.map(String.init) == expected)
        #expect(lines.allSatisfy { $0.contains("«\(lead)»") })
        r = try Child.reso(["search", "opening statement", seedName, "--json"], in: dir)
        let hits = try JSONDecoder().decode([SearchHit].self, from: Data(r.stdout.utf8))
        #expect(hits.map(\.kind) == ["note"] && hits[0].paragraph == k.pp.id)
    }

    @Test func errorsAreOneClearLine() throws {
        let (dir, doc) = try setup(); defer { Fixture.cleanup(dir) }
        let missing = "op\(doc.operative.count + 100)"
        var r = try Child.reso(["tag", seedName, missing, "support"], in: dir)
        #expect(r.status != 0)
        let nearest = doc.nearestIDs(to: missing)
        #expect(r.stderr.contains(missing) && r.stderr.contains("nearest") && nearest.allSatisfy { r.stderr.contains($0) })
        r = try Child.reso(["tag", "missing.txt", "op1", "support"], in: dir)
        #expect(r.status != 0 && r.stderr.contains("missing.txt"))
        r = try Child.reso(["tag", seedName, "op1"], in: dir)
        #expect(r.status != 0 && r.stderr.contains("usage"))
        r = try Child.reso(["tag", seedName, "op1", "a;b"], in: dir)
        #expect(r.status != 0)
        #expect(!FileManager.default.fileExists(atPath: dir + "/" + seedName + ".reso.json"))

        // A corrupt sidecar: every command names it, exits non-zero, and leaves it byte for byte.
        let sidecar = dir + "/" + seedName + ".reso.json"
        let corrupt = Array("{\"schema\": \"reso.annotations/9\"}\n".utf8)
        try Data(corrupt).write(to: URL(fileURLWithPath: sidecar))
        for args in [["tag", seedName, "op1", "support"], ["note", seedName, "op1", "x"], ["notes", seedName],
                     ["export", seedName, "--format", "csv"]] {
            r = try Child.reso(args, in: dir)
            #expect(r.status != 0, "\(args)")
            #expect(r.stderr.contains(sidecar) || r.stderr.contains(seedName + ".reso.json"), "\(args): \(r.stderr)")
            #expect(r.stderr.contains("newer"), "\(args): \(r.stderr)")
            #expect(Fixture.bytes(sidecar) == corrupt)
        }
        // Search still searches the text and says why the notes are skipped.
        let word = String(try #require(doc.operative.first).text.prefix(2))
        r = try Child.reso(["search", word, seedName], in: dir)
        #expect(r.status == 0 && !r.stdout.isEmpty && r.stderr.contains("not searched"))
    }

    /// No match is exit status 1, as with grep, and one line on stderr (not a line and an empty
    /// one after it).
    @Test func noMatchIsStatusOneAndOneLine() throws {
        let (dir, _) = try setup(); defer { Fixture.cleanup(dir) }
        let r = try Child.reso(["search", "zzqxjv", seedName], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "reso: no matches for zzqxjv\n", "\(r.stderr.debugDescription)")
    }

    @Test func editorStoreOptionAndSeveralFiles() throws {
        let (dir, doc) = try setup(); defer { Fixture.cleanup(dir) }
        try FileManager.default.createDirectory(atPath: dir + "/lib", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: dir + "/" + seedName, toPath: dir + "/lib/copy.txt")
        // $EDITOR gets the current note in a file; what it saves becomes the note.
        let editor = try writeTemp(dir, "#!/bin/sh\nprintf 'edited in the editor\\n' >> \"$1\"\n")
        chmod(editor, 0o755)
        var r = try Child.reso(["note", seedName, "lib", "op2"], in: dir, environment: ["EDITOR": editor, "VISUAL": ""])
        #expect(r.status == 0, "\(r.stderr)")
        for path in [dir + "/" + seedName, dir + "/lib/copy.txt"] {
            let snap = try SidecarStore(documentPath: path).load(for: doc)
            #expect(snap.annotation(for: "op2")?.note == "edited in the editor")
        }
        // Empty text clears.
        r = try Child.reso(["note", seedName, "op2", ""], in: dir)
        #expect(r.stdout.contains("note cleared"))
        // --store and RESO_STORE put sidecars elsewhere.
        // In a shared store the name carries the document's folder (see StoreTests).
        let keyed = SidecarStore.sharedFolderName(documentPath: dir + "/" + seedName)
        r = try Child.reso(["tag", seedName, "op3", "amend", "--store", "elsewhere"], in: dir)
        #expect(r.status == 0 && FileManager.default.fileExists(atPath: dir + "/elsewhere/" + keyed))
        r = try Child.reso(["tag", seedName, "op4", "amend"], in: dir, environment: ["RESO_STORE": dir + "/env"])
        #expect(r.status == 0 && FileManager.default.fileExists(atPath: dir + "/env/" + keyed))
        r = try Child.reso(["notes", seedName, "--store", "elsewhere", "--json"], in: dir)
        #expect(try JSONDecoder().decode([ExportRecord].self, from: Data(r.stdout.utf8)).map(\.paragraph) == ["op3"])
    }

    @Test func aRewordedParagraphsNoteIsListedAsAnOrphan() throws {
        let (dir, doc) = try setup(); defer { Fixture.cleanup(dir) }
        let k = try Picks(doc)
        let op = k.op.id, number = k.op.number!
        var r = try Child.reso(["note", seedName, op, "Our key paragraph."], in: dir)
        #expect(r.status == 0)
        r = try Child.reso(["note", seedName, k.pp.id, "Moves with its text."], in: dir)
        // The revision rewrites the operative paragraph entirely (its source line, found by its
        // number) and inserts a preambular paragraph before the noted one.
        let path = dir + "/" + seedName
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let numbered = try Regex("(?m)^\\s*\(number)\\.[^\\n]*")
        let old = try #require(text.firstRange(of: numbered))
        text.replaceSubrange(old, with: "\(number). **决定**于 2030 年召开一次关于人工智能治理的高级别会议，审议相关安排。")
        let ppStart = try #require(text.range(of: String(k.pp.text.prefix(8))))
        text.insert(contentsOf: "注意到全球数字契约，\n\n", at: ppStart.lowerBound)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let revised = try ResolutionDocument.load(path: path)
        try #require(revised.preamble.count == doc.preamble.count + 1, "the parser sees the inserted preambular paragraph")
        let movedTo = revised.preamble[3].id

        r = try Child.reso(["notes", seedName], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.contains("orphan"))
        #expect(r.stdout.contains("was \(op)") && r.stdout.contains("Our key paragraph."))
        #expect(r.stdout.contains(movedTo) && r.stdout.contains("Moves with its text."))
        #expect(r.stderr.contains(op) && r.stderr.contains("orphan"))
        r = try Child.reso(["notes", seedName, "--json"], in: dir)
        let records = try JSONDecoder().decode([ExportRecord].self, from: Data(r.stdout.utf8))
        #expect(records.first { $0.orphan }?.note == "Our key paragraph.")
        #expect(records.first { $0.paragraph == movedTo }?.note == "Moves with its text.")
    }

    func writeTemp(_ dir: String, _ content: String) throws -> String {
        let path = dir + "/.input-\(UUID().uuidString.prefix(6))"
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
