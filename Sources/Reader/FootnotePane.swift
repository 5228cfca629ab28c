// The footnote pane (footnotes of the current paragraph and who cites them) and the
// references list (documents the paragraph cites, opened when they are in the library).
import ResolutionKit
import Terminal

enum FootnoteRow: Hashable {
    /// A wrapped line of footnote text; the first carries the superscript number.
    case text(String, first: Bool)
    /// "cited by" followed by ids; `firstTarget` is the index of the first id in the targets list.
    case citedBy([String], firstTarget: Int)
    /// The documents the paragraph cites (`r` lists them and opens those in the library).
    case references([String])
}

extension ReaderState {
    /// Footnotes cited by the current block, in marker order, without repeats.
    func currentFootnotes(_ v: DocumentView) -> [Footnote] {
        let m = models[v.doc]
        let b = m.blocks[v.current]
        var seen = Set<String>()
        return b.footnotes.compactMap { n in
            guard let f = m.footnote(number: n, citedFrom: b.id), seen.insert(f.id).inserted else { return nil }
            return f
        }
    }

    /// Every paragraph id listed as citing one of the current footnotes: what Enter can jump to.
    func footnoteTargets(_ v: DocumentView) -> [String] {
        currentFootnotes(v).flatMap(\.citedBy)
    }

    func footnoteRows(_ v: DocumentView, width: Int) -> [FootnoteRow] {
        var out: [FootnoteRow] = []
        var target = 0
        let w = max(8, width - 3)
        for f in currentFootnotes(v) {
            let marker = String(String.UnicodeScalarView(DocumentModel.superscript(f.number)))
            let lines = LineWrapper.wrap(marker + " " + f.text, width: w)
            out += lines.enumerated().map { .text($0.element, first: $0.offset == 0) }
            if !f.citedBy.isEmpty { out.append(.citedBy(f.citedBy, firstTarget: target)) }
            target += f.citedBy.count
        }
        let refs = models[v.doc].blocks[v.current].references
        if !refs.isEmpty { out.append(.references(refs)) }
        return out
    }

    func citedByPrefix(_ labels: Labels) -> String { "   ↳ \(labels.citedBy): " }

    /// The rows the pane shows: from the top, or (when focused) scrolled so the selected
    /// citation is visible. Shared by drawing and mouse hit-testing.
    func visibleFootnoteRows(_ v: DocumentView, _ r: Rect) -> [FootnoteRow] {
        var rows = footnoteRows(v, width: r.width)
        if v.focus == .footnotes, let at = rows.firstIndex(where: {
            if case .citedBy(let ids, let t) = $0 { return v.footnoteTarget >= t && v.footnoteTarget < t + ids.count }
            return false
        }), at >= r.height - 1 { rows.removeFirst(at - (r.height - 2)) }
        return Array(rows.prefix(r.height - 1))
    }

    /// The citation id under a click in the footnote pane, as an index into footnoteTargets.
    func footnoteTarget(at row: Int, column: Int, _ v: DocumentView, _ r: Rect) -> Int? {
        let rows = visibleFootnoteRows(v, r)
        let i = row - r.y - 1
        guard i >= 0, i < rows.count, case .citedBy(let ids, let first) = rows[i] else { return nil }
        var x = r.x + DisplayWidth.of(citedByPrefix(models[v.doc].labels))
        for (k, id) in ids.enumerated() {
            let w = DisplayWidth.of(id)
            if column >= x && column < x + w { return first + k }
            x += w + 1
        }
        return nil
    }

    // MARK: references

    /// The open document a reference names (`70/125`, `E/RES/2019/24`), if any.
    func libraryDocument(for reference: String) -> Int? {
        let r = reference.trimmingCharacters(in: " ")
        return models.indices.first { i in
            let meta = models[i].document.meta
            if let n = meta.number, n == r { return true }
            if let s = meta.symbol, s == r || s.hasSuffix("/" + r) { return true }
            return false
        }
    }

    /// The paragraph a citation points to: `第 70/125 号决议第 5 段`, `resolution 70/125, paragraph 5`,
    /// with the words around the number from every language file (`paragraphCitations`), so
    /// that a citation is read in whatever language it is written.
    func citedParagraph(_ reference: String, in text: [Unicode.Scalar]) -> Int? {
        let ref = Array(reference.unicodeScalars)
        guard !ref.isEmpty, text.count >= ref.count else { return nil }
        for i in 0...(text.count - ref.count) where Array(text[i..<i + ref.count]) == ref {
            let tail = String(String.UnicodeScalarView(text[(i + ref.count)..<min(text.count, i + ref.count + 24)]))
            for citation in Self.paragraphCitations {
                guard let r = tail.range(of: citation.before) else { continue }
                let digits = tail[r.upperBound...].drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }
                guard let n = Int(digits), !digits.isEmpty else { continue }
                // `第 70/125 号决议第 5 段`: the number must be followed by 段 in Chinese.
                let after = tail[r.upperBound...].drop { $0 == " " }.dropFirst(digits.count).drop { $0 == " " }
                if !citation.after.isEmpty && !after.hasPrefix(citation.after) { continue }
                return n
            }
        }
        return nil
    }

    static let paragraphCitations: [ParagraphCitation] = {
        var seen = Set<ParagraphCitation>()
        return LanguageCatalog.specs.flatMap(\.paragraphCitations).filter { !$0.before.isEmpty && seen.insert($0).inserted }
    }()

    mutating func handleReferences(_ sel: Int, _ event: InputEvent) -> [Effect] {
        guard case .key(let key) = event, let v = view else { overlay = .none; return [] }
        let refs = models[v.doc].blocks[v.current].references
        switch key {
        case .char("j"), .down: overlay = .references(selection: min(sel + 1, max(0, refs.count - 1)))
        case .char("k"), .up: overlay = .references(selection: max(0, sel - 1))
        case .enter:
            overlay = .none
            guard sel < refs.count else { return [] }
            guard let d = libraryDocument(for: refs[sel]) else {
                // Not a dead end: where the text is, opened or shown by the app.
                guard let url = undocsLink(for: refs[sel], in: v.doc) else {
                    flash("\(refs[sel]) is not in the open library", error: true)
                    return []
                }
                return [.openLink(url)]
            }
            let target = citedParagraph(refs[sel], in: models[v.doc].blocks[v.current].scalars)
                .flatMap { models[d].blockByID["op\($0)"] }
            var back = v.back
            back.append((v.doc, v.current))
            open(d, at: target)
            view?.back = back
            flash("Opened \(refs[sel])\(target.map { " at \(models[d].blocks[$0].id ?? "")" } ?? "") — Backspace goes back")
        default: overlay = .none
        }
        return []
    }
}

extension ReaderState {
    /// The undocs.org link of a reference of document `doc` (its kind from the parsed references).
    func undocsLink(for reference: String, in doc: Int) -> String? {
        let kind = models[doc].document.references.first { $0.symbol == reference }?.kind ?? "resolution"
        return UNDocsLink.url(for: reference, kind: kind)
    }
}
