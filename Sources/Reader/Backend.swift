// What the reader needs from the annotation store. The app implements it over
// Annotations.SidecarStore (Sources/reso/ReaderLaunch.swift); tests and the benchmark keep in-memory ones.
// Documents are addressed by their index in the list the reader was opened with.
import Foundation

/// Tags and note of one paragraph.
public struct ParagraphNote: Hashable, Sendable {
    public var tags: [String]
    public var note: String?
    /// `reso carry` moved an annotation of this paragraph onto a reworded text: someone should
    /// look at it (the reader marks it with `?`; `R` clears it).
    public var review: Bool
    /// Words of the paragraph that annotations on it are about (their SPEC §5 `quote`),
    /// shown highlighted in the text.
    public var quotes: [QuotedWords]
    public init(tags: [String] = [], note: String? = nil, review: Bool = false, quotes: [QuotedWords] = []) {
        self.tags = tags; self.note = note; self.review = review; self.quotes = quotes
    }
    public var isEmpty: Bool { tags.isEmpty && (note ?? "").isEmpty && !review }
}

/// A quote as the reader highlights it: the words, and which occurrence in the paragraph's
/// text (1-based, as the store located them).
public struct QuotedWords: Hashable, Sendable {
    public var exact: String
    public var occurrence: Int
    public init(exact: String, occurrence: Int = 1) { self.exact = exact; self.occurrence = occurrence }
}

/// The annotations of one document, keyed by paragraph id.
public struct DocumentNotes: Hashable, Sendable {
    public var byParagraph: [String: ParagraphNote]
    /// Annotations whose paragraph disappeared (shown, never dropped).
    public var orphanCount: Int
    /// Something the user must know (e.g. where the sidecar went).
    public var notice: String?
    /// The one paragraph whose note changed since the notes the backend last returned for
    /// this document, when it knows (the reader then updates its tag counts in O(1)).
    public var changedParagraph: String?
    public init(byParagraph: [String: ParagraphNote] = [:], orphanCount: Int = 0, notice: String? = nil) {
        self.byParagraph = byParagraph; self.orphanCount = orphanCount; self.notice = notice
    }
}

public protocol AnnotationBackend: AnyObject {
    /// Offered first in the tag prompt and on keys 1–9.
    var defaultTags: [String] { get }
    var exportFormats: [String] { get }
    func load(document: Int) throws -> DocumentNotes
    func addTags(_ tags: [String], paragraph: String, document: Int) throws -> DocumentNotes
    func removeTags(_ tags: [String], paragraph: String, document: Int) throws -> DocumentNotes
    func toggleTag(_ tag: String, paragraph: String, document: Int) throws -> DocumentNotes
    func setNote(_ note: String?, paragraph: String, document: Int) throws -> DocumentNotes
    /// Sets the words of the paragraph its tags and note are about (a default throws).
    func setQuote(_ quote: String, paragraph: String, document: Int) throws -> DocumentNotes
    /// As `setQuote(_:paragraph:document:)`, for the `occurrence`-th (1-based) time the words
    /// occur in the paragraph (a visual selection of a repeated phrase). Defaults to the first.
    func setQuote(_ quote: String, occurrence: Int, paragraph: String, document: Int) throws -> DocumentNotes
    /// Stores a drafted amendment; returns the annotations now and the amendment as the
    /// committee would read it. (A default in UpdateAmend.swift throws.)
    func amend(_ draft: DraftedAmendment, paragraph: String, document: Int) throws -> (DocumentNotes, String)
    /// Writes an export of these documents' annotations; returns the path written.
    func export(format: String, documents: [Int]) throws -> String
    /// Clears the `review` flag on the paragraph's annotations (a default throws).
    func clearReview(paragraph: String, document: Int) throws -> DocumentNotes
}

struct ReviewUnsupported: Error, CustomStringConvertible {
    var description: String { "This annotation store cannot clear review flags" }
}

extension AnnotationBackend {
    public func clearReview(paragraph: String, document: Int) throws -> DocumentNotes { throw ReviewUnsupported() }
}
