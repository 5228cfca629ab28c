import Foundation
import Testing
@testable import ResolutionKit

/// The corpus rewritten in each PDF-derived text layout (see `LayoutGenerator`) must read
/// with the same structure as the one-paragraph-per-line original. A ratchet per layout
/// and language: raise the floors as the layout phases improve, never lower them.
@Suite struct LayoutTests {
    /// Exact-structure share reached per layout and language (the issue's target is 0.97,
    /// Arabic 0.90).
    static let floor: [TextLayoutKind: [String: Double]] = [
        .blankSeparated: ["ar": 0.97, "en": 0.97, "es": 0.97, "fr": 0.91, "ru": 0.93, "zh": 0.95],
        // Arabic and Russian without blank lines were 0.62 and 0.70 while a paragraph's last
        // line that recurred on its page near a feed (`وأمنهم،`, `сотрудничества,`) was lost
        // as a running line: the loss joined two paragraphs and hid a split made elsewhere.
        .noBlankLines: ["ar": 0.60, "en": 0.84, "es": 0.91, "fr": 0.89, "ru": 0.68, "zh": 0.37],
        .doubleSpaced: ["ar": 0.55, "en": 0.97, "es": 1.0, "fr": 0.95, "ru": 0.89, "zh": 0.95],
        .columns: ["ar": 0.73, "en": 0.93, "es": 0.97, "fr": 0.97, "ru": 0.93, "zh": 0.97],
        .numbersAlone: ["ar": 0.84, "en": 0.91, "es": 0.97, "fr": 0.97, "ru": 0.72, "zh": 0.69],
        .numberColumn: ["ar": 0.4, "en": 0.8, "es": 0.64, "fr": 0.72, "ru": 0.31, "zh": 0.39],
    ]

    static let corpus = CorpusTests.corpus

    static func files(_ language: String) throws -> [(name: String, plain: String, truth: CorpusTests.Truth)] {
        let fm = FileManager.default
        let dir = corpus + "/" + language
        return try fm.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".truth.json") }.sorted().compactMap { t in
            let plainPath = dir + "/" + t.replacingOccurrences(of: ".truth.json", with: ".plain.txt")
            guard let plain = fm.contents(atPath: plainPath) else { return nil }
            let truth = try JSONDecoder().decode(CorpusTests.Truth.self, from: fm.contents(atPath: dir + "/" + t)!)
            return (t.replacingOccurrences(of: ".truth.json", with: ""), String(decoding: plain, as: UTF8.self), truth)
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus)), arguments: TextLayoutKind.allCases)
    func eachLanguageReadsTheSameStructure(_ kind: TextLayoutKind) throws {
        var report: [String] = []
        for language in ["ar", "en", "es", "fr", "ru", "zh"] {
            var exact = 0, total = 0
            var failures: [String] = []
            for file in try Self.files(language) {
                var generator = LayoutGenerator(kind: kind, name: file.name)
                let text = generator.render(file.plain)
                let doc = Fixtures.parse(text)
                total += 1
                let found = CorpusTests.problems(doc, file.truth)
                if found.isEmpty { exact += 1 } else { failures.append("\(file.name): \(found.joined(separator: "; "))") }
                if ProcessInfo.processInfo.environment["RESO_LAYOUT_DUMP"] != nil {
                    let dir = "/tmp/reso-layouts/\(kind.rawValue)/\(language)"
                    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                    try? text.write(toFile: "\(dir)/\(file.name).txt", atomically: true, encoding: .utf8)
                }
            }
            let share = total == 0 ? 1 : Double(exact) / Double(total)
            report.append("\(language) \(exact)/\(total)")
            #expect(share >= Self.floor[kind]![language]!,
                    "\(kind) \(language): \(exact)/\(total)\n\(failures.prefix(4).joined(separator: "\n"))")
            if ProcessInfo.processInfo.environment["RESO_LAYOUT_REPORT"] != nil {
                print("LAYOUT \(kind) \(language) \(exact)/\(total)")
                for f in failures.prefix(3) { print("   \(f)") }
            }
        }
        #expect(report.count == 6)
    }
}
