// The one registry of export formats. `reso export --format`, its help, the reader's `x`
// prompt and the reader's `?` help all list formats from here, so that a format added here is
// offered everywhere and one removed is offered nowhere.

public enum ExportFormat: String, CaseIterable, Sendable {
    case md, csv, json, w3c, amendments, html

    /// One line for help texts.
    public var summary: String {
        switch self {
        case .md: return "a brief in Markdown: positions first, then by document (or by tag with --group-by tag)"
        case .csv: return "RFC 4180 for spreadsheets (tags joined with ';', formula-like cells neutralised, --bom for Excel)"
        case .json: return "a flat array of records"
        case .w3c: return "a W3C Web Annotation collection (JSON-LD, TextQuoteSelector targets)"
        case .amendments: return "the drafted amendments as committees write them, in the document's language"
        case .html: return "the brief as one self-contained HTML page that prints well"
        }
    }

    /// The extension of a file written by the reader's `x`.
    public var fileExtension: String {
        switch self {
        case .w3c: return "jsonld"
        case .amendments: return "amendments.md"
        default: return rawValue
        }
    }

    /// JSON on standard output is escaped rather than made visible (it stays valid).
    public var isJSON: Bool { self == .json || self == .w3c }

    /// `md, csv, json, w3c, amendments or html`.
    public static var namesInProse: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
