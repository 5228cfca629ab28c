// Reads the XML that `pdftohtml -xml -i` writes: per page its size, the fonts it uses
// (`<fontspec id size family>`) and its text fragments (`<text top left width height font>`
// with `<i>`, `<b>` and `<a>` inside). Positions are poppler's pixels (1.5 per point).

/// A stretch of text in one font style.
struct PDFRun {
    var text: Scalars
    var italic: Bool
    var bold: Bool
}

/// One `<text>` element: a piece of a printed line in one font.
struct PDFFragment {
    var top: Int
    var left: Int
    var width: Int
    var height: Int
    var size: Int
    var runs: [PDFRun]
    /// The digits of a link at the fragment's start (a footnote number that links to its note).
    var linkDigits: Scalars = []

    var right: Int { left + width }
    var bottom: Int { top + height }
    var text: Scalars { runs.count == 1 ? runs[0].text : runs.flatMap(\.text) }
}

struct PDFPage {
    var number: Int
    var width: Int
    var height: Int
    var fragments: [PDFFragment] = []
}

enum PDFXML {
    /// - Complexity: O(n) in the XML's length.
    static func parse(_ xml: [UInt8]) -> [PDFPage] {
        var pages: [PDFPage] = []
        var fontSizes: [Int: Int] = [:]
        let n = xml.count
        var i = 0
        while i < n {
            guard xml[i] == UInt8(ascii: "<") else { i += 1; continue }
            let (name, attrs, end) = tag(xml, at: i)
            i = end
            switch name {
            case "page":
                pages.append(PDFPage(number: int(attrs["number"]) ?? pages.count + 1,
                                     width: int(attrs["width"]) ?? 0, height: int(attrs["height"]) ?? 0))
            case "fontspec":
                if let id = int(attrs["id"]) { fontSizes[id] = int(attrs["size"]) ?? 0 }
            case "text":
                let (runs, link, after) = content(xml, from: i)
                i = after
                guard !pages.isEmpty else { continue }
                let fragment = PDFFragment(top: int(attrs["top"]) ?? 0, left: int(attrs["left"]) ?? 0,
                                           width: int(attrs["width"]) ?? 0, height: int(attrs["height"]) ?? 0,
                                           size: int(attrs["font"]).flatMap { fontSizes[$0] } ?? 0,
                                           runs: runs, linkDigits: link)
                pages[pages.count - 1].fragments.append(fragment)
            default:
                break
            }
        }
        return pages
    }

    static func int(_ s: String?) -> Int? {
        guard let s else { return nil }
        if let v = Int(s) { return v }
        return Double(s).map { Int($0.rounded()) }
    }

    /// The tag that starts at `i`: its name (`/page` for a closing tag), its attributes and
    /// the index just after its `>`.
    static func tag(_ x: [UInt8], at start: Int) -> (String, [String: String], Int) {
        var i = start + 1
        let n = x.count
        let nameStart = i
        while i < n, x[i] != UInt8(ascii: " "), x[i] != UInt8(ascii: ">"), x[i] != UInt8(ascii: "\t"),
              x[i] != UInt8(ascii: "\n"), !(x[i] == UInt8(ascii: "/") && i > nameStart) { i += 1 }
        let name = String(decoding: x[nameStart..<i], as: UTF8.self)
        var attrs: [String: String] = [:]
        let wanted = name == "text" || name == "page" || name == "fontspec"
        while i < n, x[i] != UInt8(ascii: ">") {
            guard wanted, x[i] == UInt8(ascii: "=") else { i += 1; continue }
            var k = i - 1
            while k > start, x[k] != UInt8(ascii: " "), x[k] != UInt8(ascii: "\t") { k -= 1 }
            let key = String(decoding: x[(k + 1)..<i], as: UTF8.self)
            i += 1
            guard i < n, x[i] == UInt8(ascii: "\"") else { continue }
            let valueStart = i + 1
            i = valueStart
            while i < n, x[i] != UInt8(ascii: "\"") { i += 1 }
            attrs[key] = String(decoding: x[valueStart..<min(i, n)], as: UTF8.self)
            i += 1
        }
        return (name, attrs, min(i + 1, n))
    }

    /// The inside of a `<text>` element up to `</text>`: its runs by style, the digits of a
    /// link that opens it, and the index after the closing tag.
    static func content(_ x: [UInt8], from start: Int) -> ([PDFRun], Scalars, Int) {
        var runs: [PDFRun] = []
        var italic = false, bold = false, inLink = false, sawText = false
        var link: Scalars = []
        var bytes: [UInt8] = []
        func flush() {
            guard !bytes.isEmpty else { return }
            var text = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
            PresentationForms.unfold(&text)
            CJKRadicals.unfold(&text)
            bytes.removeAll(keepingCapacity: true)
            if let last = runs.last, last.italic == italic, last.bold == bold { runs[runs.count - 1].text += text }
            else { runs.append(PDFRun(text: text, italic: italic, bold: bold)) }
        }
        var i = start
        let n = x.count
        while i < n {
            let c = x[i]
            if c == UInt8(ascii: "<") {
                let (name, _, end) = tag(x, at: i)
                i = end
                switch name {
                case "/text": flush(); return (runs, link, i)
                case "i": flush(); italic = true
                case "/i": flush(); italic = false
                case "b": flush(); bold = true
                case "/b": flush(); bold = false
                case "a": inLink = !sawText
                case "/a": inLink = false
                default: break
                }
                continue
            }
            if c == UInt8(ascii: "&") {
                var j = i + 1
                while j < n, j - i < 10, x[j] != UInt8(ascii: ";") { j += 1 }
                if j < n, x[j] == UInt8(ascii: ";") {
                    let entity = String(decoding: x[(i + 1)..<j], as: UTF8.self)
                    if let s = decodeEntity(entity) {
                        bytes.append(contentsOf: Array(String(s).utf8))
                        if inLink, s.properties.numericType != nil { link.append(s) }
                        sawText = true
                        i = j + 1
                        continue
                    }
                }
            }
            if inLink, c >= 0x30, c <= 0x39 { link.append(Unicode.Scalar(c)) }
            else if inLink, c > 0x20 { inLink = false }
            if c > 0x20 { sawText = true }
            bytes.append(c == UInt8(ascii: "\n") || c == UInt8(ascii: "\t") ? UInt8(ascii: " ") : c)
            i += 1
        }
        flush()
        return (runs, link, n)
    }

    static func decodeEntity(_ e: String) -> Unicode.Scalar? {
        switch e {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            if e.hasPrefix("#x") || e.hasPrefix("#X") { return UInt32(e.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
            if e.hasPrefix("#") { return UInt32(e.dropFirst()).flatMap(Unicode.Scalar.init) }
            return nil
        }
    }
}
