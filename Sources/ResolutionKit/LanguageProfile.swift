// What the parser knows about one language, loaded from Resources/languages/<code>.json.
// The parser never branches on a language code: it only asks a profile.
import Foundation
import LanguageData

/// How a language is written.
public enum Script: String, Codable, Sendable {
    case cjk, latin, cyrillic, arabic
}

/// The order of year, month and day in a language's dates.
public enum DateOrder: String, Codable, Sendable {
    case ymd, dmy
}

/// The words around a paragraph number in a citation: `第` … `段`, `paragraph ` … ``.
public struct ParagraphCitation: Codable, Sendable, Hashable {
    public var before: String
    public var after: String
}

public struct LanguageSpec: Codable, Sendable {
    public var code: String
    public var name: String
    /// Decides how wrapped lines are joined, and which letters count as this language's when
    /// a document's language is detected.
    public var script: Script
    public var joinWithSpace: Bool
    public var organs: [String]
    public var formulaPrefixes: [String]
    public var formulaSuffixes: [String]
    public var preambularOpeners: [String]
    public var operativeVerbs: [String]
    public var alsoPrefixes: [String]
    public var alsoSuffixes: [String]
    public var leadIns: [String]
    public var months: [String]
    /// Regular expressions with `{month}` standing for the month alternation.
    public var datePatterns: [String]
    /// Order of the date pattern's three groups.
    public var dateOrder: DateOrder
    public var meetingPatterns: [String]
    public var adoptionPatterns: [String]
    public var draftCues: [String]
    public var sessionPatterns: [String]
    public var agendaPatterns: [String]
    public var resolutionLinePatterns: [String]
    public var furniture: [String]
    public var stopwords: [String]
    public var resolutionWords: [String]
    /// Letters used for first-degree subparagraphs when not a–z (Arabic abjad order).
    public var subparagraphLetters: [String]
    public var labelAliases: [String: String]
    public var closingWords: [String]
    /// Longest line (in Unicode scalars) still read as a heading.
    public var headingMaxLength: Int
    /// Paragraphs open with a lower-case word (Russian): case says nothing about
    /// whether a line continues the paragraph before it.
    public var paragraphsStartLowercase: Bool
    /// Numerals used in brackets for second-degree subparagraphs (`（十一）`).
    public var ordinalNumerals: [String]
    /// This script's letters as hex ranges (`4E00-9FFF`), counted to detect a document's
    /// language. Languages of one script list the same ranges; their stopwords then decide.
    public var letters: [String]
    /// What one of those letters weighs against a letter of another script: a Han character
    /// carries about as much text as three Latin letters.
    public var letterWeight: Int
    /// The citation keywords (among `resolutionWords`) that cite decisions, not resolutions.
    public var decisionWords: [String]
    /// Words that join a document symbol to a corrigendum or addendum named by its last part
    /// only (`A/67/65 and Corr.1`).
    public var listJoiners: [String]
    /// Words that put a list's last item as an alternative (`…; or` / `(i) …`): like the
    /// joiners, they end the item before the last with no terminator. Optional, for language
    /// files written before it.
    public var listAlternatives: [String]? = nil
    /// Words that close a citation list written before them (`第 56/183、57/238 号决议`), with
    /// the kind they cite (`resolution`, `decision`).
    public var citationClosers: [String: String]
    /// What such a list may hold besides digits, capital letters and spaces.
    public var citationListCharacters: String
    /// How a text names a paragraph of a cited resolution (`第 5 段`, `paragraph 5`).
    public var paragraphCitations: [ParagraphCitation]
    /// What exports say in this language (LanguagePhrases.swift); optional so that a
    /// language file without it still loads (exports then fall back to English).
    public var phrases: LanguagePhrases?
}

extension LanguageSpec {
    /// A `letters` entry (`0400-04FF`) as a range of scalar values; nil when it is not two
    /// hex numbers joined by `-`, in order.
    static func letterRange(_ text: String) -> ClosedRange<UInt32>? {
        let ends = text.split(separator: "-").compactMap { UInt32($0, radix: 16) }
        guard ends.count == 2, ends[0] <= ends[1] else { return nil }
        return ends[0]...ends[1]
    }
}

/// A profile ready for matching: word lists as scalar arrays indexed by first scalar,
/// patterns compiled once.
public final class LanguageProfile: @unchecked Sendable {
    public let spec: LanguageSpec
    let openers: PhraseMatcher
    let verbs: PhraseMatcher
    let leadIns: [[Unicode.Scalar]]
    let formulas: [[Unicode.Scalar]]
    /// The scalars formulas open with (a cheap first test, asked of every line).
    let formulaInitials: ScalarSet
    /// The first scalars (eight at most) that every line read as a formula opens with, one
    /// for each formula: its text without the last scalar (a stop that may be set apart),
    /// trimmed (`StructureBuilder.isFormula`).
    let formulaOpenings: [[Unicode.Scalar]]
    /// Whole lines that are page furniture (`Please recycle`), as scalars once.
    let furnitureLines: [[Unicode.Scalar]]
    let dateRegexes: [NSRegularExpression]
    let meetingRegexes: [NSRegularExpression]
    let adoptionRegexes: [NSRegularExpression]
    let sessionRegexes: [NSRegularExpression]
    let agendaRegexes: [NSRegularExpression]
    let resolutionLineRegexes: [NSRegularExpression]
    let resolutionWords: [[Unicode.Scalar]]
    /// The scalars a resolution word starts with, asked at every scalar of every paragraph.
    let resolutionWordStarts: ScalarSet
    /// The same scalars' values, repeated to fill four lanes, for `ScalarScan.nextWordStart`;
    /// nil when there are none or more than four.
    let resolutionWordStartLanes: SIMD4<UInt32>?
    /// `spec.listJoiners` and `spec.listAlternatives`, each scalar case-folded once
    /// (`PhraseMatcher.fold`): compared with
    /// the last word of every line, where lowercasing both as strings was 5% of a parse.
    let listJoinerFolds: [[UInt32]]
    let decisionWords: Set<[Unicode.Scalar]>
    let citationClosers: [(word: [Unicode.Scalar], kind: String)]
    /// The scalars a citation closer starts with, asked at every scalar of every paragraph
    /// (made once here, not once a paragraph).
    let citationCloserStarts: ScalarSet
    let citationListScalars: Set<Unicode.Scalar>
    /// `letters` as closed ranges of scalar values (a range that does not parse is a problem).
    let letterRanges: [ClosedRange<UInt32>]
    let letterIndex: [String: Int]
    let numeralIndex: [String: Int]
    /// What in this language's file could not be used (patterns that do not compile).
    public let problems: [String]

    public var code: String { spec.code }

    init(spec: LanguageSpec) {
        self.spec = spec
        openers = PhraseMatcher(LanguageProfile.expand(spec.preambularOpeners, spec), caseInsensitive: spec.script != .cjk)
        verbs = PhraseMatcher(LanguageProfile.expand(spec.operativeVerbs, spec), caseInsensitive: spec.script != .cjk)
        leadIns = spec.leadIns.sorted { $0.count > $1.count }.map { Array($0.unicodeScalars) }
        var f: [[Unicode.Scalar]] = []
        for organ in spec.organs {
            for p in spec.formulaPrefixes { for s in spec.formulaSuffixes { f.append(Array((p + organ + s).unicodeScalars)) } }
        }
        formulas = f
        formulaInitials = ScalarSet(f.compactMap { $0.first(where: { !Chars.isSpace($0) }) })
        formulaOpenings = f.map { Array(trimmed(Array($0.dropLast())).prefix(8)) }
        furnitureLines = spec.furniture.map { Array($0.unicodeScalars) }
        let monthAlt = spec.months.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
        // A pattern that does not compile is recorded, never dropped silently: the
        // catalog reports it and a test fails on it.
        var problems: [String] = []
        func compile(_ patterns: [String]) -> [NSRegularExpression] {
            patterns.compactMap { pattern in
                do {
                    return try NSRegularExpression(pattern: pattern.replacingOccurrences(of: "{month}", with: monthAlt),
                                                   options: [.caseInsensitive])
                } catch {
                    problems.append("\(spec.code).json: the pattern \(pattern) does not compile")
                    return nil
                }
            }
        }
        dateRegexes = compile(spec.datePatterns)
        meetingRegexes = compile(spec.meetingPatterns)
        adoptionRegexes = compile(spec.adoptionPatterns)
        sessionRegexes = compile(spec.sessionPatterns)
        agendaRegexes = compile(spec.agendaPatterns)
        resolutionLineRegexes = compile(spec.resolutionLinePatterns)
        resolutionWords = spec.resolutionWords.sorted { $0.count > $1.count }.map { Array($0.unicodeScalars) }
        resolutionWordStarts = ScalarSet(resolutionWords.compactMap(\.first))
        var startValues: [UInt32] = []
        for w in resolutionWords { if let f = w.first, !startValues.contains(f.value) { startValues.append(f.value) } }
        resolutionWordStartLanes = startValues.isEmpty || startValues.count > 4 ? nil
            : SIMD4((0..<4).map { startValues[min($0, startValues.count - 1)] })
        listJoinerFolds = (spec.listJoiners + (spec.listAlternatives ?? [])).map { $0.unicodeScalars.map { PhraseMatcher.fold($0, true) } }
        decisionWords = Set(spec.decisionWords.map { Array($0.unicodeScalars) })
        citationClosers = spec.citationClosers.sorted { $0.key < $1.key }.map { (Array($0.key.unicodeScalars), $0.value) }
        citationCloserStarts = ScalarSet(citationClosers.compactMap(\.word.first))
        citationListScalars = Set(spec.citationListCharacters.unicodeScalars)
        letterRanges = spec.letters.compactMap { range in
            guard let r = LanguageSpec.letterRange(range) else {
                problems.append("\(spec.code).json: the letter range \(range) is not two hex numbers joined by -")
                return nil
            }
            return r
        }
        var idx: [String: Int] = [:]
        for (i, l) in spec.subparagraphLetters.enumerated() { idx[l] = i }
        for (alias, target) in spec.labelAliases { if let i = idx[target] { idx[alias] = i } }
        letterIndex = idx
        var numerals: [String: Int] = [:]
        for (i, n) in spec.ordinalNumerals.enumerated() { numerals[n] = i }
        numeralIndex = numerals
        self.problems = problems
    }

    /// Adds the "also/further" forms: `又回顾`, `Also decides`, `Recalling also`.
    static func expand(_ words: [String], _ spec: LanguageSpec) -> [String] {
        var out = Set(words)
        for w in words {
            for p in spec.alsoPrefixes {
                let lowerFirst = spec.script == .cjk || spec.script == .arabic ? w : w.prefix(1).lowercased() + w.dropFirst()
                out.insert(p + lowerFirst)
            }
            for s in spec.alsoSuffixes { out.insert(w + s) }
        }
        return Array(out)
    }

    var isCJK: Bool { spec.script == .cjk }

    /// Paragraphs open with no capital to set them apart from a clause after a comma (Arabic
    /// has no case; Russian preambles open in lowercase) and with no grid to measure by, as
    /// CJK has: there the lengths of a text's lines are asked whether a line was set in
    /// (`TextLayout.openingReach`).
    var opensWithoutCapital: Bool { spec.script == .arabic || (spec.script != .cjk && spec.paragraphsStartLowercase) }
}

/// A set of scalars answered for ASCII by a bitmap: asked at every scalar of a text, a
/// `contains` on an array or a hashed set was a measurable part of a parse.
struct ScalarSet: Sendable {
    private var low: UInt64 = 0, high: UInt64 = 0
    private var others: Set<Unicode.Scalar> = []
    /// A filter over `others`: a bit for the low six bits of each value, and one for the next
    /// six. A value whose two bits are not both set is not among them, known without hashing:
    /// in Chinese text every scalar is past ASCII, and hashing each one for the set (the
    /// closer `号` looked for at every position) was a twentieth of a parse.
    private var otherLow: UInt64 = 0, otherHigh: UInt64 = 0

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        for s in scalars {
            switch s.value {
            case 0..<64: low |= 1 << UInt64(s.value)
            case 64..<128: high |= 1 << UInt64(s.value - 64)
            default:
                others.insert(s)
                otherLow |= 1 << UInt64(s.value & 63)
                otherHigh |= 1 << UInt64((s.value >> 6) & 63)
            }
        }
    }

    /// - Complexity: O(1).
    @inline(__always) func contains(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 64 { return low & (1 << UInt64(v)) != 0 }
        if v < 128 { return high & (1 << UInt64(v - 64)) != 0 }
        guard otherLow & (1 << UInt64(v & 63)) != 0, otherHigh & (1 << UInt64((v >> 6) & 63)) != 0 else { return false }
        return others.contains(s)
    }
}
