// The key table shown by `?`. It is the reader's documentation: keep it in step with
// handleDocumentKey / handleLibraryKey (a test checks every SPEC key is listed).

enum KeyHelp {
    static let rows: [(keys: String, action: String)] = [
        ("j k ↓ ↑", "next / previous paragraph (in the outline: entry)"),
        ("Space PgDn", "page down"),
        ("b PgUp", "page up"),
        ("g G Home End", "start / end"),
        ("Tab", "switch pane: text, outline, footnotes (compare: the other document)"),
        ("Enter", "open: document, outline entry, footnote citation"),
        ("Backspace -", "go back after following a footnote or reference"),
        ("p", "preamble"),
        ("o", "operative part"),
        ("[ ]", "previous / next heading"),
        ("]c [c", "compare: next / previous change (vim diff mode; c is the change key)"),
        ("f", "footnotes of this paragraph (Enter jumps to a citing one)"),
        ("r", "references of this paragraph (Enter opens one in the library)"),
        ("/", "search (library: every document); CJK needs no spaces"),
        ("n N", "next / previous match"),
        ("t", "tag this paragraph (Tab completes; -tag removes)"),
        ("1–9", "toggle the first nine tags (listed in the t prompt)"),
        ("e", "one-line note editor (Enter saves, empty clears, Esc cancels)"),
        ("E", "edit the note in $EDITOR"),
        ("a", "draft an amendment: old => new, -old, old +> new, + new paragraph (a search match starts it)"),
        ("v", "select words (w b e h l 0 $; a match starts it), then 1–9 t n a act on them"),
        ("x", "export annotations"),
        (":", "go to a paragraph: 25, op25, pp3, op84.a, h2 (Backspace returns)"),
        ("m", "then a–z: set a mark on this paragraph"),
        ("'", "then a–z: jump to the mark"),
        ("R", "clear the review mark (?) reso carry left on this paragraph's notes"),
        ("L O Y", "library: filter by language / organ / year (again: next value, then all; Esc clears)"),
        ("S", "library: sort by folder, date, symbol, title"),
        ("F", "library: group by folder on or off"),
        ("?", "this help"),
        ("q", "back: document → library → quit"),
        ("Esc", "leave a pane, prompt or search"),
        ("mouse", "click selects, wheel scrolls"),
        ("Ctrl-C", "quit at once (every edit is already saved)"),
    ]

    /// The table as in effect: keys as bound (config.toml's [keys]), and the export formats the
    /// backend offers (the export registry) on the export key.
    static func rows(exportFormats: [String], bindings: KeyBindings = .standard) -> [(keys: String, action: String)] {
        rows.map { row in
            var action = row.action
            if row.keys == "x" { action = "export annotations (\(exportFormats.joined(separator: ", ")))" }
            // Single-character tokens are keys that may be rebound; names (Space, PgDn…) stay.
            let keys = row.keys.split(separator: " ").map { token -> String in
                let scalars = Array(token.unicodeScalars)
                // `]c`: a bracket then a bound key.
                if scalars.count == 2, scalars[0] == "]" || scalars[0] == "[" {
                    return bindings.display(default: scalars[0]) + bindings.display(default: scalars[1])
                }
                return scalars.count == 1 ? bindings.display(default: scalars[0]) : String(token)
            }.joined(separator: " ")
            return (keys, action)
        }
    }

    /// The hint line: key and word for the commonest actions; fewer entries (never bare
    /// letters) when narrow.
    static func hint(bindings: KeyBindings, backWord: String, width: Int) -> String {
        let wide = [("help", "help"), ("operative", "operative"), ("footnotes", "footnotes"), ("tag", "tag"),
                    ("note", "note"), ("back", backWord)]
        let narrow = [("help", "help"), ("tag", "tag"), ("note", "note"), ("back", backWord)]
        return (width < 76 ? narrow : wide).map { "\(bindings.key(for: $0.0)) \($0.1)" }.joined(separator: " · ")
    }
}
