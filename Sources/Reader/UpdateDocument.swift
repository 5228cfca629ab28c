// Keys in the document view (SPEC section 7) and the prompts they open.
import Terminal

extension ReaderState {
    var currentID: String? { view.flatMap { models[$0.doc].blocks[$0.current].id } }

    mutating func handleDocumentKey(_ key: Key) -> [Effect] {
        if let pending = pendingKey { handlePending(pending, key); return [] }
        if visual != nil { return handleVisualKey(key) }
        guard var v = view else { return [] }
        let g = geometry
        let h = g.text.height
        let l = layouter(v)
        let model = models[v.doc]
        let last = model.blocks.count - 1
        func headingIndex(after b: Int, forward: Bool) -> Int? {
            let hs = model.headingBlocks
            return forward ? hs.first { $0 > b } : hs.last { $0 < b }
        }
        switch key {
        case .char("j"), .down:
            if v.focus == .footnotes { v.footnoteTarget = min(v.footnoteTarget + 1, max(0, footnoteTargets(v).count - 1)) }
            else if v.focus == .outline { moveOutline(&v, by: 1, l, h) }
            else { v.current = min(last, v.current + 1); v.reveal(l, height: h) }
        case .char("k"), .up:
            if v.focus == .footnotes { v.footnoteTarget = max(0, v.footnoteTarget - 1) }
            else if v.focus == .outline { moveOutline(&v, by: -1, l, h) }
            else { v.current = max(0, v.current - 1); v.reveal(l, height: h) }
        case .char(" "), .pageDown, .ctrl("f"):
            v.topPosition = l.advance(v.topPosition, by: max(1, h - 1)); v.clamp(l, height: h); v.followScroll(l, height: h)
        case .char("b"), .pageUp, .ctrl("b"):
            v.topPosition = l.advance(v.topPosition, by: -max(1, h - 1)); v.followScroll(l, height: h)
        case .char("g"), .home: v.jump(to: 0, l, height: h)
        case .char("G"), .end:
            v.current = last; v.topPosition = l.maxTop(height: h); v.clamp(l, height: h)
        case .tab, .backTab:
            var order: [Pane] = [.text]
            if g.outline != nil { order.append(.outline) }
            if !footnoteTargets(v).isEmpty { order.append(.footnotes) }
            let i = order.firstIndex(of: v.focus) ?? 0
            v.focus = order[(i + (key == .tab ? 1 : order.count - 1)) % order.count]
        case .enter:
            switch v.focus {
            case .outline: v.focus = .text
            case .footnotes:
                let targets = footnoteTargets(v)
                guard v.footnoteTarget < targets.count, let b = model.blockByID[targets[v.footnoteTarget]] else { break }
                v.back.append((v.doc, v.current))
                v.focus = .text
                v.jump(to: b, l, height: h)
                flash("Jumped to \(targets[v.footnoteTarget]) — Backspace goes back")
            case .text:
                if !footnoteTargets(v).isEmpty { v.focus = .footnotes; v.footnoteTarget = 0 }
                else if !model.blocks[v.current].references.isEmpty { view = v; overlay = .references(selection: 0); return [] }
            }
        case .backspace, .char("-"):
            guard let b = v.back.popLast() else { flash("Nothing to go back to"); break }
            if b.doc != v.doc {
                let rest = v.back
                view = v
                open(b.doc, at: b.block)
                view?.back = rest
                return []
            }
            v.jump(to: b.block, l, height: h)
        case .char("p"):
            guard let b = model.firstPreambular else { flash("This document has no preamble"); break }
            v.focus = .text; v.jump(to: b, l, height: h)
        case .char("o"):
            guard let b = model.firstOperative else { flash("This document has no operative part"); break }
            v.focus = .text; v.jump(to: b, l, height: h)
        case .char("]"):
            guard let b = headingIndex(after: v.current, forward: true) else { flash("No next heading"); break }
            v.jump(to: b, l, height: h)
        case .char("["):
            guard let b = headingIndex(after: v.current, forward: false) else { flash("No previous heading"); break }
            v.jump(to: b, l, height: h)
        case .char("f"):
            if footnoteTargets(v).isEmpty && model.blocks[v.current].footnotes.isEmpty {
                flash("No footnotes in \(currentID ?? "this block")")
            } else { v.focus = v.focus == .footnotes ? .text : .footnotes; v.footnoteTarget = 0 }
        case .char("r"):
            if model.blocks[v.current].references.isEmpty { flash("No references in \(currentID ?? "this block")") }
            else { view = v; overlay = .references(selection: 0); return [] }
        case .char("/"): overlay = .prompt(Prompt(kind: .search, editor: LineEditor(search?.query ?? "")))
        case .char("n"): view = v; nextHit(1); return []
        case .char("N"): view = v; nextHit(-1); return []
        case .char("t"), .char("e"), .char("E"), .char("1"), .char("2"), .char("3"), .char("4"), .char("5"),
             .char("6"), .char("7"), .char("8"), .char("9"):
            guard let id = currentID else { flash("Only paragraphs and headings can be annotated"); break }
            view = v
            return annotate(key, id, v.doc)
        case .char("x"): overlay = .prompt(Prompt(kind: .export, editor: LineEditor()))
        case .char("R"): view = v; return clearReviewFlag()
        case .char(":"): overlay = .prompt(Prompt(kind: .goTo, editor: LineEditor()))
        case .char("v"):
            v.focus = .text
            view = v
            startVisual(v)
            return []
        case .char("a"):
            guard let id = currentID, id.hasPrefix("pp") || id.hasPrefix("op") else {
                flash("Amendments apply to preambular and operative paragraphs"); break
            }
            view = v
            startAmendment(id, v)
            return []
        case .char("m"): pendingKey = .setMark
        case .char("'"): pendingKey = .jumpToMark
        case .char("?"): overlay = .help(scroll: 0)
        case .escape:
            if v.focus != .text { v.focus = .text } else { search = nil }
        case .char("q"):
            // Closing the footnote pane is the first step back; the outline is only a view.
            if v.focus == .footnotes { v.focus = .text; break }
            return closeDocument()
        default: break
        }
        view = v
        return []
    }

    mutating func moveOutline(_ v: inout DocumentView, by d: Int, _ l: Layouter, _ h: Int) {
        let entries = models[v.doc].outline
        guard !entries.isEmpty else { return }
        let i = outlineIndex(v) ?? -1
        let j = max(0, min(entries.count - 1, i + d))
        v.jump(to: entries[j].block, l, height: h)
    }

    /// The outline entry of the current block: the last one at or before it.
    func outlineIndex(_ v: DocumentView) -> Int? {
        let entries = models[v.doc].outline
        var lo = 0, hi = entries.count - 1, found: Int?
        while lo <= hi {
            let mid = (lo + hi) / 2
            if entries[mid].block <= v.current { found = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        return found
    }

    func outlineTop(_ v: DocumentView, height: Int) -> Int {
        let n = models[v.doc].outline.count
        guard n > height else { return 0 }
        return max(0, min(n - height, (outlineIndex(v) ?? 0) - height / 2))
    }

    mutating func annotate(_ key: Key, _ id: String, _ doc: Int) -> [Effect] {
        let current = notes[doc].byParagraph[id] ?? ParagraphNote()
        switch key {
        case .char("t"):
            overlay = .prompt(Prompt(kind: .tag, editor: LineEditor(), paragraph: id, quote: view.flatMap(selectedMatch)))
        case .char("e"):
            if let n = current.note, n.contains("\n") {
                flash("This note has several lines: E edits it in $EDITOR")
            } else {
                overlay = .prompt(Prompt(kind: .note, editor: LineEditor(current.note ?? ""), paragraph: id,
                                         quote: view.flatMap(selectedMatch)))
            }
        case .char("E"):
            return [.editNote(paragraph: id, doc: doc, current: current.note ?? "")]
        case .char(let c):
            let i = Int(c.value) - 0x31
            let choices = tagChoices
            guard i < choices.count else { flash("No tag on key \(i + 1)"); return [] }
            return [.toggleTag(choices[i], paragraph: id, doc: doc)]
        default: break
        }
        return []
    }

    // MARK: prompts

    /// Tags offered for what is typed so far (the last word of the prompt).
    func completions(for p: Prompt) -> [String] {
        let word = p.editor.text.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let stem = word.hasPrefix("-") ? String(word.dropFirst()) : word
        return tagChoices.filter { stem.isEmpty || $0.hasPrefix(stem.lowercased()) }
    }

    mutating func handlePrompt(_ p: Prompt, _ event: InputEvent) -> [Effect] {
        guard case .key(let key) = event else { return [] }
        var p = p
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"):
            overlay = .none
            return []
        case .enter:
            overlay = .none
            return submit(p)
        case .tab where p.kind == .tag:
            let options = completions(for: p)
            guard !options.isEmpty else { break }
            var words = p.editor.text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            let minus = words.last?.hasPrefix("-") == true ? "-" : ""
            words[words.count - 1] = minus + options[p.completion % options.count]
            p.editor = LineEditor(words.joined(separator: " "))
            p.completion += 1
        case .tab where p.kind == .export, .down where p.kind == .export, .up where p.kind == .export:
            let fs = exportFormats
            let i = fs.firstIndex(of: p.editor.text).map { $0 + (key == .up ? fs.count - 1 : 1) } ?? 0
            p.editor = LineEditor(fs[i % fs.count])
        default:
            guard p.editor.handle(key) else { return [] }
            if p.kind == .tag { p.completion = 0 }
        }
        overlay = .prompt(p)
        return []
    }

    mutating func submit(_ p: Prompt) -> [Effect] {
        let text = p.editor.text.trimmingCharacters(in: " ")
        switch p.kind {
        case .search:
            if text.isEmpty { search = nil; return [] }
            if view == nil, catalog != nil { return [.searchLibrary(text)] }
            runSearch(text)
            return []
        case .tag:
            guard let id = p.paragraph, let doc = view?.doc else { return [] }
            let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "，" }).map(String.init)
            let add = words.filter { !$0.hasPrefix("-") }
            let remove = words.filter { $0.hasPrefix("-") }.map { String($0.dropFirst()) }.filter { !$0.isEmpty }
            var effects: [Effect] = []
            if !add.isEmpty { effects.append(.addTags(add, paragraph: id, doc: doc)) }
            if !remove.isEmpty { effects.append(.removeTags(remove, paragraph: id, doc: doc)) }
            if !add.isEmpty, let q = p.quote { effects.append(.setQuote(q, occurrence: p.occurrence, paragraph: id, doc: doc)) }
            return effects
        case .note:
            guard let id = p.paragraph, let doc = view?.doc else { return [] }
            let note: [Effect] = [.setNote(text.isEmpty ? nil : p.editor.text, paragraph: id, doc: doc)]
            return note + (text.isEmpty ? [] : p.quote.map { [.setQuote($0, occurrence: p.occurrence, paragraph: id, doc: doc)] } ?? [])
        case .export:
            let format = text.isEmpty ? (exportFormats.first ?? "md") : text.lowercased()
            guard exportFormats.contains(format) else {
                flash("Unknown format «\(format)»: one of \(exportFormats.joined(separator: ", "))", error: true)
                return []
            }
            return [.export(format: format, docs: view.map { [$0.doc] } ?? Array(models.indices))]
        case .goTo:
            submitGoTo(text)
            return []
        case .amend:
            return submitAmendment(text, paragraph: p.paragraph, quote: p.quote, occurrence: p.occurrence)
        }
    }
}

extension String {
    func trimmingCharacters(in c: Character) -> String {
        var s = Substring(self)
        while s.first == c { s.removeFirst() }
        while s.last == c { s.removeLast() }
        return String(s)
    }
}
