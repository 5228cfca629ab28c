import Foundation
import Testing
@testable import ResolutionKit

/// Every phase is linear: doubling a pathological input at most about doubles the work
/// the parser reports to its `WorkMeter` (scalars scanned and copied, with a copy of a
/// growing buffer counted at its full size). Work, not seconds: the figure is exact and
/// the same on any machine.
@Suite(.serialized) struct LinearityTests {
    /// Inputs that were quadratic once, or could be: each builds a document of `n` units.
    static let inputs: [(name: String, make: @Sendable (Int) -> String)] = [
        ("labels under one paragraph", { n in "安全理事会，\n\n1. 决定：\n" + String(repeating: "(a) 文\n", count: n) }),
        ("one Chinese item of comma-ended lines", { n in
            "安全理事会，\n\n1. 决定：\n(a) 回顾其以往关于该地区局势的各项决议，\n" + String(repeating: "协调其以往关于该地区局势的各项决议，\n", count: n) }),
        ("two-letter lines in one paragraph", { n in "The Security Council,\n\nRecalling " + String(repeating: "ab\n", count: n) }),
        ("hyphenated lines", { n in "The Security Council,\n\nRecalling " + String(repeating: "a-\n", count: n) }),
        ("hard-wrapped paragraph", { n in
            "The Security Council,\n\n" + String(repeating: "Recalling its previous resolutions on the situation in the region and the\n", count: n) }),
        ("CJK paragraph cut into lines", { n in "安全理事会，\n\n" + String(repeating: "回顾其以往关于该地区局势的各项决议\n", count: n) }),
        ("PDF footnote zone with a long note", { n in
            "The Security Council,\n\n1. Decides to remain seized of the matter.¹\n" + String(repeating: " ", count: 20) + "\n1\n"
                + String(repeating: "See the report of the Secretary-General on the situation in the region of the\n", count: n) }),
        // Both parts grow with n: a run of notes numbered 1… at the end (a quarter of the
        // lines, so that it stays under the three digits a note number may have) after the
        // text. Numbered cyclically to 999, the run was 502 lines at 1,500 and 4 at 3,000.
        ("numbered lines at the end", { n in
            "The Security Council,\n\n" + (1...(n - n / 4)).map { "Recalling the text of line \($0)," }.joined(separator: "\n")
                + "\n" + (1...(n / 4)).map { "\($0) Text of note" }.joined(separator: "\n") }),
        ("resolution lists", { n in
            "The Security Council,\n\nRecalling resolutions " + (1...n).map { "\($0 % 9000 + 1)" }.joined(separator: ", resolution ") + ",\n" }),
        ("Chinese citation lists", { n in
            "安全理事会，\n\n回顾" + String(repeating: "第 1325 (2000) 号决议和", count: n) + "，\n" }),
        ("unclosed links and brackets", { n in
            "The Security Council,\n\nRecalling " + String(repeating: "[text](a [b] (c) ", count: n) + "\n" }),
        ("one-line paragraphs", { n in
            "The Security Council,\n\n" + String(repeating: "*Recalling* its resolution 1325 (2000) and A/60/687,\n\n", count: n) }),
        // pdftotext's embeddings: one left-to-right run of numbers and commas inside a
        // right-to-left line, read from its right end (`VisualOrder.readPaintedRun`).
        ("a painted run of numbers and commas", { n in
            "\u{202B}وإذ يشير إلى القرارات \u{202A}" + String(repeating: " )2014( 2175 ، 2000", count: n) + "\u{202C}\u{202C}\n" }),
        // Words spaced apart, joined by the letter model (`ArabicWordPieces.letterModelJoins`),
        // and a line of lone letters, which join one after another.
        ("Arabic words taken apart", { n in
            "وإذ يشير إلى القرار،\n" + String(repeating: "الق رار المتعلق ة بص ادرات النفط ب ت ث\n", count: n) }),
        ("a line of lone Arabic letters", { n in
            "الق رار المتعلق ة ج\n" + String(repeating: "ب ", count: n) + "س\n" }),
        ("subparagraphs with second-degree items", { n in
            "The Security Council,\n\n1. Decides:\n" + String(repeating: "(a) first\n(i) inner\ncontinued text\n", count: n) }),
    ]

    static func work(_ text: String) -> Int {
        WorkMeter.measure {
            _ = ResolutionParser.parse(text: text, source: SourceInfo(path: "t", sha256: "", encoding: "utf-8"))
        }
    }

    @Test(arguments: 0..<inputs.count)
    func doublingTheInputAtMostAboutDoublesTheWork(_ which: Int) {
        let (name, make) = Self.inputs[which]
        let small = Self.work(make(1_500)), large = Self.work(make(3_000))
        #expect(small > 0, "\(name): the meter saw no work")
        let ratio = Double(large) / Double(max(small, 1))
        #expect(ratio < 2.3, "\(name): doubling the input multiplied the work by \(ratio) (\(small) → \(large))")
    }
}

/// The running-line search counts line hashes in a flat table with linear probing. The
/// hashes (FNV-1a of the text) are public, so a file can be made of lines whose hashes agree
/// in whatever bits pick a slot; probing must stay linear for them.
@Suite(.serialized) struct HashCountsLinearityTests {
    /// Probes past the first for `n` keys built to share their low bits and the bits
    /// `key ^ key >> 32` folds together (an unseeded slot put them all in one run).
    static func probes(_ n: Int) -> Int {
        WorkMeter.measure {
            var table = HashCounts(atLeast: n)
            for i in 1...n { _ = table.add(UInt64(i) << 32 | UInt64(i)) }
        }
    }

    @Test func keysMadeToCollideCostLinearProbing() {
        // Half full at most: under one extra probe a key on average, whatever the keys (in
        // one run, 8,000 keys would cost 32 million).
        for n in [8_000, 16_000] {
            let probes = Self.probes(n)
            #expect(probes < n * 2, "\(probes) probes for \(n) keys")
        }
    }
}
