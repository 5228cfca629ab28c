import Foundation
@testable import ResolutionKit

/// Turns a corpus file with one paragraph per line into the text layouts that PDF
/// extraction and copying from a viewer produce, so that the layout phases can be checked
/// against the corpus truth. Deterministic: every choice comes from a generator seeded by
/// the file's name, so a failure can be reproduced.
enum TextLayoutKind: String, CaseIterable, Sendable {
    /// Hard-wrapped, a blank line between paragraphs, `1.` sometimes a block of its own,
    /// page feeds with header and footer blocks (pdftotext's default).
    case blankSeparated
    /// Hard-wrapped, no blank line anywhere (copied from a viewer).
    case noBlankLines
    /// A blank line after every line, paragraph openings indented (older PDF extractions).
    case doubleSpaced
    /// Fixed columns: a left margin, hanging numbers, justified lines padded with spaces,
    /// page feeds with right-aligned running headers and `job … n/m` footers (`pdftotext -layout`).
    case columns
    /// Numbers alone on a line (or followed by a tab) with the text on the next line.
    case numbersAlone
    /// pdftotext's reading order when it takes the numbers hanging in the margin for a column
    /// of their own: each page's operative numbers first, one per line, then the page's text
    /// with no numbers and no blank lines.
    case numberColumn
}

struct SplitMix64 {
    var state: UInt64
    init(seed: String) {
        // FNV-1a: stable across runs, unlike `Hasher`.
        var h: UInt64 = 0xcbf29ce484222325
        for b in seed.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        state = h
    }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 10_000) < p * 10_000 }
}

struct LayoutGenerator {
    let kind: TextLayoutKind
    var rng: SplitMix64
    /// `S/RES/2504 (2020)` and `20-00407 (E)`, taken from the corpus file name.
    let symbol: String
    let job: String

    init(kind: TextLayoutKind, name: String) {
        self.kind = kind
        rng = SplitMix64(seed: kind.rawValue + "/" + name)
        // S_RES_2504_2020_-2000407E.plain.txt
        let parts = name.split(separator: "_")
        symbol = parts.count >= 4 ? "S/RES/\(parts[2]) (\(parts[3]))" : "S/RES/1 (2020)"
        let jobDigits = name.split(separator: "-").last.map { $0.prefix(7) } ?? "0000000"
        let letter = name.split(separator: "-").last.flatMap { $0.dropFirst(7).first } ?? "E"
        job = jobDigits.count == 7 ? "\(jobDigits.prefix(2))-\(jobDigits.dropFirst(2)) (\(letter))" : "20-00000 (E)"
    }

    static func isWide(_ c: Character) -> Bool {
        c.unicodeScalars.first.map { Chars.isWide($0) } ?? false
    }

    static func width(_ s: Substring) -> Int { s.reduce(0) { $0 + (isWide($1) ? 2 : 1) } }

    /// Breaks a paragraph into lines of at most `measure` columns (the first line `first`
    /// columns). Space-separated scripts break between words; CJK between characters.
    static func wrap(_ text: String, measure: Int, first: Int, cjk: Bool) -> [String] {
        var lines: [String] = []
        var line = ""
        var width = 0
        let limit = { lines.isEmpty ? first : measure }
        if cjk {
            for c in text {
                let w = isWide(c) ? 2 : 1
                if width + w > limit(), !line.isEmpty {
                    lines.append(line.trimmingCharacters(in: .whitespaces)); line = ""; width = 0
                }
                line.append(c); width += w
            }
        } else {
            for word in text.split(separator: " ", omittingEmptySubsequences: true) {
                let w = Self.width(word)
                if !line.isEmpty, width + 1 + w > limit() {
                    lines.append(line); line = ""; width = 0
                }
                if !line.isEmpty { line += " "; width += 1 }
                line += word; width += w
            }
        }
        if !line.isEmpty { lines.append(line.trimmingCharacters(in: .whitespaces)) }
        return lines
    }

    /// Pads a line with extra spaces between words up to `measure`, as `-layout` renders
    /// justified text.
    static func justify(_ line: String, to measure: Int) -> String {
        var words = line.split(separator: " ").map(String.init)
        guard words.count > 1 else { return line }
        var missing = measure - width(Substring(line))
        var k = 0
        while missing > 0 {
            words[k % (words.count - 1)] += " "
            missing -= 1; k += 1
        }
        return words.joined(separator: " ")
    }

    /// `12. Decides…` → ("12.", "Decides…").
    static func splitNumber(_ p: String) -> (String, String)? {
        guard let dot = p.firstIndex(of: "."), p[..<dot].allSatisfy(\.isASCII), p[..<dot].allSatisfy(\.isNumber),
              !p[..<dot].isEmpty, p[p.index(after: dot)...].first == " " else { return nil }
        return (String(p[...dot]), String(p[p.index(dot, offsetBy: 2)...]))
    }

    mutating func render(_ source: String) -> String {
        let paragraphs = source.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let cjk = source.filter(Self.isWide).count * 3 > source.count
        // Right-to-left text: indentation sits on the right, so extraction shows none
        // (plain) or right-aligned lines padded on the left (`-layout`).
        let rtl = source.unicodeScalars.filter { $0.value >= 0x0600 && $0.value <= 0x06FF }.count * 3 > source.count
        let measure = cjk ? rng.int(52...86) : rng.int(58...100)
        let pageLines = rng.int(34...56)
        let numberOwnBlock = rng.chance(0.5)
        let tabAfterNumber = rng.chance(0.5)
        let blankInColumns = rng.chance(0.5)
        let justified = rng.chance(0.6)
        let margin = rng.int(4...12)
        let openIndent = rng.int(1...4)
        let numbersAloneBlank = rng.chance(0.5)

        // Body lines first (one entry per printed line, `nil` = a blank line), then pages.
        var body: [String?] = []
        // numberColumn: the number of the paragraph whose first line this is.
        var columnNumber: [Int: String] = [:]
        for p in paragraphs {
            switch kind {
            case .numberColumn:
                if let (n, rest) = Self.splitNumber(p) {
                    columnNumber[body.count] = n
                    body += Self.wrap(rest, measure: measure, first: measure, cjk: cjk).map(Optional.some)
                } else {
                    body += Self.wrap(p, measure: measure, first: measure, cjk: cjk).map(Optional.some)
                }
            case .blankSeparated:
                if !body.isEmpty { body.append(nil) }
                if numberOwnBlock, let (n, rest) = Self.splitNumber(p) {
                    body.append(n); body.append(nil)
                    body += Self.wrap(rest, measure: measure, first: measure, cjk: cjk).map(Optional.some)
                } else {
                    body += Self.wrap(p, measure: measure, first: measure, cjk: cjk).map(Optional.some)
                }
            case .noBlankLines:
                body += Self.wrap(p, measure: measure, first: measure, cjk: cjk).map(Optional.some)
            case .doubleSpaced:
                let pad = String(repeating: " ", count: rtl ? 0 : openIndent)
                for (k, l) in Self.wrap(p, measure: measure, first: measure - openIndent, cjk: cjk).enumerated() {
                    body.append(k == 0 ? pad + l : l); body.append(nil)
                }
            case .numbersAlone:
                if numbersAloneBlank, !body.isEmpty { body.append(nil) }
                if let (n, rest) = Self.splitNumber(p) {
                    let lines = Self.wrap(rest, measure: measure, first: measure - 8, cjk: cjk)
                    if tabAfterNumber {
                        body.append(n + "\t" + lines[0]); body += lines.dropFirst().map(Optional.some)
                    } else {
                        body.append(n); body += lines.map(Optional.some)
                    }
                } else {
                    body += Self.wrap(p, measure: measure, first: measure, cjk: cjk).map(Optional.some)
                }
            case .columns:
                if blankInColumns, !body.isEmpty { body.append(nil) }
                let left = String(repeating: " ", count: margin)
                var lines: [String]
                var firstPrefix = left + "     "
                var restPrefix = left
                if let (n, rest) = Self.splitNumber(p) {
                    lines = Self.wrap(rest, measure: measure, first: measure - 10, cjk: cjk)
                    firstPrefix = left + "     " + n.padding(toLength: 5, withPad: " ", startingAt: 0)
                } else if p.hasPrefix("(") || p.hasPrefix("（") || (p.count > 2 && p.dropFirst().first == ")") {
                    lines = Self.wrap(p, measure: measure - 10, first: measure - 10, cjk: cjk)
                    firstPrefix = left + "          "; restPrefix = firstPrefix
                } else {
                    lines = Self.wrap(p, measure: measure, first: measure - 5, cjk: cjk)
                }
                for (k, l) in lines.enumerated() {
                    let last = k == lines.count - 1
                    let room = k == 0 ? measure - (firstPrefix.count - margin) : measure - (restPrefix.count - margin)
                    let text = justified && !last && !cjk ? Self.justify(l, to: room) : l
                    if rtl {
                        let right = margin + measure
                        let room = (k == 0 ? firstPrefix : restPrefix).count - margin
                        let number = k == 0 ? firstPrefix.trimmingCharacters(in: .whitespaces) : ""
                        let shown = number.isEmpty ? text : number + " " + text
                        body.append(String(repeating: " ", count: max(0, right - room - Self.width(Substring(shown)))) + shown)
                    } else {
                        body.append((k == 0 ? firstPrefix : restPrefix) + text)
                    }
                }
            }
        }

        // Pages: a header on every page but the first, a footer with the job number and
        // `n/m` on every page, a page feed between pages.
        var pages: [[String?]] = []
        var page: [String?] = []
        var pageNumbers: [[String]] = []
        var numbers: [String] = []
        for (k, line) in body.enumerated() {
            if page.count >= pageLines, line != nil { pages.append(page); pageNumbers.append(numbers); page = []; numbers = [] }
            if page.isEmpty && line == nil { continue }
            page.append(line)
            if let n = columnNumber[k] { numbers.append(n) }
        }
        if !page.isEmpty { pages.append(page); pageNumbers.append(numbers) }
        var out = ""
        let total = pages.count
        for (k, lines) in pages.enumerated() {
            let number = k + 1
            let pageNumber = "\(number)/\(total)"
            var header: [String] = []
            var footer: [String] = []
            switch kind {
            case .columns:
                let wide = String(repeating: " ", count: margin + measure - symbol.count)
                if number > 1 { header = [(number % 2 == 0 ? String(repeating: " ", count: margin) : wide) + symbol, ""] }
                let gap = String(repeating: " ", count: max(4, measure - job.count - pageNumber.count))
                footer = ["", String(repeating: " ", count: margin) + (number % 2 == 0 ? pageNumber + gap + job : job + gap + pageNumber)]
            case .blankSeparated, .doubleSpaced:
                if number > 1 { header = [symbol, ""] }
                footer = ["", job, "", pageNumber]
            case .noBlankLines, .numbersAlone, .numberColumn:
                if number > 1 { header = [symbol] }
                footer = [number % 2 == 0 ? pageNumber + " " + job : job + " " + pageNumber]
            }
            if k > 0 { out += "\u{0C}" }
            for h in header { out += h + "\n" }
            if kind == .blankSeparated, number > 1 { /* the header block is followed by a blank line */ }
            if kind == .numberColumn { for n in pageNumbers[k] { out += n + "\n\n" } }
            for l in lines { out += (l ?? "") + "\n" }
            for f in footer { out += f + "\n" }
        }
        out += "\u{0C}"
        return out
    }
}
