// What the preface says about the resolution: organ, number, symbol, status, title,
// adoption date, session, agenda item. Unknown stays nil — never a guess.
import Foundation

enum MetaReader {
    static func read(preface: [Scalars], formula: Scalars?, closingDate: String?, profile: LanguageProfile,
                     hardWrapped: Bool) -> DocumentMeta {
        var meta = DocumentMeta()
        if let f = formula { meta.body = organ(in: f, profile) }
        let lines = preface.map { $0.filter { $0 != "*" }.string.trimmingCharacters(in: .whitespaces) }
        var isDraft = false
        var adoptionDate: String? = nil
        for (i, line) in lines.enumerated() {
            if profile.spec.draftCues.contains(where: { line.contains($0) }) { isDraft = true }
            if meta.number == nil, let (number, title) = numberAndTitle(line) {
                meta.number = number
                var full = title
                // A title wrapped onto the next line (PDF text).
                if i + 1 < lines.count, !lines[i + 1].isEmpty, hardWrapped, !title.isEmpty,
                   approxColumns(title.scalars) >= 30, !looksStructural(lines[i + 1], profile) {
                    full += profile.spec.joinWithSpace ? " " + lines[i + 1] : lines[i + 1]
                }
                meta.title = full.isEmpty ? nil : full
                continue
            }
            for r in profile.resolutionLineRegexes {
                if meta.number == nil, let g = r.groups(in: line), g.count >= 3 { meta.number = "\(g[1]) (\(g[2]))" }
            }
            if meta.symbol == nil, let sym = ReferenceScanner.symbols(line.scalars).first, sym.count == line.count,
               sym.contains("/RES/") || sym.contains("/L.") {
                meta.symbol = sym
            }
            if meta.session == nil {
                for r in profile.sessionRegexes { if let g = r.groups(in: line), g.count >= 2 { meta.session = g[1]; break } }
            }
            if meta.agendaItem == nil {
                for r in profile.agendaRegexes { if let g = r.groups(in: line), g.count >= 2 { meta.agendaItem = g[1]; break } }
            }
            if adoptionDate == nil, profile.adoptionRegexes.contains(where: { $0.firstMatch(in: line, range: NSRangeShim.whole(line)) != nil }) {
                adoptionDate = date(in: line, profile)
            }
        }
        if meta.symbol == nil, let n = meta.number { meta.symbol = symbol(number: n) }
        // A resolution's own symbol on the cover (`S/RES/2510 (2020)`) gives its number.
        if meta.number == nil, let sym = meta.symbol, let r = sym.range(of: "/RES/") {
            meta.number = String(sym[r.upperBound...])
        }
        meta.status = meta.number != nil && !isDraft ? .adopted : .draft
        if meta.status == .draft { meta.number = nil; if meta.symbol?.contains("/RES/") == true { meta.symbol = nil } }
        meta.date = adoptionDate ?? closingDate
        if meta.title == nil && isDraft {
            // A draft's title is the line just before the organ line.
            if let last = lines.last(where: { !$0.isEmpty }), !looksStructural(last, profile) { meta.title = last }
        }
        return meta
    }

    static func organ(in formula: Scalars, _ profile: LanguageProfile) -> String? {
        let s = formula.filter { $0 != "*" }.string
        return profile.spec.organs.first { s.contains($0) }
    }

    /// `72/200. 信息和…`, `2015/26.评估…`.
    static func numberAndTitle(_ line: String) -> (String, String)? {
        let s = line.scalars
        var i = 0
        while i < s.count && Chars.isDigit(s[i]) { i += 1 }
        guard i >= 1, i <= 4, i < s.count, s[i] == "/" else { return nil }
        var j = i + 1
        while j < s.count && Chars.isDigit(s[j]) { j += 1 }
        guard j > i + 1, j - i - 1 <= 4, j < s.count, s[j] == "." || s[j] == "．" else { return nil }
        let number = Array(s[0..<j]).string
        let title = trimmed(s[(j + 1)...]).string
        return (number, title)
    }

    /// The resolution's own symbol, from the shape of its number: SC numbers carry a
    /// year in brackets, ECOSOC numbers start with a year, GA numbers with a session.
    static func symbol(number: String) -> String? {
        if number.contains("(") { return "S/RES/" + number }
        let parts = number.split(separator: "/")
        guard parts.count == 2 else { return nil }
        return (parts[0].count == 4 ? "E/RES/" : "A/RES/") + number
    }

    static func looksStructural(_ line: String, _ profile: LanguageProfile) -> Bool {
        let s = line.scalars
        if StructureBuilder.isFormula(s, profile) { return true }
        if line.hasPrefix("[") || line.hasPrefix("(") { return true }
        return false
    }

    /// An ISO date (`2020-07-17`) from the first date in the text.
    static func date(in text: String, _ profile: LanguageProfile) -> String? {
        for r in profile.dateRegexes {
            guard let g = r.groups(in: text), g.count >= 4 else { continue }
            var y = "", m = "", d = ""
            if profile.spec.dateOrder == .ymd { (y, m, d) = (g[1], g[2], g[3]) } else { (d, m, y) = (g[1], g[2], g[3]) }
            let monthNumber: Int
            if let v = Int(m) { monthNumber = v }
            else if let idx = profile.spec.months.firstIndex(where: { $0.lowercased() == m.lowercased() }) { monthNumber = idx + 1 }
            else { continue }
            guard let year = Int(y), let day = Int(d), (1...12).contains(monthNumber), (1...31).contains(day) else { continue }
            return String(format: "%04d-%02d-%02d", year, monthNumber, day)
        }
        return nil
    }

    /// The meeting line of the closing (`第 39 次全体会议`, `74th plenary meeting`).
    static func meeting(in lines: [String], _ profile: LanguageProfile) -> String? {
        lines.first { l in profile.meetingRegexes.contains { $0.firstMatch(in: l, range: NSRangeShim.whole(l)) != nil } }
    }
}
