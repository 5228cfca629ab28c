import Testing
@testable import ResolutionKit

/// The phrase matcher (a trie of the language's openers and verbs) finds what trying every
/// phrase in turn finds: the longest phrase the text starts with at a position, which in a
/// cased script must end at a word boundary, a shorter one taking its place where the
/// longest does not.
@Suite struct PhraseMatcherTests {
    /// The longest phrase found by trying every one.
    static func reference(_ phrases: [[UInt32]], _ text: [Unicode.Scalar], at start: Int, caseInsensitive ci: Bool) -> Int {
        var best = 0
        for p in phrases where p.count > best && start + p.count <= text.count
            && p.indices.allSatisfy({ PhraseMatcher.fold(text[start + $0], ci) == p[$0] }) {
            if ci, start + p.count < text.count, text[start + p.count].properties.isAlphabetic { continue }
            best = p.count
        }
        return best
    }

    @Test func findsTheLongestPhraseAsTryingEachDoes() {
        var rng = PropertyTests.SplitMix(state: 61206)
        var checked = 0, found = 0
        for spec in LanguageCatalog.specs {
            let ci = spec.script != .cjk
            for list in [spec.preambularOpeners, spec.operativeVerbs] {
                let phrases = LanguageProfile.expand(list, spec)
                let matcher = PhraseMatcher(phrases, caseInsensitive: ci)
                let folded = phrases.map { $0.unicodeScalars.map { PhraseMatcher.fold($0, ci) } }.filter { !$0.isEmpty }
                let tails: [String] = ["", " ", "s", "x the", ",", "\u{00A0}", "é", "ه", "的", "1"]
                for _ in 0..<400 {
                    // A phrase, maybe cut short, in another case, with a word or a stop after it.
                    var s = Array(phrases.randomElement(using: &rng)!.unicodeScalars)
                    if Bool.random(using: &rng) { s = Array(s.prefix(Int.random(in: 1...s.count, using: &rng))) }
                    var text = String(String.UnicodeScalarView(s))
                    switch Int.random(in: 0..<3, using: &rng) {
                    case 0: text = text.uppercased()
                    case 1: text = text.prefix(1).uppercased() + text.dropFirst()
                    default: break
                    }
                    text += tails.randomElement(using: &rng)! + (phrases.randomElement(using: &rng) ?? "")
                    let scalars = Array(text.unicodeScalars)
                    for start in [0, min(1, scalars.count - 1), scalars.count / 2] {
                        let expected = Self.reference(folded, scalars, at: start, caseInsensitive: ci)
                        #expect(matcher.longestMatch(scalars, at: start) == expected, "\(spec.code): \(text) at \(start)")
                        checked += 1
                        if expected > 0 { found += 1 }
                    }
                }
            }
        }
        #expect(found * 4 > checked, "many positions should open a phrase: \(found) of \(checked)")
    }
}
