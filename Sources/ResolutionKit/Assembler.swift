// Turns the draft structure into the public document: ids from structure, the inline
// pass on every text, footnotes with the paragraphs that cite them, references with
// the units that cite them, meta from the preface.

struct DocumentAssembler {
    let profile: LanguageProfile
    let notes: [RawFootnote]

    func assemble(_ draft: DraftStructure, hardWrapped: Bool) -> ResolutionDocument {
        let footnoteNumbers = Set(notes.map(\.number))
        var doc = ResolutionDocument(source: SourceInfo(path: "", sha256: "", encoding: ""), language: profile.code)
        var usedIDs = Set<String>()
        var citations: [(unit: String, refs: [FootnoteRef])] = []
        var references: [(unit: String, found: [FoundReference])] = []

        func clean(_ raw: Scalars) -> CleanText {
            var c = InlinePass.clean(raw, footnotes: footnoteNumbers)
            c.markers = c.markers.filter { footnoteNumbers.contains($0.number) }
            return c
        }
        func subparagraphs(_ subs: [DraftSub], parent: String) -> [Subparagraph] {
            subs.map { s in
                var id = parent + "." + s.key
                var k = 2
                while usedIDs.contains(id) { id = parent + "." + s.key + String(k); k += 1 }
                usedIDs.insert(id)
                let c = clean(s.raw)
                let found = ReferenceScanner.scan(c.text, profile: profile)
                citations.append((id, c.markers)); references.append((id, found))
                return Subparagraph(id: id, label: s.printed, text: c.text.string, footnoteRefs: c.markers,
                                    references: found.map(\.symbol), subparagraphs: subparagraphs(s.children, parent: id))
            }
        }

        doc.preface = draft.preface.map { clean($0).text.string }.filter { !$0.isEmpty }
        if let f = draft.formula { doc.preface.append(clean(f).text.string) }

        var pendingHeadings: [Int] = []
        var lastID: String? = draft.formula == nil ? nil : "preface"
        for item in draft.items {
            switch item {
            case .heading(let raw):
                doc.headings.append(Heading(id: "h\(doc.headings.count + 1)", text: clean(raw).text.string, before: nil))
                pendingHeadings.append(doc.headings.count - 1)
                lastID = doc.headings.last!.id
            case .other(let raw):
                let text = clean(raw).text.string
                if !text.isEmpty { doc.other.append(OtherText(text: text, after: lastID)) }
            case .paragraph(let p):
                let c = clean(p.raw)
                let id: String
                var paragraph: Paragraph
                if p.operative, let n = p.number {
                    id = "op\(n)"
                    paragraph = Paragraph(id: id, kind: .operative, index: doc.operative.count + 1, number: n,
                                          lead: InlinePass.lead(c, operative: true, profile: profile), text: c.text.string)
                } else {
                    id = "pp\(doc.preamble.count + 1)"
                    paragraph = Paragraph(id: id, kind: .preambular, index: doc.preamble.count + 1,
                                          lead: InlinePass.lead(c, operative: false, profile: profile), text: c.text.string)
                }
                usedIDs.insert(id)
                paragraph.footnoteRefs = c.markers
                let found = ReferenceScanner.scan(c.text, profile: profile)
                paragraph.references = found.map(\.symbol)
                citations.append((id, c.markers)); references.append((id, found))
                paragraph.subparagraphs = subparagraphs(p.subs, parent: id)
                for h in pendingHeadings { doc.headings[h].before = id }
                pendingHeadings.removeAll()
                if paragraph.kind == .operative { doc.operative.append(paragraph) } else { doc.preamble.append(paragraph) }
                lastID = id
            }
        }

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
