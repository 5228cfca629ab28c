// Turns the draft structure into the public document: ids from structure, the inline
// pass on every text, footnotes with the paragraphs that cite them, references with
// the units that cite them, meta from the preface.

import Dispatch

/// The inline pass's result for one text, computed before ids are assigned so that it
/// can run on both cores.
struct InlineResult: Sendable {
    var text: String
    var markers: [FootnoteRef]
    var lead: String?
    var found: [FoundReference]
    var subs: [PreparedSub]
}

struct PreparedSub: Sendable {
    var printed: String
    var key: String
    var result: InlineResult
    var children: [PreparedSub]
}

struct DocumentAssembler {
    let profile: LanguageProfile
    let notes: [RawFootnote]

    func inline(_ raw: Scalars, footnotes: Set<Int>, lead: Bool?, subs: [DraftSub] = []) -> InlineResult {
        var c = InlinePass.clean(raw, footnotes: footnotes, plainMarkers: !profile.isCJK)
        c.markers = c.markers.filter { footnotes.contains($0.number) }
        let leadText = lead.flatMap { InlinePass.lead(c, operative: $0, profile: profile) }
        let prepared = subs.map { sub in
            PreparedSub(printed: sub.printed, key: sub.key, result: inline(sub.raw, footnotes: footnotes, lead: nil),
                        children: inline(sub.children, footnotes: footnotes))
        }
        return InlineResult(text: c.text.string, markers: c.markers, lead: leadText,
                            found: ReferenceScanner.scan(c.text, profile: profile), subs: prepared)
    }

    func inline(_ subs: [DraftSub], footnotes: Set<Int>) -> [PreparedSub] {
        subs.map { PreparedSub(printed: $0.printed, key: $0.key, result: inline($0.raw, footnotes: footnotes, lead: nil),
                               children: inline($0.children, footnotes: footnotes)) }
    }

    /// The inline pass over every body item, split over the available cores for long documents.
    func prepare(_ items: [BodyItem], footnotes: Set<Int>) -> [InlineResult] {
        @Sendable func one(_ item: BodyItem) -> InlineResult {
            switch item {
            // Headings and other text have no place for markers: a superscript there stays
            // in the text rather than vanish.
            case .heading(let raw), .other(let raw): return inline(raw, footnotes: [], lead: nil)
            case .paragraph(let p): return inline(p.raw, footnotes: footnotes, lead: p.operative, subs: p.subs)
            }
        }
        guard items.count > 512, !WorkMeter.enabled else { return items.map(one) }
        let results = UnsafeMutableBufferPointer<InlineResult>.allocate(capacity: items.count)
        nonisolated(unsafe) let out = results
        let chunks = 8
        let size = (items.count + chunks - 1) / chunks
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lo = chunk * size, hi = min(items.count, lo + size)
            for i in lo..<max(lo, hi) { (out.baseAddress! + i).initialize(to: one(items[i])) }
        }
        defer { results.deinitialize(); results.deallocate() }
        return Array(results)
    }

    func assemble(_ draft: DraftStructure, hardWrapped: Bool) -> ResolutionDocument {
        var copy = draft
        return assemble(taking: &copy, hardWrapped: hardWrapped)
    }

    /// Assembles the document and empties `draft.items` batch by batch: each batch's raw
    /// texts are released once their inline results are in the document, so the draft (four
    /// bytes a scalar) and the document (UTF-8) are never both held whole.
    /// - Complexity: O(n) in the draft's text.
    func assemble(taking draft: inout DraftStructure, hardWrapped: Bool) -> ResolutionDocument {
        let footnoteNumbers = Set(notes.map(\.number))
        var doc = ResolutionDocument(source: SourceInfo(path: "", sha256: "", encoding: ""), language: profile.code)
        var usedIDs = Set<String>()
        var nextSuffix: [String: Int] = [:]
        var citations: [(unit: String, refs: [FootnoteRef])] = []
        var references: [(unit: String, found: [FoundReference])] = []

        // Preface lines have no place for markers either: their digits stay as text.
        func clean(_ raw: Scalars) -> CleanText {
            var c = InlinePass.clean(raw, footnotes: [])
            c.markers = c.markers.filter { footnoteNumbers.contains($0.number) }
            return c
        }
        func subparagraphs(_ subs: [PreparedSub], parent: String) -> [Subparagraph] {
            subs.map { s in
                let base = parent + "." + s.key
                var id = base
                // Repeated labels get `a2`, `a3`…: the next suffix is remembered per base,
                // so n repeats cost O(n), not the O(n²) of probing from 2 each time.
                var k = nextSuffix[base] ?? 2
                while usedIDs.contains(id) { WorkMeter.add(1); id = base + String(k); k += 1 }
                nextSuffix[base] = k
                usedIDs.insert(id)
                citations.append((id, s.result.markers)); references.append((id, s.result.found))
                return Subparagraph(id: id, label: s.printed, text: s.result.text, footnoteRefs: s.result.markers,
                                    references: s.result.found.map(\.symbol),
                                    subparagraphs: subparagraphs(s.children, parent: id))
            }
        }

        doc.preface = draft.preface.map { clean($0).text.string }.filter { !$0.isEmpty }
        if let f = draft.formula {
            // A marker on the formula (`The Security Council,¹`) cites its footnote from the
            // preface, and leaves the formula's text as it reads.
            var c = InlinePass.clean(f, footnotes: footnoteNumbers)
            c.markers = c.markers.filter { footnoteNumbers.contains($0.number) }
            doc.preface.append(c.text.string)
            if !c.markers.isEmpty { citations.append(("preface", c.markers)) }
        }

        var pendingHeadings: [Int] = []
        var lastID: String? = draft.formula == nil ? nil : "preface"
        func place(_ item: BodyItem, _ r: InlineResult) {
            switch item {
            case .heading:
                doc.headings.append(Heading(id: "h\(doc.headings.count + 1)", text: r.text, before: nil))
                pendingHeadings.append(doc.headings.count - 1)
                lastID = doc.headings.last!.id
            case .other:
                if !r.text.isEmpty { doc.other.append(OtherText(text: r.text, after: lastID)) }
            case .paragraph(let p):
                let id: String
                var paragraph: Paragraph
                if p.operative, let n = p.number {
                    id = "op\(n)"
                    paragraph = Paragraph(id: id, kind: .operative, index: doc.operative.count + 1, number: n,
                                          lead: r.lead, text: r.text)
                } else {
                    id = "pp\(doc.preamble.count + 1)"
                    paragraph = Paragraph(id: id, kind: .preambular, index: doc.preamble.count + 1, lead: r.lead, text: r.text)
                }
                usedIDs.insert(id)
                paragraph.footnoteRefs = r.markers
                paragraph.references = r.found.map(\.symbol)
                citations.append((id, r.markers)); references.append((id, r.found))
                paragraph.subparagraphs = subparagraphs(r.subs, parent: id)
                for h in pendingHeadings { doc.headings[h].before = id }
                pendingHeadings.removeAll()
                if paragraph.kind == .operative { doc.operative.append(paragraph) } else { doc.preamble.append(paragraph) }
                lastID = id
            }
        }
        // In batches: each batch's inline pass runs on both cores, then its raw texts go.
        let batch = 1024
        var batchStart = 0
        while batchStart < draft.items.count {
            let batchEnd = min(draft.items.count, batchStart + batch)
            let prepared = prepare(Array(draft.items[batchStart..<batchEnd]), footnotes: footnoteNumbers)
            for (offset, r) in prepared.enumerated() {
                place(draft.items[batchStart + offset], r)
                draft.items[batchStart + offset] = .other([])
            }
            batchStart = batchEnd
        }
        draft.items = []

        // Footnotes: numbered per resolution; a number seen twice keeps its first text.
        var seen = Set<Int>()
        for note in notes {
            let c = clean(note.text)
            if seen.insert(note.number).inserted {
                let found = ReferenceScanner.scan(c.text, profile: profile)
                references.append(("fn\(note.number)", found))
                doc.footnotes.append(Footnote(id: "fn\(note.number)", number: note.number, text: c.text.string,
                                              references: found.map(\.symbol)))
            } else {
                doc.other.append(OtherText(text: c.text.string, after: "fn\(note.number)"))
            }
        }
        doc.footnotes.sort { $0.number < $1.number }
        var citedBy: [Int: [String]] = [:]
        for (unit, refs) in citations {
            for r in refs where citedBy[r.number]?.last != unit { citedBy[r.number, default: []].append(unit) }
        }
        for i in doc.footnotes.indices { doc.footnotes[i].citedBy = citedBy[doc.footnotes[i].number] ?? [] }

        var order: [String] = []
        var table: [String: (kind: String, citedBy: [String])] = [:]
        for (unit, found) in references {
            for f in found {
                if table[f.symbol] == nil { order.append(f.symbol); table[f.symbol] = (f.kind, []) }
                if table[f.symbol]!.citedBy.last != unit { table[f.symbol]!.citedBy.append(unit) }
            }
        }
        doc.references = order.map { Reference(symbol: $0, kind: table[$0]!.kind, citedBy: table[$0]!.citedBy) }

        let closingLines = draft.closing.map { clean($0).text.string }
        let closingDate = closingLines.lazy.compactMap { MetaReader.date(in: $0, profile) }.first
        doc.closing = Closing(lines: closingLines, date: closingDate, meeting: MetaReader.meeting(in: closingLines, profile))
        doc.meta = MetaReader.read(preface: draft.preface, formula: draft.formula, closingDate: closingDate,
                                   profile: profile, hardWrapped: hardWrapped)
        return doc
    }
}
