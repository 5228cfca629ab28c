// Where a cited document can be read when it is not in the library: the United Nations'
// document links, `https://undocs.org/<symbol>`. A citation gives a resolution by its number
// as printed (`70/125`, `2006/46`, `2165 (2014)`, `217 A (III)`); the symbol follows from the
// form: a General Assembly session number, an ECOSOC year, a Security Council number and year.
import Foundation

public enum UNDocsLink {
    /// The link for a reference (`Reference.symbol` and `kind`), or nil when its form says
    /// nothing certain about the symbol.
    /// - Complexity: O(n) in the reference's length.
    public static func url(for symbol: String, kind: String) -> String? {
        let s = symbol.trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty else { return nil }
        if kind == "document" {
            // A joint symbol (`A/75/62-E/2020/11`) is one document: its first symbol finds it.
            let first = s.range(of: #"-(?=[A-Z]+/)"#, options: .regularExpression).map { String(s[..<$0.lowerBound]) } ?? s
            guard first.contains("/"), first.allSatisfy({ !$0.isWhitespace }) else { return nil }
            return "https://undocs.org/" + first
        }
        let resolution = kind != "decision"
        func match(_ pattern: String) -> [String]? {
            guard let re = try? NSRegularExpression(pattern: pattern),
                  let m = re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) else { return nil }
            return (1..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : String(s[Range(m.range(at: $0), in: s)!]) }
        }
        // Security Council: `2165 (2014)`.
        if resolution, let g = match(#"^(\d{1,4}) ?\((\d{4})\)$"#) {
            return "https://undocs.org/S/RES/\(g[0])(\(g[1]))"
        }
        // Early General Assembly resolutions: `217 A (III)`, `2200 A (XXI)`.
        if resolution, let g = match(#"^(\d{1,4})(?: [A-Z])? \(([IVXLC]+)\)$"#) {
            return "https://undocs.org/A/RES/\(g[0])(\(g[1]))"
        }
        // ECOSOC: a year and a number, `2006/46`.
        if let g = match(#"^((?:19|20)\d{2})/(\d{1,4})$"#) {
            return "https://undocs.org/E/\(resolution ? "RES" : "DEC")/\(g[0])/\(g[1])"
        }
        // General Assembly: a session and a number, `70/125`, `57/270 B`.
        if let g = match(#"^(\d{1,3})/(\d{1,4})(?: ?([A-Z]))?$"#) {
            return "https://undocs.org/A/\(resolution ? "RES" : "DEC")/\(g[0])/\(g[1])\(g[2])"
        }
        return nil
    }
}
