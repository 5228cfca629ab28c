// Gives the parser the language files in `languages/` (one JSON file per UN language).
// Kept as data so that a language can be added or corrected without touching the parser.
import Foundation

public enum LanguageDataFiles {
    /// The raw bytes of every bundled language file, keyed by language code (`zh`, `en` …).
    public static func all() -> [String: Data] {
        var out: [String: Data] = [:]
        guard let dir = Bundle.module.url(forResource: "languages", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return out }
        for name in names where name.hasSuffix(".json") {
            if let data = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) {
                out[String(name.dropLast(5))] = data
            }
        }
        return out
    }
}
