// `update(state, message) -> effects`: the only place state changes. It never touches the
// disk or the terminal; what must happen outside (saving a tag, running $EDITOR, writing an
// export, quitting) is returned as an Effect for the runtime to carry out.
import Terminal

public enum Message: Sendable {
    case input(InputEvent)
    /// The store saved a change (or loaded a document): its annotations now.
    case notesChanged(doc: Int, DocumentNotes)
    /// The store's notes after save number `save` of a tag toggle saved behind the frame
    /// (Runtime+WriteBehind.swift); the runtime drops it when a newer save follows.
    case notesSaved(doc: Int, DocumentNotes, save: Int)
    case status(String, error: Bool)
    /// The app parsed a library document the user opened (Catalog.swift).
    case documentOpened(doc: Int, OpenedDocument, DocumentNotes, paragraph: String?)
    /// The index was refreshed: the library list's rows now (same documents, same order).
    case catalogUpdated([CatalogEntry])
    /// The hits of a library-wide search through the index.
    case libraryHits(query: String, [CatalogHit])
}

public enum Effect: Hashable, Sendable {
    case quit
    case addTags([String], paragraph: String, doc: Int)
    case removeTags([String], paragraph: String, doc: Int)
    case toggleTag(String, paragraph: String, doc: Int)
    case setNote(String?, paragraph: String, doc: Int)
    /// Suspend the screen and edit this note in $EDITOR.
    case editNote(paragraph: String, doc: Int, current: String)
    case export(format: String, docs: [Int])
    /// Show the user a link to a document that is not in the library (the app opens it in a
    /// browser when there is a display, else prints it).
    case openLink(String)
    /// The tags or note of a paragraph are about these words (a search match).
    case setQuote(String, occurrence: Int = 1, paragraph: String, doc: Int)
    /// Store a drafted amendment (`a`).
    case amend(DraftedAmendment, paragraph: String, doc: Int)
    /// Parse library document `doc` and open it (at `paragraph`).
    case openDocument(doc: Int, paragraph: String?)
    /// Search the whole library through the index.
    case searchLibrary(String)
    /// Clear the `review` flag `reso carry` set on the paragraph's annotations (`R`).
    case clearReview(paragraph: String, doc: Int)
}

public func update(_ s: inout ReaderState, _ message: Message) -> [Effect] {
    switch message {
    case .notesChanged(let doc, let n), .notesSaved(let doc, let n, _):
        guard doc < s.notes.count else { return [] }
        s.setNotes(doc, n)
        if let notice = n.notice { s.flash(notice) }
        if var v = s.view, v.doc == doc { v.clamp(s.layouter(v), height: s.geometry.text.height); s.view = v }
        s.alignComparePanes()
        return []
    case .status(let text, let error):
        s.flash(text, error: error)
        return []
    case .documentOpened(let doc, let model, let notes, let paragraph):
        s.documentOpened(doc, model.model, notes, paragraph: paragraph)
        return []
    case .catalogUpdated(let entries):
        s.catalogUpdated(entries)
        return []
    case .libraryHits(let query, let hits):
        s.libraryHits(query, hits)
        return []
    case .input(.resize(let w, let h)):
        s.width = w; s.height = h
        // Keep the current paragraph in view at the new width (wrapping changes every height).
        if var v = s.view, !s.geometry.tooSmall { v.reveal(s.layouter(v), height: s.geometry.text.height); s.view = v }
        if !s.geometry.tooSmall { s.alignComparePanes() }
        s.revealLibrarySelection()
        return []
    case .input(.signal):
        return [.quit]
    case .input(let event):
        if s.geometry.tooSmall {
            if case .key(.char("q")) = event { return [.quit] }
            return []
        }
        s.message = nil
        switch s.overlay {
        case .prompt(let p):
            let effects = s.handlePrompt(p, event)
            s.followFocusedPane()  // a search or go-to moved the focused pane
            return effects
        case .help(let scroll): return s.handleHelp(scroll, event)
        case .references(let sel): return s.handleReferences(sel, event)
        case .none: break
        }
        if case .mouse(let m) = event { return s.compare != nil ? s.handleCompareMouse(m) : s.handleMouse(m) }
        // The letter after `m` or `'` is a mark's name, not a bound key.
        guard case .key(let pressed) = event,
              let key = s.pendingKey != nil || s.visual != nil ? pressed : s.keyBindings.translate(pressed) else { return [] }
        if s.view == nil { return s.catalog != nil ? s.handleCatalogKey(key) : s.handleLibraryKey(key) }
        return s.compare != nil ? s.handleCompareKey(key) : s.handleDocumentKey(key)
    }
}

extension ReaderState {
    mutating func flash(_ text: String, error: Bool = false) { message = text; messageIsError = error }

    // MARK: library

    var libraryListHeight: Int { max(1, height - 3) }

    mutating func selectLibrary(_ i: Int) {
        librarySelection = max(0, min(models.count - 1, i))
        revealLibrarySelection()
    }

    mutating func revealLibrarySelection() {
        let h = libraryListHeight
        if librarySelection < libraryTop { libraryTop = librarySelection }
        if librarySelection >= libraryTop + h { libraryTop = librarySelection - h + 1 }
        libraryTop = max(0, min(libraryTop, max(0, models.count - h)))
    }

    mutating func handleLibraryKey(_ key: Key) -> [Effect] {
        switch key {
        case .char("j"), .down: selectLibrary(librarySelection + 1)
        case .char("k"), .up: selectLibrary(librarySelection - 1)
        case .char(" "), .pageDown: selectLibrary(librarySelection + libraryListHeight)
        case .char("b"), .pageUp: selectLibrary(librarySelection - libraryListHeight)
        case .char("g"), .home: selectLibrary(0)
        case .char("G"), .end: selectLibrary(models.count - 1)
        case .enter, .right, .char("l"): open(librarySelection, at: nil)
        case .char("/"): overlay = .prompt(Prompt(kind: .search, editor: LineEditor(search?.query ?? "")))
        case .char("n"): nextHit(1)
        case .char("N"): nextHit(-1)
        case .char("x"): overlay = .prompt(Prompt(kind: .export, editor: LineEditor()))
        case .char("?"): overlay = .help(scroll: 0)
        case .char("q"), .ctrl("c"): return [.quit]
        case .escape: search = nil
        case .char("t"), .char("e"), .char("E"), .char("f"), .char("r"):
            flash("Open a document first (Enter)")
        default: break
        }
        return []
    }

    /// Opens document `doc`, optionally at a block, carrying a library search into it.
    mutating func open(_ doc: Int, at requested: Int?) {
        guard doc >= 0 && doc < models.count else { return }
        // Without a place asked for, a document opens where it was last read.
        let block = requested ?? lastRead[doc].flatMap { models[doc].blockByID[$0] }
            ?? resumeAt[doc].flatMap { models[doc].blockByID[$0] }
        var v = DocumentView(doc: doc)
        view = v  // the geometry (footnote pane) depends on the open document
        let g = geometry
        if let block { v.jump(to: block, layouter(v), height: g.text.height) }
        view = v
        librarySelection = doc
        if let q = search?.query {
            runSearch(q)
            if block == nil, search?.hits.isEmpty == false { search?.index = 0; showHit() }
        }
    }

    mutating func closeDocument() -> [Effect] {
        guard isLibrary else { return [.quit] }
        if let v = view { librarySelection = v.doc; lastRead[v.doc] = position(v) }
        view = nil
        // The big library keeps its list and hit list as they were (no parse of every document).
        if catalog != nil { search = search.map { SearchState(query: $0.query) }; return [] }
        if let q = search?.query { runSearch(q) } else { search = nil }
        revealLibrarySelection()
        return []
    }

    // MARK: help

    mutating func handleHelp(_ scroll: Int, _ event: InputEvent) -> [Effect] {
        guard case .key(let key) = event else { return [] }
        switch key {
        case .char("j"), .down: overlay = .help(scroll: min(scroll + 1, max(0, KeyHelp.rows.count - 1)))
        case .char("k"), .up: overlay = .help(scroll: max(0, scroll - 1))
        default: overlay = .none
        }
        return []
    }

    // MARK: mouse

    mutating func handleMouse(_ m: MouseEvent) -> [Effect] {
        guard var v = view else {
            if catalog != nil { return [] }
            let i = libraryTop + m.row - 2
            switch m.kind {
            case .wheelUp: selectLibrary(librarySelection - 3)
            case .wheelDown: selectLibrary(librarySelection + 3)
            case .click:
                guard m.row >= 2, i < models.count else { return [] }
                // A click on the selected row opens it, like a double click.
                if i == librarySelection { open(i, at: nil) } else { selectLibrary(i) }
            }
            return []
        }
        let g = geometry
        let l = layouter(v)
        switch m.kind {
        case .wheelUp, .wheelDown:
            if let fr = g.footnotes, fr.contains(row: m.row, column: m.column) { return [] }
            v.topPosition = l.advance(v.topPosition, by: m.kind == .wheelUp ? -3 : 3)
            v.clamp(l, height: g.text.height)
            v.followScroll(l, height: g.text.height)
        case .click:
            if let o = g.outline, o.contains(row: m.row, column: m.column) {
                let entries = models[v.doc].outline
                let top = outlineTop(v, height: o.height)
                let i = top + m.row - o.y
                if i < entries.count { v.jump(to: entries[i].block, l, height: g.text.height) }
            } else if g.text.contains(row: m.row, column: m.column) {
                let rows = l.visible(from: v.topPosition, height: g.text.height)
                let i = m.row - g.text.y
                if i < rows.count { v.current = rows[i].pos.block; v.focus = .text }
            } else if let fr = g.footnotes, fr.contains(row: m.row, column: m.column) {
                // A click on a citing paragraph's id follows it, like Enter.
                if let t = footnoteTarget(at: m.row, column: m.column, v, fr) {
                    v.focus = .footnotes
                    v.footnoteTarget = t
                    view = v
                    return handleDocumentKey(.enter)
                }
                v.focus = .footnotes
            }
        }
        view = v
        return []
    }
}
