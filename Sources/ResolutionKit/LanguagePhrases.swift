// What exports say, per language (the `phrases` object of Resources/languages/<code>.json):
// the brief's headings and labels, and the patterns committees write amendments in.
// `{n}`, `{old}`, `{new}`, `{author}`, `{date}`, `{tag}`, `{id}` are filled in by the exporters.

public struct LanguagePhrases: Codable, Sendable, Hashable {
    public var brief: BriefPhrases
    public var amendments: AmendmentPhrases
    /// The reader's few words of chrome; optional, English when absent.
    public var reader: ReaderPhrases?
}

/// What the reader calls the parts of a document, in the document's language.
public struct ReaderPhrases: Codable, Sendable, Hashable {
    public var preface, preamble, operative, closing, footnotes, references, citedBy, empty: String

    public static let english = ReaderPhrases(
        preface: "Preface", preamble: "Preamble", operative: "Operative part", closing: "Closing",
        footnotes: "Footnotes", references: "References", citedBy: "cited by", empty: "(empty document)")
}

public struct BriefPhrases: Codable, Sendable, Hashable {
    public var title, amendmentsTitle, summary, tagColumn, countColumn, whereColumn: String
    public var preamble, operative, footnotes, headings, orphans: String
    public var note, onTheWords, preparedBy, noAnnotations, taggedWith, byTag, untagged: String
    public var operativeParagraph, preambularParagraph, footnote, heading, wasParagraph: String
    public var amendedText, noAmendments: String
    /// What follows a label before its text: `: ` (French `\u{00A0}: `, Chinese `：`).
    public var colon: String
}

public struct AmendmentTemplates: Codable, Sendable, Hashable {
    public var replace, delete, insertAfter, newParagraph: String
}

public struct AmendmentPhrases: Codable, Sendable, Hashable {
    public var quoteOpen, quoteClose: String
    public var operative: AmendmentTemplates
    public var preambular: AmendmentTemplates

    /// `text` between this language's quotation marks.
    public func quoted(_ text: String) -> String { quoteOpen + text + quoteClose }
}

extension LanguagePhrases {
    /// The phrases for a document's language (`zh`, `en-GB` → `en`); English when the
    /// language has none (an unknown language, or a language file without `phrases`).
    public static func forLanguage(_ code: String) -> LanguagePhrases {
        let base = String(code.prefix { $0 != "-" && $0 != "_" }).lowercased()
        if let p = LanguageCatalog.profile(base)?.spec.phrases { return p }
        if let p = LanguageCatalog.profile("en")?.spec.phrases { return p }
        return builtIn
    }

    /// Used only when no language file could be read at all: exports still come out.
    static let builtIn = LanguagePhrases(
        brief: BriefPhrases(
            title: "Annotations", amendmentsTitle: "Proposed amendments", summary: "Positions", tagColumn: "Tag",
            countColumn: "Paragraphs", whereColumn: "Which", preamble: "Preamble", operative: "Operative part",
            footnotes: "Footnotes", headings: "Headings",
            orphans: "Annotations whose paragraph is no longer in the document", note: "Note",
            onTheWords: "On the words", preparedBy: "Prepared by {author} on {date}", noAnnotations: "No annotations.",
            taggedWith: "tagged {tag}", byTag: "Annotations by tag", untagged: "Notes without tags",
            operativeParagraph: "operative paragraph {n}", preambularParagraph: "preambular paragraph {n}",
            footnote: "footnote {n}", heading: "heading", wasParagraph: "was {id}", amendedText: "As amended",
            noAmendments: "No amendments.", colon: ": "),
        amendments: AmendmentPhrases(
            quoteOpen: "\"", quoteClose: "\"",
            operative: AmendmentTemplates(
                replace: "In operative paragraph {n}, replace {old} with {new}",
                delete: "In operative paragraph {n}, delete {old}",
                insertAfter: "In operative paragraph {n}, after {old}, insert {new}",
                newParagraph: "After operative paragraph {n}, insert the following new paragraph: {new}"),
            preambular: AmendmentTemplates(
                replace: "In preambular paragraph {n}, replace {old} with {new}",
                delete: "In preambular paragraph {n}, delete {old}",
                insertAfter: "In preambular paragraph {n}, after {old}, insert {new}",
                newParagraph: "After preambular paragraph {n}, insert the following new paragraph: {new}")),
        reader: ReaderPhrases.english)
}

/// Fills `{name}` placeholders in one pass, so that a value containing `{…}` (a quoted
/// phrase) is never expanded again.
/// - Complexity: O(template + values).
public func fillTemplate(_ template: String, _ values: [String: String]) -> String {
    var out = ""
    var rest = template[...]
    while let open = rest.firstIndex(of: "{") {
        out += rest[..<open]
        guard let close = rest[open...].firstIndex(of: "}") else { break }
        let name = String(rest[rest.index(after: open)..<close])
        if let v = values[name] { out += v } else { out += rest[open...close] }
        rest = rest[rest.index(after: close)...]
    }
    out += rest
    return out
}
