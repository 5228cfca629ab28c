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

/// What placing an item in the document needs to know of its draft, once the draft's text
/// has gone to the inline pass.
enum PlacedKind {
    case heading, other
    case paragraph(operative: Bool, number: Int?)

    init(_ item: BodyItem) {
        switch item {
        case .heading: self = .heading
        case .other: self = .other
        case .paragraph(let box): self = .paragraph(operative: box.value.operative, number: box.value.number)
        }
    }
}

struct DocumentAssembler {
    let profile: LanguageProfile
    /// The footnotes lifted from the text; emptied by `assemble(taking:hardWrapped:)` as
    /// each is read.
    var notes: [RawFootnote]

    func inline(_ raw: Scalars, footnotes: Set<Int>, lead: Bool?) -> InlineResult {
        var none: [DraftSub] = []
        return inline(raw, footnotes: footnotes, lead: lead, taking: &none)
    }

    /// The inline pass over a text and its items, emptying `subs` as it goes: a paragraph of
    /// many items held its draft items (four bytes a scalar), their results and the
    /// document's items all at once.
    func inline(_ raw: Scalars, footnotes: Set<Int>, lead: Bool?, taking subs: inout [DraftSub]) -> InlineResult {
        // Plain digits as markers where the text has notes: in CJK only after a closing
        // bracket and before punctuation (`2357(2017)1、`), where no number stands.
        var c = InlinePass.clean(raw, footnotes: footnotes, plainMarkers: !profile.isCJK || !footnotes.isEmpty,
                                 bracketMarkersOnly: profile.isCJK)
        c.markers = c.markers.filter { footnotes.contains($0.number) }
        let leadText = lead.flatMap { InlinePass.lead(c, operative: $0, profile: profile) }
        return InlineResult(text: c.text.string, markers: c.markers, lead: leadText,
                            found: ReferenceScanner.scan(c.text, profile: profile), subs: inline(taking: &subs, footnotes: footnotes))
    }

    /// - Complexity: O(n) in the items' text; each item's text is released once read.
    func inline(taking subs: inout [DraftSub], footnotes: Set<Int>) -> [PreparedSub] {
        var out: [PreparedSub] = []
        out.reserveCapacity(subs.count)
        // By index, emptying each item: `map` would keep every raw text alive to the end.
        for i in subs.indices {
            let raw = subs[i].raw
            subs[i].raw = []
            var children = subs[i].children
            subs[i].children = []
            out.append(PreparedSub(printed: subs[i].printed, key: subs[i].key,
                                   result: inline(raw, footnotes: footnotes, lead: nil),
                                   children: inline(taking: &children, footnotes: footnotes)))
        }
        subs = []
        return out
    }

    /// The inline pass over every body item, split over the available cores for long
    /// documents. Each item is emptied once read (see `inline(_:footnotes:lead:taking:)`).
    func prepare(taking items: inout [BodyItem], footnotes: Set<Int>) -> [InlineResult] {
        @Sendable func one(_ item: BodyItem, scratch: inout Scalars) -> InlineResult {
            var item = item
            return one(taking: &item, scratch: &scratch)
        }
        /// `scratch`: a buffer kept from item to item by the caller, into which a paragraph's
        /// packed text is unpacked. One buffer per item was an allocation and a free per
        /// paragraph, on both cores, contending for the one heap.
        @Sendable func one(taking item: inout BodyItem, scratch: inout Scalars) -> InlineResult {
            switch item {
            // Headings and other text have no place for markers: a superscript there stays
            // in the text rather than vanish.
            case .heading(let raw), .other(let raw):
                item = .other([])
                return inline(raw, footnotes: [], lead: nil)
            case .paragraph(let box):
                // Moved out of the box, so that each text is released once read.
                var subs: [DraftSub] = []
                swap(&subs, &box.value.subs)
                box.value.takeRaw(into: &scratch)
                item = .other([])
                return inline(scratch, footnotes: footnotes, lead: box.value.operative, taking: &subs)
            }
        }
        guard items.count > 512, !WorkMeter.enabled else {
            var results: [InlineResult] = []
            results.reserveCapacity(items.count)
            var scratch = Scalars()
            for i in items.indices { results.append(one(taking: &items[i], scratch: &scratch)) }
            items = []
            return results
        }
        // A batch of many items: each item is small, and the batch goes when this returns.
        let all = items
        items = []
        let results = UnsafeMutableBufferPointer<InlineResult>.allocate(capacity: all.count)
        nonisolated(unsafe) let out = results
        let chunks = 8
        let size = (all.count + chunks - 1) / chunks
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lo = chunk * size, hi = min(all.count, lo + size)
            var scratch = Scalars()
            for i in lo..<max(lo, hi) { (out.baseAddress! + i).initialize(to: one(all[i], scratch: &scratch)) }
        }
        defer { results.deallocate() }
        // Moved into the array, not copied: a copy retained every text and list of every
        // result here, and deinitialising the buffer released them all again.
        return [InlineResult](unsafeUninitializedCapacity: all.count) { buffer, initialized in
            _ = buffer.moveInitialize(fromContentsOf: results)
            initialized = all.count
        }
    }

    /// Assembles the document and leaves `draft` as it was.
    func assemble(_ draft: DraftStructure, hardWrapped: Bool) -> ResolutionDocument {
        var copy = draft
        // The paragraphs' boxes are shared with `draft`, and the taking assembly empties them.
        copy.items = draft.items.map { item in
            if case .paragraph(let box) = item { return .paragraph(DraftParagraphBox(box.value)) }
            return item
        }
        var assembler = self
        return assembler.assemble(taking: &copy, hardWrapped: hardWrapped)
    }

    /// Assembles the document and empties `draft.items` batch by batch: each batch's raw
    /// texts are released once their inline results are in the document, so the draft (four
    /// bytes a scalar) and the document (UTF-8) are never both held whole.
    /// - Complexity: O(n) in the draft's text.
    mutating func assemble(taking draft: inout DraftStructure, hardWrapped: Bool) -> ResolutionDocument {
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
                if !s.result.markers.isEmpty { citations.append((id, s.result.markers)) }
                if !s.result.found.isEmpty { references.append((id, s.result.found)) }
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
        func place(_ item: PlacedKind, _ r: InlineResult) {
            switch item {
            case .heading:
                doc.headings.append(Heading(id: "h\(doc.headings.count + 1)", text: r.text, before: nil))
                pendingHeadings.append(doc.headings.count - 1)
                lastID = doc.headings.last!.id
            case .other:
                if !r.text.isEmpty { doc.other.append(OtherText(text: r.text, after: lastID)) }
            case .paragraph(let operative, let printed):
                // A paragraph's id is unique by construction (its number or its place) and
                // has no dot, so only subparagraph ids need the set of ids in use.
                let number = operative ? printed : nil
                let id = number.map { "op\($0)" } ?? "pp\(doc.preamble.count + 1)"
                // Only units that cite something are kept for the tables below: an entry
                // per paragraph was tens of megabytes in a text of many short paragraphs.
                if !r.markers.isEmpty { citations.append((id, r.markers)) }
                if !r.found.isEmpty { references.append((id, r.found)) }
                let subs = subparagraphs(r.subs, parent: id)
                for h in pendingHeadings { doc.headings[h].before = id }
                pendingHeadings.removeAll()
                // Made in the append, whole: a paragraph built in a local and then appended
                // was copied twice on the way (a retain and a release for each of its texts).
                if let number {
                    doc.operative.append(Paragraph(id: id, kind: .operative, index: doc.operative.count + 1, number: number,
                                                   lead: r.lead, text: r.text, footnoteRefs: r.markers,
                                                   references: r.found.map(\.symbol), subparagraphs: subs))
                } else {
                    doc.preamble.append(Paragraph(id: id, kind: .preambular, index: doc.preamble.count + 1, lead: r.lead,
                                                  text: r.text, footnoteRefs: r.markers,
                                                  references: r.found.map(\.symbol), subparagraphs: subs))
                }
                lastID = id
            }
        }
        // Sized once: grown by doubling, a text of many short paragraphs left up to half of
        // each array's capacity (a hundred-odd bytes a paragraph) unused.
        var counts = (preambular: 0, operative: 0)
        for item in draft.items {
            if case .paragraph(let box) = item {
                let p = box.value
                if p.operative && p.number != nil { counts.operative += 1 } else { counts.preambular += 1 }
            }
        }
        doc.preamble.reserveCapacity(counts.preambular)
        doc.operative.reserveCapacity(counts.operative)
        // In batches: each batch's inline pass runs on both cores, then its raw texts go.
        let batch = 1024
        var batchStart = 0
        while batchStart < draft.items.count {
            let batchEnd = min(draft.items.count, batchStart + batch)
            // Moved out of the draft, so that the inline pass holds each item alone.
            var items: [BodyItem] = []
            var kinds: [PlacedKind] = []
            for k in batchStart..<batchEnd {
                kinds.append(PlacedKind(draft.items[k]))
                items.append(draft.items[k])
                draft.items[k] = .other([])
            }
            let prepared = prepare(taking: &items, footnotes: footnoteNumbers)
            for (kind, r) in zip(kinds, prepared) { place(kind, r) }
            batchStart = batchEnd
        }
        draft.items = []

        // Footnotes: numbered per resolution; a number seen twice keeps its first text.
        var seen = Set<Int>()
        doc.footnotes.reserveCapacity(notes.count)
        // By index, each note's text released once read: a text of many footnotes held
        // them all (four bytes a scalar) to the end.
        for i in notes.indices {
            let note = notes[i]
            notes[i].text = []
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
        notes = []
        doc.footnotes.sort { $0.number < $1.number }
        var citedBy: [Int: [String]] = [:]
        for (unit, refs) in citations {
            for r in refs where citedBy[r.number]?.last != unit { citedBy[r.number, default: []].append(unit) }
        }
        for i in doc.footnotes.indices { doc.footnotes[i].citedBy = citedBy[doc.footnotes[i].number] ?? [] }

        citations = []
        // References in the order first cited, each with the units that cite it, built in
        // place through an index by symbol: a table of tuples and a list of the order held
        // every symbol twice more (a text citing a hundred thousand documents).
        var at: [String: Int] = [:]
        for (unit, found) in references {
            for f in found {
                let k: Int
                if let i = at[f.symbol] {
                    k = i
                } else {
                    k = doc.references.count
                    at[f.symbol] = k
                    doc.references.append(Reference(symbol: f.symbol, kind: f.kind, citedBy: []))
                }
                if doc.references[k].citedBy.last != unit { doc.references[k].citedBy.append(unit) }
            }
        }
        references = []

        let closingLines = draft.closing.map { clean($0).text.string }
        let profile = self.profile
        let closingDate = closingLines.lazy.compactMap { MetaReader.date(in: $0, profile) }.first
        doc.closing = Closing(lines: closingLines, date: closingDate, meeting: MetaReader.meeting(in: closingLines, profile))
        doc.meta = MetaReader.read(preface: draft.preface, formula: draft.formula, closingDate: closingDate,
                                   profile: profile, hardWrapped: hardWrapped)
        return doc
    }
}
