// The format seam: every input format turns its bytes into a `FormatReading`, and the phases
// after that are shared. Text formats (plain text, Markdown-like extractions, pdftotext output
// in any layout) hand over decoded text, whose layout the line phases work out. Formats that
// know their paragraphs from the file itself (PDF geometry and fonts, DOCX paragraphs) hand
// over blocks, footnotes and furniture directly, and skip the line phases.

/// The kind of file a document was read from (`source.format` in the document JSON).
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    case text, pdf, docx

    /// Decided from the content's magic bytes, never from the name alone: a `.txt` that is a
    /// PDF is read as a PDF, and a `.pdf` that is text is read as text.
    /// - Complexity: O(1).
    public static func sniff(_ bytes: [UInt8]) -> DocumentFormat {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        // A ZIP local file header; `DOCXReader` checks that it holds `word/document.xml`.
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        return .text
    }

    /// File name endings that a library folder treats as documents.
    public static let documentExtensions: Set<String> = ["txt", "md", "text", "pdf", "docx"]
}

/// What a format hands to the shared phases.
enum FormatReading {
    /// Decoded text; `encoding` is what `source.encoding` reports.
    case text(String, encoding: String)
    /// Text that is its file's bytes, valid UTF-8 (`TextDecoder.isPlainUTF8`).
    case utf8([UInt8], encoding: String)
    /// Paragraphs already known from the file (see `LaidOutText`).
    case blocks(LaidOutText)
}

/// A document whose paragraphs a format already knows.
///
/// Conventions inside `SourceBlock.text`, which the shared inline pass understands:
/// - emphasis that opens a paragraph (the italic opener or operative verb) as `**…**`;
/// - a footnote marker as `Chars.markerSeparator` (U+E000) followed by the number in
///   superscript digits (`Chars.superscript(n)`), at the marker's place;
/// - one block per paragraph, subparagraph, heading, preface or closing line; no hard wraps.
struct LaidOutText {
    var blocks: [SourceBlock]
    /// Footnote texts with their printed numbers, in order.
    var footnotes: [RawFootnote]
    /// Running headers, footers, job numbers, page numbers: text of the page, not the resolution.
    var furniture: [String]
    /// What `source.encoding` reports (`"pdf"`, `"docx"`: the text came from the file's own structure).
    var encoding: String
    /// A sample of the text for language detection (the blocks joined, or the first part).
    var languageSample: String
    /// Tracked changes (DOCX), placed in units once the structure is known.
    var revisions: [PendingRevision] = []
}

/// One input format.
protocol FormatReader {
    /// - Parameters:
    ///   - bytes: the whole file as read.
    ///   - path: the file's path, for messages (and for readers that hand the file to a tool).
    static func read(_ bytes: [UInt8], path: String) throws -> FormatReading
}
