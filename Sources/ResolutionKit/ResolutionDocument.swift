// The parsed resolution: the `reso.document/1` contract of SPEC.md section 4.
// Field names here are the JSON names; ids are derived from structure so that the same
// text always yields the same ids (annotations are keyed by them).

public struct FootnoteRef: Codable, Hashable, Sendable {
    /// The printed footnote number the marker points to.
    public var number: Int
    /// Unicode scalars into the owning paragraph's clean `text`.
    public var offset: Int
    public init(number: Int, offset: Int) { self.number = number; self.offset = offset }
}

public struct Subparagraph: Codable, Hashable, Sendable {
    public var id: String
    public var label: String
    public var text: String
    public var footnoteRefs: [FootnoteRef]
    public var references: [String]
    public var subparagraphs: [Subparagraph]

    public init(id: String, label: String, text: String, footnoteRefs: [FootnoteRef] = [],
                references: [String] = [], subparagraphs: [Subparagraph] = []) {
        self.id = id; self.label = label; self.text = text; self.footnoteRefs = footnoteRefs
        self.references = references; self.subparagraphs = subparagraphs
    }
}

public enum ParagraphKind: String, Codable, Sendable {
    case preambular, operative
}

public struct Paragraph: Hashable, Sendable {
    public var id: String
    public var kind: ParagraphKind
    /// 1-based position among the preambular paragraphs (preamble only).
    public var index: Int
    /// The printed operative number (operative only).
    public var number: Int?
    /// Leading operative verb or preambular opener, as printed; nil when none is recognised.
    public var lead: String?
    public var text: String
    public var footnoteRefs: [FootnoteRef]
    public var references: [String]
    public var subparagraphs: [Subparagraph]

    public init(id: String, kind: ParagraphKind, index: Int, number: Int? = nil, lead: String? = nil,
                text: String, footnoteRefs: [FootnoteRef] = [], references: [String] = [],
                subparagraphs: [Subparagraph] = []) {
        self.id = id; self.kind = kind; self.index = index; self.number = number; self.lead = lead
        self.text = text; self.footnoteRefs = footnoteRefs; self.references = references
        self.subparagraphs = subparagraphs
    }
}

extension Paragraph: Codable {
    enum CodingKeys: String, CodingKey {
        case id, index, number, opening, verb, text, footnoteRefs, references, subparagraphs
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        text = try c.decode(String.self, forKey: .text)
        footnoteRefs = try c.decodeIfPresent([FootnoteRef].self, forKey: .footnoteRefs) ?? []
        references = try c.decodeIfPresent([String].self, forKey: .references) ?? []
        subparagraphs = try c.decodeIfPresent([Subparagraph].self, forKey: .subparagraphs) ?? []
        if id.hasPrefix("op") {
            kind = .operative
            number = try c.decodeIfPresent(Int.self, forKey: .number)
            lead = try c.decodeIfPresent(String.self, forKey: .verb)
            index = number ?? 0
        } else {
            kind = .preambular
            index = try c.decodeIfPresent(Int.self, forKey: .index) ?? 0
            lead = try c.decodeIfPresent(String.self, forKey: .opening)
        }
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        switch kind {
        case .preambular:
            try c.encode(index, forKey: .index)
            try c.encode(lead, forKey: .opening)
        case .operative:
            try c.encode(number, forKey: .number)
            try c.encode(lead, forKey: .verb)
        }
        try c.encode(text, forKey: .text)
        try c.encode(footnoteRefs, forKey: .footnoteRefs)
        try c.encode(references, forKey: .references)
        try c.encode(subparagraphs, forKey: .subparagraphs)
    }
}

public struct Heading: Codable, Hashable, Sendable {
    public var id: String
    public var text: String
    /// Id of the paragraph that follows the heading (nil at the very end).
    public var before: String?
    public init(id: String, text: String, before: String?) {
        self.id = id; self.text = text; self.before = before
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(text, forKey: .text)
        try c.encode(before, forKey: .before)
    }
}

public struct Footnote: Codable, Hashable, Sendable {
    public var id: String
    public var number: Int
    public var text: String
    /// Ids of the paragraphs and subparagraphs whose markers point here, in document order.
    public var citedBy: [String]
    public var references: [String]
    public init(id: String, number: Int, text: String, citedBy: [String] = [], references: [String] = []) {
        self.id = id; self.number = number; self.text = text; self.citedBy = citedBy
        self.references = references
    }
}

public struct Reference: Codable, Hashable, Sendable {
    /// A document symbol (`A/60/687`) or a resolution number (`70/125`, `2165 (2014)`).
    public var symbol: String
    /// `document`, `resolution` or `decision`.
    public var kind: String
    public var citedBy: [String]
    public init(symbol: String, kind: String, citedBy: [String]) {
        self.symbol = symbol; self.kind = kind; self.citedBy = citedBy
    }
}

public struct Closing: Codable, Hashable, Sendable {
    public var lines: [String]
    public var date: String?
    public var meeting: String?
    public init(lines: [String] = [], date: String? = nil, meeting: String? = nil) {
        self.lines = lines; self.date = date; self.meeting = meeting
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(lines, forKey: .lines); try c.encode(date, forKey: .date)
        try c.encode(meeting, forKey: .meeting)
    }
}

/// Text the parser could not place, kept with its position so nothing is lost.
public struct OtherText: Codable, Hashable, Sendable {
    public var text: String
    /// Id of the paragraph (or `preface`) it follows; nil when it comes first.
    public var after: String?
    public init(text: String, after: String?) { self.text = text; self.after = after }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text); try c.encode(after, forKey: .after)
    }
}

/// Whether the text is an adopted resolution (it carries its own number) or a draft.
public enum DocumentStatus: String, Codable, Hashable, Sendable {
    case adopted, draft
}

public struct DocumentMeta: Codable, Hashable, Sendable {
    public var body: String?
    public var number: String?
    public var symbol: String?
    public var status: DocumentStatus
    public var title: String?
    public var date: String?
    public var session: String?
    public var agendaItem: String?
    public init(body: String? = nil, number: String? = nil, symbol: String? = nil, status: DocumentStatus = .draft,
                title: String? = nil, date: String? = nil, session: String? = nil, agendaItem: String? = nil) {
        self.body = body; self.number = number; self.symbol = symbol; self.status = status
        self.title = title; self.date = date; self.session = session; self.agendaItem = agendaItem
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(body, forKey: .body); try c.encode(number, forKey: .number)
        try c.encode(symbol, forKey: .symbol); try c.encode(status, forKey: .status)
        try c.encode(title, forKey: .title); try c.encode(date, forKey: .date)
        try c.encode(session, forKey: .session); try c.encode(agendaItem, forKey: .agendaItem)
    }
}

public struct SourceInfo: Codable, Hashable, Sendable {
    public var path: String
    public var sha256: String
    public var encoding: String
    /// Which kind of file was read (`text`, `pdf`, `docx`).
    public var format: DocumentFormat
    public init(path: String, sha256: String, encoding: String, format: DocumentFormat = .text) {
        self.path = path; self.sha256 = sha256; self.encoding = encoding; self.format = format
    }

    enum CodingKeys: String, CodingKey { case path, sha256, encoding, format }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        sha256 = try c.decode(String.self, forKey: .sha256)
        encoding = try c.decode(String.self, forKey: .encoding)
        // Documents written before formats existed were all text.
        format = try c.decodeIfPresent(DocumentFormat.self, forKey: .format) ?? .text
    }
}

public struct ResolutionDocument: Codable, Hashable, Sendable {
    public var schema: String = "reso.document/1"
    public var source: SourceInfo
    public var language: String
    public var meta: DocumentMeta
    public var preface: [String]
    public var preamble: [Paragraph]
    public var operative: [Paragraph]
    public var headings: [Heading]
    public var footnotes: [Footnote]
    public var references: [Reference]
    public var closing: Closing
    public var furniture: [String]
    public var other: [OtherText]
    /// Tracked changes of a Word document (nil when it has none); see TrackedChanges.swift.
    public var revisions: [TrackedChange]?

    public init(source: SourceInfo, language: String, meta: DocumentMeta = DocumentMeta(),
                preface: [String] = [], preamble: [Paragraph] = [], operative: [Paragraph] = [],
                headings: [Heading] = [], footnotes: [Footnote] = [], references: [Reference] = [],
                closing: Closing = Closing(), furniture: [String] = [], other: [OtherText] = []) {
        self.source = source; self.language = language; self.meta = meta; self.preface = preface
        self.preamble = preamble; self.operative = operative; self.headings = headings
        self.footnotes = footnotes; self.references = references; self.closing = closing
        self.furniture = furniture; self.other = other
    }
}
