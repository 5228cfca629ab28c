import Foundation
import Testing
@testable import ResolutionDiff
import ResolutionKit

/// Revised drafts built from real resolutions in six languages, with known changes (insert,
/// delete, reword, split, merge, move, renumbering): the pairing must be exactly the true one.
@Suite struct ConstructedRevisionTests {
    static let languages = ["ar", "en", "es", "fr", "ru", "zh"]
    /// Resolutions tried per language (each revision is two parses and a diff).
    static let perLanguage = 25

    static func plains(_ language: String) -> [String] {
        let dir = DiffFixtures.corpus + "/" + language
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".plain.txt") }.sorted()
        return names.map { dir + "/" + $0 }
    }

    @Test(arguments: languages)
    func pairingIsExactlyTheTrueOne(language: String) throws {
        let files = Self.plains(language)
        #expect(files.count > 20, "the corpus for \(language) is missing")
        var built = 0, checked = 0
        for (k, path) in files.enumerated() where built < Self.perLanguage {
            let plain = try String(contentsOfFile: path, encoding: .utf8)
            let donor = try String(contentsOfFile: files[(k + 7) % files.count], encoding: .utf8)
            guard let r = RevisionBuilder.build(plain, donor: donor, cjk: language == "zh") else { continue }
            built += 1
            var a = DiffFixtures.parse(r.oldText, path: "old.txt"), b = DiffFixtures.parse(r.newText, path: "new.txt")
            a.language = language; b.language = language
            let diff = Differ.compare(a, b)
            #expect(DiffProperties.problems(diff) == [], "\(path)")
            switch RevisionBuilder.truePairs(r, old: diff.oldUnits, new: diff.newUnits) {
            case .failure(let why):
                // The parser did not keep a constructed paragraph as one unit: not the diff's concern.
                print("skipped \(path): \(why.why)")
            case .success(let truth):
                checked += 1
                let got = RevisionBuilder.describe(diff)
                let missing = truth.filter { !got.contains($0) }, extra = got.filter { !truth.contains($0) }
                #expect(missing.isEmpty && extra.isEmpty, "\(path)\nexpected but missing: \(missing)\ngot instead: \(extra)")
            }
        }
        #expect(built >= 5, "\(language): only \(built) resolutions could be revised")
        #expect(checked * 10 >= built * 9, "\(language): only \(checked) of \(built) revisions could be checked")
    }
}
