import Foundation
import Testing

/// `reso show FILE.pdf` as a user meets it: structure on stdout, or one line on stderr and
/// a non-zero exit for a PDF it cannot read.
@Suite struct PDFCommandTests {
    static let fixtures = ShowCommandTests.root.appendingPathComponent("Tests/Fixtures/pdf").path

    static var firstTypeset: String? {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []).sorted()
            .first { $0.hasPrefix("S_RES_") && $0.hasSuffix(".pdf") }.map { fixtures + "/" + $0 }
    }

    @Test func showsAPDFAsJSONWithItsFormat() throws {
        let pdf = try #require(Self.firstTypeset)
        let r = try ShowCommandTests.run(["show", pdf, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((json["source"] as? [String: Any])?["format"] as? String == "pdf")
        #expect(!((json["operative"] as? [Any]) ?? []).isEmpty)
    }

    @Test func withoutPopplerOneLineNamesThePackage() throws {
        let pdf = try #require(Self.firstTypeset)
        let r = try ShowCommandTests.run(["show", pdf], env: ["PATH": ""])
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("poppler-utils"))
    }

    @Test func anEncryptedPDFGetsOneLine() throws {
        let r = try ShowCommandTests.run(["show", Self.fixtures + "/encrypted-user-password.pdf"])
        #expect(r.status != 0)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("encrypted"))
    }
}
