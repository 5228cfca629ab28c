// Issue 8 item 14: a language file or pattern that fails to load fails a test; with no
// language data at all, parsing gives a clear error, never a crash.
import Foundation
import Testing
@testable import ResolutionKit
import LanguageData

@Suite struct LanguageDataTests {
    static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Resources/languages").path

    @Test func everyLanguageFileAndPatternLoads() throws {
        #expect(LanguageCatalog.problems.isEmpty, "\(LanguageCatalog.problems.joined(separator: "\n"))")
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.sourceFolder).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 6)
        #expect(Set(LanguageCatalog.profiles.map { $0.code + ".json" }) == Set(files))
        for p in LanguageCatalog.profiles {
            #expect(p.dateRegexes.count == p.spec.datePatterns.count, "\(p.code)")
            #expect(p.meetingRegexes.count == p.spec.meetingPatterns.count, "\(p.code)")
            #expect(p.adoptionRegexes.count == p.spec.adoptionPatterns.count, "\(p.code)")
            #expect(p.sessionRegexes.count == p.spec.sessionPatterns.count, "\(p.code)")
            #expect(p.agendaRegexes.count == p.spec.agendaPatterns.count, "\(p.code)")
            #expect(p.resolutionLineRegexes.count == p.spec.resolutionLinePatterns.count, "\(p.code)")
        }
    }

    /// A text's language is found from the decoded files, and only that language is
    /// compiled: the profile it gets is the catalog's one instance, the same as detection
    /// among every compiled profile finds, however many threads ask at once.
    @Test func detectionFromTheFilesFindsTheCatalogsOneProfile() throws {
        let corpus = URL(fileURLWithPath: Self.sourceFolder).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/corpus/sc-2020").path
        for lang in ["ar", "en", "es", "fr", "ru", "zh"] {
            let dir = corpus + "/" + lang
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".plain.txt") }.sorted().first)
            let text = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            let found = LanguageDetector.detect(text)
            #expect(found.code == lang, "\(name)")
            #expect(found === LanguageDetector.detect(text, among: LanguageCatalog.profiles), "\(name)")
            let asked = UnsafeMutableBufferPointer<LanguageProfile?>.allocate(capacity: 8)
            asked.initialize(repeating: nil)
            defer { asked.deallocate() }
            nonisolated(unsafe) let slots = asked
            DispatchQueue.concurrentPerform(iterations: 8) { k in slots[k] = LanguageCatalog.profile(lang) }
            #expect(asked.allSatisfy { $0 === found }, "\(lang)")
        }
    }

    @Test func aBrokenFileOrPatternIsReportedNotSkipped() throws {
        let good = try #require(FileManager.default.contents(atPath: Self.sourceFolder + "/en.json"))
        var json = try #require(JSONSerialization.jsonObject(with: good) as? [String: Any])
        json["code"] = "xx"
        json["datePatterns"] = ["(unclosed {month}"]
        let badPattern = try JSONSerialization.data(withJSONObject: json)
        json.removeValue(forKey: "organs")
        let missingField = try JSONSerialization.data(withJSONObject: json)
        let (profiles, problems) = LanguageCatalog.load(["en": good, "xx": badPattern, "yy": missingField,
                                                         "zz": Data("{ not json".utf8)])
        #expect(profiles.map(\.code) == ["en", "xx"])
        #expect(problems.count == 3, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("xx.json") && $0.contains("(unclosed") })
        #expect(problems.contains { $0.hasPrefix("yy.json") && $0.contains("organs") })
        #expect(problems.contains { $0.hasPrefix("zz.json") && $0.contains("JSON") })
    }

    @Test func withoutLanguageDataTextIsKeptNotCrashed() {
        let text = "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to remain seized of the matter.\n"
        let profile = LanguageDetector.detect(text, among: [])
        #expect(profile.code == "und")
        let doc = DocumentAssembler(profile: profile, notes: [])
            .assemble(StructureBuilder.build(LineSplitter.split(text).map {
                SourceBlock(text: $0.text, indent: $0.indent, line: $0.index, afterBreak: false) }, profile: profile, hardWrapped: false),
                      hardWrapped: false)
        #expect(doc.other.map(\.text).joined(separator: " ").contains("Decides to remain seized"))
        #expect(DocumentError.noLanguageData(detail: "x").description.contains("language data"))
    }
}

/// Issue 12: the binary carries the language files; the generated Swift must equal the JSON.
@Suite struct LanguageDataEmbeddingTests {
    @Test func theEmbeddedFilesAreExactlyTheJSONFiles() throws {
        let folder = LanguageDataTests.sourceFolder
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }
        let onDisk = Dictionary(uniqueKeysWithValues: try names.map { name in
            (String(name.dropLast(5)), try #require(FileManager.default.contents(atPath: folder + "/" + name)))
        })
        let embedded = LanguageDataFiles.embedded
        #expect(Set(embedded.keys) == Set(onDisk.keys), "run python3 scripts/gen-language-data.py")
        for (code, data) in onDisk {
            #expect(embedded[code] == data, "\(code).json differs from the embedded copy: run python3 scripts/gen-language-data.py")
        }
    }

    @Test func withoutRESO_LANGUAGESTheBuiltInDataIsUsed() {
        guard ProcessInfo.processInfo.environment["RESO_LANGUAGES"] == nil else { return }
        #expect(LanguageDataFiles.load().files == LanguageDataFiles.embedded)
        #expect(!LanguageDataFiles.embedded.isEmpty)
    }
}
