// `reso export --format amendments`: the drafted amendments of each document, in its
// language, in the form committees circulate them ("In operative paragraph 3, replace
// "takes note of" with "welcomes"", "在执行部分第 3 段中，将"注意到"改为"欢迎""). The
// patterns are data: the `phrases.amendments` object of Resources/languages/<code>.json.

import Foundation
import ResolutionKit

enum AmendmentWording {
    /// The amendment of record `r` as one sentence, or nil when `r` is not an amendment.
    static func sentence(_ r: ExportRecord, _ p: AmendmentPhrases) -> String? {
        guard let raw = r.amendmentAction, let action = Amendment.Action(rawValue: raw) else { return nil }
        // Subparagraphs are amended as part of their paragraph: `op84.a` → operative, 84(a).
        let templates = r.paragraph.hasPrefix("pp") ? p.preambular : p.operative
        let template: String
        switch action {
        case .replace: template = templates.replace
        case .delete: template = templates.delete
        case .insertAfter: template = templates.insertAfter
        case .newParagraph: template = templates.newParagraph
        }
        return fillTemplate(template, [
            "n": r.number ?? r.paragraph,
            "old": p.quoted(flat(r.quote ?? "")),
            "new": p.quoted(flat(r.amendmentText ?? "").trimmingCharacters(in: .whitespaces)),
        ])
    }

    /// One line: an amendment is quoted inside a sentence.
    static func flat(_ s: String) -> String {
        s.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// The paragraph with its amendments applied, as pieces kept, deleted and inserted (a
    /// redline). Amendments are applied in their order; one whose words are no longer in the
    /// text is skipped (the list still shows it). New paragraphs are not part of the paragraph.
    /// - Complexity: O(k·n) for k amendments on a paragraph of n code points.
    /// - Parameter joinWithSpace: the language puts spaces between words, so inserted words
    ///   typed without one get one (`parties` + `concernées` → `parties concernées`).
    static func redline(_ text: String, _ amendments: [ExportRecord], joinWithSpace: Bool = false) -> [RedlinePiece] {
        // Work on pieces so that a later amendment acts on the text as already amended.
        var pieces: [RedlinePiece] = [.kept(text)]
        for r in amendments {
            guard let raw = r.amendmentAction, let action = Amendment.Action(rawValue: raw),
                  action != .newParagraph, let quote = r.quote, !quote.isEmpty else { continue }
            // The first kept piece holding the quote, preferring the stored context.
            var done = false
            for (i, piece) in pieces.enumerated() where !done {
                guard case .kept(let s) = piece else { continue }
                let selector = QuoteSelector(exact: quote, prefix: r.quotePrefix ?? "", suffix: r.quoteSuffix ?? "")
                let scalars = Array(s.unicodeScalars)
                guard let range = selector.locate(in: scalars), range.lowerBound < range.upperBound else { continue }
                func str(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }
                var replacement: [RedlinePiece] = []
                if range.lowerBound > 0 { replacement.append(.kept(str(0..<range.lowerBound))) }
                let hit = str(range)
                switch action {
                case .replace: replacement += [.deleted(hit), .inserted(r.amendmentText ?? "")]
                case .delete: replacement.append(.deleted(hit))
                case .insertAfter:
                    var words = r.amendmentText ?? ""
                    if joinWithSpace, let first = words.unicodeScalars.first, !first.properties.isWhitespace,
                       first.properties.generalCategory != .otherPunctuation, !(hit.unicodeScalars.last?.properties.isWhitespace ?? true) {
                        words = " " + words
                    }
                    replacement += [.kept(hit), .inserted(words)]
                case .newParagraph: break
                }
                if range.upperBound < scalars.count { replacement.append(.kept(str(range.upperBound..<scalars.count))) }
                pieces.replaceSubrange(i...i, with: replacement)
                done = true
            }
        }
        return pieces
    }
}

enum RedlinePiece: Hashable {
    case kept(String), deleted(String), inserted(String)
}

enum AmendmentExport {
    static let marker = "<!-- reso export: amendments, not a resolution -->"

    static func render(_ items: [(document: ResolutionDocument, snapshot: SidecarSnapshot)]) -> String {
        var out = marker + "\n"
        var any = false
        for item in items {
            let records = ExportRecord.records(document: item.document, snapshot: item.snapshot)
                .filter { $0.amendment != nil && !$0.orphan }
            guard !records.isEmpty else { continue }
            any = true
            let brief = LanguagePhrases.forLanguage(item.document.language).brief
            out += "\n# " + MarkdownBrief.inline(brief.amendmentsTitle + " — " + MarkdownBrief.documentTitle(item.document)) + "\n\n"
            for (i, r) in records.enumerated() {
                out += "\(i + 1). " + MarkdownBrief.inline(r.amendment ?? "") + "\n"
            }
        }
        if !any {
            let brief = LanguagePhrases.forLanguage(items.first?.document.language ?? "en").brief
            out += "\n" + brief.noAmendments + "\n"
        }
        return out
    }
}
