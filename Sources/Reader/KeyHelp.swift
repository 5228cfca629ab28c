// The key table shown by `?`. It is the reader's documentation: keep it in step with
// handleDocumentKey / handleLibraryKey (a test checks every SPEC key is listed).

enum KeyHelp {
    static let rows: [(keys: String, action: String)] = [
        ("j k ↓ ↑", "next / previous paragraph (in the outline: entry)"),
        ("Space PgDn", "page down"),
        ("b PgUp", "page up"),
        ("g G Home End", "start / end"),
        ("Tab", "switch pane: text, outline, footnotes"),
        ("Enter", "open: document, outline entry, footnote citation"),
        ("Backspace -", "go back after following a footnote or reference"),
        ("p", "preamble"),
        ("o", "operative part"),
        ("[ ]", "previous / next heading"),
        ("f", "footnotes of this paragraph (Enter jumps to a citing one)"),
        ("r", "references of this paragraph (Enter opens one in the library)"),
        ("/", "search (library: every document); CJK needs no spaces"),
        ("n N", "next / previous match"),
        ("t", "tag this paragraph (Tab completes; -tag removes)"),
        ("1–9", "toggle the first nine tags (listed in the t prompt)"),
        ("e", "one-line note editor (Enter saves, empty clears, Esc cancels)"),
        ("E", "edit the note in $EDITOR"),
        ("x", "export annotations"),
        ("?", "this help"),
        ("q", "back: document → library → quit"),
        ("Esc", "leave a pane, prompt or search"),
        ("mouse", "click selects, wheel scrolls"),
        ("Ctrl-C", "quit at once (every edit is already saved)"),
    ]

    /// The table with the export formats the backend offers (the export registry) on `x`.
    static func rows(exportFormats: [String]) -> [(keys: String, action: String)] {
        rows.map { $0.keys == "x" ? ("x", "export annotations (\(exportFormats.joined(separator: ", ")))") : $0 }
    }
}
