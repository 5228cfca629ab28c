import Foundation
import Testing
@testable import ResolutionKit

/// The Security Council corpus in six languages, against the structure the UN's own
/// markup declares. A ratchet: each language's share of exactly-read documents must stay
/// at or above what the parser has reached (raise the floor as the parser improves).
@Suite struct CorpusTests {
    static let corpus = Fixtures.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/sc-2020").path
    static let floor: [String: Double] = ["ar": 1.0, "en": 1.0, "es": 1.0, "fr": 1.0, "ru": 1.0, "zh": 1.0]

    struct Truth: Decodable {
        var preambular: Int
        var operative: [Int]
        var subparagraphs: [String: [String]]
        var headings: [HeadingTruth]
        var footnotes: Int
    }

    struct HeadingTruth: Decodable, Equatable {
        var text: String
        var before: Int
        init(from decoder: Decoder) throws {
            var c = try decoder.unkeyedContainer()
            text = try c.decode(String.self)
            before = try c.decode(Int.self)
        }
        init(text: String, before: Int) { self.text = text; self.before = before }
    }

    static func normalise(_ label: String) -> String {
        label.filter { !"()（）’‘".contains($0) }.trimmingCharacters(in: .whitespaces)
    }

    static func problems(_ doc: ResolutionDocument, _ truth: Truth) -> [String] {
        var out: [String] = []
        if doc.preamble.count != truth.preambular { out.append("preambular \(doc.preamble.count) ≠ \(truth.preambular)") }
        if doc.operative.compactMap(\.number) != truth.operative { out.append("operative numbers differ") }
        func flat(_ subs: [Subparagraph]) -> [String] { subs.flatMap { [normalise($0.label)] + flat($0.subparagraphs) } }
        var mine: [String: [String]] = [:]
        for p in doc.operative where !p.subparagraphs.isEmpty { mine[String(p.number ?? 0)] = flat(p.subparagraphs) }
        if mine != truth.subparagraphs.mapValues({ $0.map(normalise) }) { out.append("subparagraphs \(mine)") }
        let headings = doc.headings.map { HeadingTruth(text: $0.text, before: Int($0.before?.dropFirst(2) ?? "") ?? -1) }
        if headings != truth.headings { out.append("headings \(headings.map(\.text))") }
        if doc.footnotes.count != truth.footnotes { out.append("footnotes \(doc.footnotes.count) ≠ \(truth.footnotes)") }
        return out
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus)))
    func eachLanguageStaysAtOrAboveItsFloor() throws {
        let fm = FileManager.default
        var report: [String] = []
        for language in try fm.contentsOfDirectory(atPath: Self.corpus).sorted() {
            let dir = Self.corpus + "/" + language
            var exact = 0, total = 0
            var failures: [String] = []
            for truthName in try fm.contentsOfDirectory(atPath: dir).filter({ $0.hasSuffix(".truth.json") }).sorted() {
                let truth = try JSONDecoder().decode(Truth.self, from: fm.contents(atPath: dir + "/" + truthName)!)
                for style in ["md", "plain"] {
                    let path = dir + "/" + truthName.replacingOccurrences(of: ".truth.json", with: ".\(style).txt")
                    guard fm.fileExists(atPath: path) else { continue }
                    total += 1
                    let found = Self.problems(try ResolutionDocument.load(path: path), truth)
                    if found.isEmpty { exact += 1 } else { failures.append("\(path): \(found.joined(separator: "; "))") }
                }
            }
            let share = total == 0 ? 1 : Double(exact) / Double(total)
            report.append("\(language) \(exact)/\(total)")
            #expect(share >= (Self.floor[language] ?? 0.9), "\(language): \(exact)/\(total)\n\(failures.prefix(5).joined(separator: "\n"))")
        }
        #expect(report.count >= 6, "\(report)")
    }
}

/// The cover page of a Security Council resolution gives its number and adoption date in
/// every language: the language files must know each language's adoption line.
@Suite struct CorpusMetaTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: CorpusTests.corpus)),
          arguments: ["ar", "en", "es", "fr", "ru", "zh"])
    func numberSymbolAndAdoptionDate(_ language: String) throws {
        let dir = CorpusTests.corpus + "/" + language
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".md.txt") }.sorted()
        var dated = 0
        for name in files {
            let doc = try ResolutionDocument.load(path: dir + "/" + name)
            #expect(doc.language == language, "\(name)")
            #expect(doc.meta.symbol?.hasPrefix("S/RES/") == true, "\(name)")
            #expect(doc.meta.status == .adopted, "\(name)")
            if let date = doc.meta.date, date.hasPrefix("2020-") { dated += 1 }
        }
        #expect(dated * 10 >= files.count * 9, "\(language): \(dated)/\(files.count) with an adoption date")
    }
}
