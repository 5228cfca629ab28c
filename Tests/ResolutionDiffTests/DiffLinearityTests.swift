import Foundation
import Testing
@testable import ResolutionDiff
import ResolutionKit

/// Doubling the documents must not quadruple the diff's work (counted, not timed).
@Suite(.serialized) struct DiffLinearityTests {
    /// `count` paragraphs of real text (each made unique, as paragraphs of a resolution are).
    static func units(_ count: Int, language: String) throws -> [DiffUnit] {
        let pool = try ConstructedRevisionTests.plains(language).prefix(20).flatMap {
            try ResolutionDocument.load(path: $0).diffUnits.map(\.text)
        }.filter { $0.count > 40 }
        return (0..<count).map { DiffUnit(id: "op\($0 + 1)", kind: .operative, text: pool[$0 % pool.count] + " \($0)") }
    }

    /// A revision with a change every few paragraphs: rewordings, deletions, insertions.
    static func revised(_ units: [DiffUnit]) -> [DiffUnit] {
        var out: [DiffUnit] = []
        for (k, u) in units.enumerated() {
            if k % 17 == 5 { continue }
            var v = u
            if k % 10 == 3 { v.text = String(v.text.dropFirst(v.text.count / 4)) }
            out.append(v)
            if k % 23 == 7 { out.append(DiffUnit(id: "x", kind: .operative, text: units[(k * 7919) % units.count].text + " new")) }
        }
        return out.enumerated().map { DiffUnit(id: "op\($0.offset + 1)", kind: .operative, text: $0.element.text) }
    }

    static func work(_ n: Int, language: String, languagesMode: Bool = false) throws -> Int {
        let a = try units(n, language: language), b = revised(a)
        return WorkMeter.measure {
            let d = languagesMode ? Differ.languages(old: a, new: b) : Differ.versions(old: a, new: b, language: language)
            #expect(DiffProperties.problems(d) == [])
        }
    }

    @Test(arguments: ["en", "zh"])
    func versionsWorkGrowsLinearly(language: String) throws {
        let small = try Self.work(1500, language: language), large = try Self.work(3000, language: language)
        #expect(small > 0)
        #expect(Double(large) / Double(small) < 2.6, "work \(small) → \(large)")
    }

    @Test func languagesWorkGrowsLinearly() throws {
        let small = try Self.work(1500, language: "en", languagesMode: true)
        let large = try Self.work(3000, language: "en", languagesMode: true)
        #expect(Double(large) / Double(small) < 2.6, "work \(small) → \(large)")
    }

    /// Two unrelated documents: everything lands in one gap, and the rare-shingle index still
    /// keeps the work linear (no all-pairs comparison).
    @Test func unrelatedDocumentsStayLinear() throws {
        func w(_ n: Int) throws -> Int {
            let a = try Self.units(n, language: "en"), b = try Self.units(n, language: "fr")
            return WorkMeter.measure { _ = Differ.versions(old: a, new: b, language: "en") }
        }
        let small = try w(1500), large = try w(3000)
        #expect(Double(large) / Double(small) < 2.6, "work \(small) → \(large)")
    }
}
