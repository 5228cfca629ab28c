// The committee commands as a delegate runs them on the Chinese seed (copied to a temporary
// folder): quotes from the shell, amendments, the amendment list, the brief's byline, HTML.

import Foundation
import ResolutionKit
import Testing
@testable import Annotations

@Suite struct AmendCommandTests {
    let seedName = (try? Fixture.firstSeedName()) ?? "no seed"

    func setup() throws -> (dir: String, doc: ResolutionDocument) {
        let dir = Fixture.folder()
        let path = try Fixture.seedCopy(in: dir)
        return (dir, try ResolutionDocument.load(path: path))
    }

    /// A paragraph of the seed with a phrase of four characters that occurs in it once, and
    /// the phrase. Picked from the parsed text, never named.
    func phrase(_ doc: ResolutionDocument) throws -> (id: String, number: Int, words: String) {
        for p in doc.operative where p.number != nil && p.text.count > 12 {
            let words = String(p.text.dropFirst(4).prefix(4))
            if QuoteSelector.count(words, in: p.text) == 1 { return (p.id, p.number!, words) }
        }
        throw CSVReader.Failure(description: "no operative paragraph with a phrase of its own")
    }

    @Test func quoteFromTheShellAndAQuoteThatIsNotThere() throws {
        let (dir, doc) = try setup(); defer { Fixture.cleanup(dir) }
        let (id, _, words) = try phrase(doc)
        var r = try Child.reso(["tag", seedName, id, "support", "--quote", words], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        r = try Child.reso(["note", seedName, id, "先与首都核对", "--quote", words], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let snap = try SidecarStore(documentPath: dir + "/" + seedName).load(for: doc)
        let a = try #require(snap.annotation(for: id))
        #expect(a.anchor.quote == words && a.tags == ["support"] && a.note == "先与首都核对")
        let text = try #require(doc.unit(id: id)).text
        #expect(text.hasPrefix((a.anchor.prefix ?? "") + words + (a.anchor.suffix ?? "").prefix(1)))

        let before = Fixture.bytes(dir + "/" + seedName + ".reso.json")
        r = try Child.reso(["tag", seedName, id, "oppose", "--quote", "这几个字不在段落里"], in: dir)
        #expect(r.status != 0)
        #expect(r.stderr.contains("is not in the paragraph") && r.stderr.contains(String(text.prefix(20))), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "one line")
        #expect(Fixture.bytes(dir + "/" + seedName + ".reso.json") == before, "nothing written")

        // CSV and JSON carry the quote and its context.
        r = try Child.reso(["export", seedName, "--format", "csv"], in: dir)
        let rows = try CSVReader.parse(r.stdout)
        let row = try #require(rows.dropFirst().first { $0[3] == id })
        let col = try #require(CSVExport.header.firstIndex(of: "quote"))
        #expect(row[col] == words)
        r = try Child.reso(["export", seedName, "--format", "w3c"], in: dir)
        #expect(r.stdout.contains("\"exact\" : \"\(words)\""))
    }

    @Test func amendmentsFromTheShellComeOutAsTheCommitteeWritesThem() throws {
        let (dir, doc) = try setup(); defer { Fixture.cleanup(dir) }
        let (id, n, words) = try phrase(doc)
        let env = ["RESO_AUTHOR": "王代表"]
        var r = try Child.reso(["amend", seedName, id, "--replace", words, "--with", "欢迎"], in: dir, environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("在执行部分第 \(n) 段中，将\"\(words)\"改为\"欢迎\""))
        r = try Child.reso(["amend", seedName, "pp2", "--new-paragraph", "注意到秘书长的报告，"], in: dir, environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        r = try Child.reso(["amend", seedName, id, "--delete", "并不存在的话"], in: dir)
        #expect(r.status != 0 && r.stderr.contains("is not in the paragraph"))
        r = try Child.reso(["amend", seedName, id, "--replace", words], in: dir)
        #expect(r.status != 0 && r.stderr.contains("--with"))
        r = try Child.reso(["amend", seedName, "fn1", "--delete", "x"], in: dir)
        #expect(r.status != 0)

        r = try Child.reso(["export", seedName, "--format", "amendments"], in: dir)
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "<!-- reso export: amendments, not a resolution -->")
        #expect(lines.contains("1. 在序言部分第 2 段之后，插入以下新段落：\"注意到秘书长的报告，\""), "\(lines)")
        #expect(lines.contains("2. 在执行部分第 \(n) 段中，将\"\(words)\"改为\"欢迎\""))
        #expect(lines.contains { $0.hasPrefix("# 拟议修正案 — E/RES/") })

        // The brief shows the paragraph as amended, and its byline.
        r = try Child.reso(["export", seedName, "--format", "md"], in: dir, environment: env)
        #expect(r.stdout.contains("~~\(words)~~**欢迎**"), "redline")
        #expect(r.stdout.contains("*王代表编写，"))

        // Taking one back by the id `reso notes` shows.
        r = try Child.reso(["notes", seedName], in: dir)
        let shown = try #require(r.stdout.split(separator: "\n").first { $0.contains("amendment ") && $0.contains("欢迎") })
        let short = String(try #require(shown.split(separator: " ").first { $0.count == 9 && $0.hasSuffix(":") }).dropLast())
        r = try Child.reso(["amend", seedName, id, "--remove", short], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        r = try Child.reso(["export", seedName, "--format", "amendments"], in: dir)
        #expect(!r.stdout.contains("欢迎\"") && r.stdout.contains("1. 在序言部分第 2 段之后"))
    }

    @Test func authorComesFromTheEnvironmentThenGitThenTheLogin() throws {
        let (dir, _) = try setup(); defer { Fixture.cleanup(dir) }
        let gitconfig = dir + "/gitconfig"
        try "[user]\n\tname = Ana Delegate\n".write(toFile: gitconfig, atomically: true, encoding: .utf8)
        let noGit = ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "RESO_AUTHOR": ""]
        var r = try Child.reso(["tag", seedName, "1", "support"], in: dir, environment: noGit.merging(["USER": "ana", "LOGNAME": "ana"]) { $1 })
        #expect(r.status == 0)
        r = try Child.reso(["export", seedName, "--format", "json"], in: dir)
        #expect(r.stdout.contains("\"author\" : \"ana\""))
        r = try Child.reso(["export", seedName, "--format", "md"], in: dir,
                           environment: noGit.merging(["GIT_CONFIG_GLOBAL": gitconfig, "USER": "ana"]) { $1 })
        #expect(r.stdout.contains("*Ana Delegate编写，"), "\(r.stdout.prefix(300))")
        r = try Child.reso(["export", seedName, "--format", "md"], in: dir, environment: ["RESO_AUTHOR": "Li Wei"])
        #expect(r.stdout.contains("*Li Wei编写，"))
        #expect(!r.stdout.contains("unknown"))
    }

    @Test func htmlBriefIsOneSelfContainedEscapedPage() throws {
        let (dir, doc) = try setup(); defer { Fixture.cleanup(dir) }
        let (id, _, words) = try phrase(doc)
        _ = try Child.reso(["note", seedName, id, "<script>alert(1)</script> & \"x\"", "--quote", words], in: dir)
        _ = try Child.reso(["tag", seedName, id, "oppose"], in: dir)
        let r = try Child.reso(["export", seedName, "--format", "html", "-o", "brief.html"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOfFile: dir + "/brief.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<html lang=\"zh\""))
        #expect(!html.contains("<script") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("@import"), "no external files")
        #expect(html.contains("<mark>\(words)</mark>") && html.contains("立场一览") && html.contains("@page"))
        #expect(Exporter.isExport(head: Array(html.utf8.prefix(512))))
    }
}
