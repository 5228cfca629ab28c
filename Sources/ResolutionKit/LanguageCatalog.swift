// The bundled languages: their files decoded once, each compiled into a profile only when a
// document in that language (or a caller that needs every language) asks for it.
//
// Compiling a profile (its patterns, phrase tables and word lists) was most of the time a
// short `reso show` took: all six were compiled to read one resolution in one language.
// Detecting the language needs only the decoded files.

import Foundation
import LanguageData

public enum LanguageCatalog {
    /// Every bundled language file, decoded (not compiled), in code order, and what went
    /// wrong reading or decoding them.
    static let decoded: (specs: [LanguageSpec], problems: [String]) = {
        let (files, unreadable) = LanguageDataFiles.load()
        var result = decode(files)
        result.problems = unreadable.map { "\($0): cannot be read" } + result.problems
        if files.isEmpty && unreadable.isEmpty {
            result.problems.append("no language files found (looked in \(LanguageDataFiles.searchPath.joined(separator: ", ")))")
        }
        return result
    }()

    /// The decoded language files, in code order.
    public static var specs: [LanguageSpec] { decoded.specs }

    /// Every bundled language, compiled (each once, shared with `profile(_:)`).
    public static var profiles: [LanguageProfile] { all }
    private static let all: [LanguageProfile] = decoded.specs.map { compiled($0) }

    /// Every file that failed to decode and every pattern that failed to compile (which
    /// compiles every language). Empty for a sound installation; `LanguageDataTests` fails on
    /// anything here.
    public static var problems: [String] { decoded.problems + profiles.flatMap(\.problems) }

    /// The language with this code, compiled on first use; nil when no file has the code.
    public static func profile(_ code: String) -> LanguageProfile? {
        guard let spec = decoded.specs.first(where: { $0.code == code }) else { return nil }
        return compiled(spec)
    }

    /// Profiles compiled so far, by code: one instance per language for the process, made
    /// under the lock so that two threads asking at once do not compile it twice.
    private static let cache = ProfileCache()

    private static func compiled(_ spec: LanguageSpec) -> LanguageProfile {
        cache.profile(spec.code) { LanguageProfile(spec: spec) }
    }

    /// Profiles from language files (code → JSON bytes), compiled now, with a line for each
    /// problem: for tests and checks of files other than the bundled ones.
    public static func load(_ files: [String: Data]) -> (profiles: [LanguageProfile], problems: [String]) {
        let (specs, problems) = decode(files)
        let profiles = specs.map { LanguageProfile(spec: $0) }
        return (profiles, problems + profiles.flatMap(\.problems))
    }

    /// Decoded files in code order, with a line for each file that does not decode.
    static func decode(_ files: [String: Data]) -> (specs: [LanguageSpec], problems: [String]) {
        let decoder = JSONDecoder()
        var specs: [LanguageSpec] = []
        var problems: [String] = []
        for (code, data) in files.sorted(by: { $0.key < $1.key }) {
            do {
                specs.append(try decoder.decode(LanguageSpec.self, from: data))
            } catch {
                problems.append("\(code).json: \(describe(error))")
            }
        }
        return (specs.sorted { $0.code < $1.code }, problems)
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "the field \(key.stringValue) is missing"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            return "the field \(c.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type"
        case DecodingError.dataCorrupted(let c): return "not valid JSON (\(c.debugDescription))"
        default: return "\(error)"
        }
    }

    /// Used only when no language file loaded at all: it knows no words, so every text is
    /// kept as `other` — never a crash.
    static let fallback = LanguageProfile(spec: LanguageSpec(
        code: "und", name: "unknown", script: .latin, joinWithSpace: true, organs: [], formulaPrefixes: [],
        formulaSuffixes: [], preambularOpeners: [], operativeVerbs: [], alsoPrefixes: [], alsoSuffixes: [], leadIns: [],
        months: [], datePatterns: [], dateOrder: .dmy, meetingPatterns: [], adoptionPatterns: [], draftCues: [],
        sessionPatterns: [], agendaPatterns: [], resolutionLinePatterns: [], furniture: [], stopwords: [],
        resolutionWords: [], subparagraphLetters: [], labelAliases: [:], closingWords: [], headingMaxLength: 0,
        paragraphsStartLowercase: false, ordinalNumerals: [], letters: [], letterWeight: 1, decisionWords: [],
        listJoiners: [], citationClosers: [:], citationListCharacters: "", paragraphCitations: [], phrases: nil))
}

/// Compiled profiles by code, behind a lock (read from the parse's threads).
private final class ProfileCache: @unchecked Sendable {
    private let lock = NSLock()
    private var byCode: [String: LanguageProfile] = [:]

    func profile(_ code: String, compile: () -> LanguageProfile) -> LanguageProfile {
        lock.lock()
        defer { lock.unlock() }
        if let p = byCode[code] { return p }
        let p = compile()
        byCode[code] = p
        return p
    }
}
