// styles.xml: which paragraph and character styles make text italic or bold, and which
// paragraph styles carry automatic numbering. Resolution follows `w:basedOn` chains, so a
// UN "Operative verb" character style based on an italic style counts as italic.
import Foundation

struct WordStyles {
    struct Style {
        var basedOn: String?
        var italic: Bool?
        var bold: Bool?
        var numID: Int?
        var level: Int?
    }
    var styles: [String: Style] = [:]
    /// The paragraph style used when a paragraph names none.
    var defaultParagraph: String?
    var defaultItalic = false
    var defaultBold = false

    /// The first value a style chain sets, walking `basedOn` (at most 32 steps: a cycle in a
    /// hostile file must not hang us).
    func inherited<T>(_ id: String?, _ value: (Style) -> T?) -> T? {
        var current = id
        var steps = 0
        while let c = current, let s = styles[c], steps < 32 {
            if let v = value(s) { return v }
            current = s.basedOn
            steps += 1
        }
        return nil
    }

    /// Whether a run shows in italics or bold: the run's own properties, then its character
    /// style, then its paragraph's style, then the document defaults.
    func emphasis(run: WordRunProperties, paragraphStyle: String?) -> Bool {
        let pStyle = paragraphStyle ?? defaultParagraph
        let italic = run.italic ?? inherited(run.style, \.italic) ?? inherited(pStyle, \.italic) ?? defaultItalic
        let bold = run.bold ?? inherited(run.style, \.bold) ?? inherited(pStyle, \.bold) ?? defaultBold
        return italic || bold
    }

    /// Numbering a paragraph style carries (`w:numPr` in the style).
    func numbering(paragraphStyle: String?) -> (numID: Int, level: Int?)? {
        guard let id = inherited(paragraphStyle ?? defaultParagraph, \.numID) else { return nil }
        return (id, inherited(paragraphStyle ?? defaultParagraph, \.level))
    }

    static func parse(_ data: Data, path: String) throws -> WordStyles {
        let handler = StylesHandler()
        try WordXML.parse(data, part: "word/styles.xml", path: path, handler: handler)
        return handler.result
    }

    private final class StylesHandler: WordXMLHandler {
        var result = WordStyles()
        var current: (id: String, style: Style)?
        var inDefaults = false
        var inRPr = false
        var skip = 0

        func start(_ name: String, _ a: [String: String]) {
            if skip > 0 { skip += 1; return }
            switch name {
            case "w:rPrChange", "w:pPrChange": skip = 1
            case "w:rPrDefault": inDefaults = true
            case "w:style":
                guard let id = a["w:styleId"] else { return }
                current = (id, Style())
                if a["w:type"] == "paragraph", WordXML.toggle(["w:val": a["w:default"] ?? "0"]) { result.defaultParagraph = id }
            case "w:basedOn": current?.style.basedOn = a["w:val"]
            case "w:rPr": inRPr = true
            case "w:i", "w:iCs":
                guard inRPr else { return }
                let v = WordXML.toggle(a)
                if inDefaults { result.defaultItalic = result.defaultItalic || v }
                else if current != nil { let was = current!.style.italic == true; current!.style.italic = was || v }
            case "w:b", "w:bCs":
                guard inRPr else { return }
                let v = WordXML.toggle(a)
                if inDefaults { result.defaultBold = result.defaultBold || v }
                else if current != nil { let was = current!.style.bold == true; current!.style.bold = was || v }
            case "w:numId": current?.style.numID = a["w:val"].flatMap { Int($0) }
            case "w:ilvl": current?.style.level = a["w:val"].flatMap { Int($0) }
            default: break
            }
        }

        func end(_ name: String) {
            if skip > 0 { skip -= 1; return }
            switch name {
            case "w:rPrDefault": inDefaults = false
            case "w:rPr": inRPr = false
            case "w:style":
                if let c = current { result.styles[c.id] = c.style }
                current = nil
            default: break
            }
        }

        func text(_ s: String) {}
    }
}

/// Run properties as written on the run (nil: not said here, inherit).
struct WordRunProperties {
    var italic: Bool?
    var bold: Bool?
    var style: String?
    var hidden = false
}
