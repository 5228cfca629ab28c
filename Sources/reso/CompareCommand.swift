// `reso compare A B`: the reader with two text panes that move together by paragraph
// (SPEC §10). The pairing is `reso diff`'s; the panes, keys and drawing are in
// Sources/Reader/ComparePane.swift.
import ArgumentParser
import Foundation
import Reader
import ResolutionDiff
import ResolutionKit
import Terminal

extension DiffMode: ExpressibleByArgument {}

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Read two texts side by side: two versions, or a resolution and its translation.",
        discussion: """
        The panes move together by paragraph, paired as `reso diff` pairs them (a renumbered \
        paragraph stays beside its counterpart). Versions: removed and inserted words are \
        highlighted; ]c and [c jump to the next and previous change. Languages: each pane \
        wraps its own script. Tab moves the focus; tags (t, 1–9), notes (e) and R (clear a \
        review mark left by `reso carry`) act on the focused document's sidecar. From 80 \
        columns the panes are side by side; on a narrower terminal they are stacked.
        """
    )

    @Argument(help: "The first text (the older version, or the first language): the left pane.")
    var a: String

    @Argument(help: "The second text: the right pane.")
    var b: String

    @Option(help: "versions or languages (default: versions when both texts are in one language).")
    var mode: DiffMode?

    func run() throws {
        // Bad input first: a missing or unreadable file is named whatever the terminal.
        let models = try [a, b].map { DocumentModel(path: $0, document: try loadDocument($0)) }
        let env = ProcessInfo.processInfo.environment
        let term = env["TERM"] ?? ""
        if isatty(STDOUT_FILENO) == 0 || isatty(STDIN_FILENO) == 0 || term.isEmpty || term == "dumb" {
            throw UserFacingError("reso compare needs a terminal; `reso diff \(a) \(b)` prints the comparison")
        }
        let config = try ResoConfig.load()
        let comparison = Comparison(left: models[0], right: models[1], mode: mode)
        // `ambiguous_wide` in config.toml holds here as in the reader.
        for m in models { m.ambiguousWide = config.ambiguousWide }
        let backend = makeAnnotationBackend(models, config: config)
        var problems: [String] = []
        let notes = ReaderLaunch.loadNotes(backend, count: models.count, problems: &problems)
        let screen = try ReaderLaunch.openScreen(env)
        var state = ReaderState(comparing: models[0], models[1], comparison: comparison, notes: notes,
                                width: screen.width, height: screen.height, color: screen.colorEnabled,
                                defaultTags: backend.defaultTags, exportFormats: backend.exportFormats)
        state.keyBindings = config.bindings
        state.applyColours(config.colours)
        let runtime = ReaderRuntime(state: state, screen: screen, backend: backend, editNote: EditorLauncher.edit,
                                    openLink: { LinkOpener.open($0) })
        ReaderLaunch.saveBehindTheFrame(runtime, screen)
        if let p = problems.first { runtime.send(.status(p, error: true)) }
        let signal = runtime.run()
        screen.end()
        if let signal { screen.exit(bySignal: signal) }
    }
}
