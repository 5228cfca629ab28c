import ArgumentParser
import Foundation
import ResolutionDiff
import ResolutionKit

/// `reso diff OLD NEW`: pairs the units of two texts (SPEC §10).
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a resolution, or a resolution and its translation.",
        discussion: """
        Units are paired by their text along the document order, not by their ids, so a \
        renumbered paragraph with the same text is unchanged. Two texts in different \
        languages are lined up by structure instead (mode "languages").
        text: a redline, ids on both sides, unchanged units one line each (all of it with --context).
        json: the reso.diff/1 schema (SPEC.md section 10).
        markdown: the same redline for a brief (~~removed~~, **added**).
        """
    )

    @Argument(help: "The older text (or the text in the first language).")
    var old: String

    @Argument(help: "The newer text (or the translation).")
    var new: String

    @Option(name: .shortAndLong, help: "Output format: text, json or markdown.")
    var format: ShowFormat = .text

    @Flag(help: "Show unchanged units in full rather than one line each.")
    var context = false

    func run() throws {
        let a = try loadDocument(old), b = try loadDocument(new)
        let diff = Differ.compare(a, b)
        let sideA = DiffSide(a), sideB = DiffSide(b)
        let redline = Redline(context: context, width: TerminalSize.columns())
        switch format {
        case .json: ConsoleOutput.write(DiffJSON.encode(diff, old: sideA, new: sideB), as: .json)
        case .markdown: ConsoleOutput.write(redline.markdown(diff, old: sideA, new: sideB))
        case .text:
            let pieces = redline.pieces(diff, old: sideA, new: sideB)
            if ConsoleOutput.stylesStandardOutput {
                ConsoleOutput.write(styled: pieces.map { ($0.text, Self.style($0.style)) })
            } else {
                ConsoleOutput.write(Redline.plain(pieces))
            }
        }
    }

    /// Removed: red and struck through; added: green and underlined; folded text: dim.
    static func style(_ s: RedlinePiece.Style) -> ConsoleOutput.Style {
        switch s {
        case .plain: return .plain
        case .quiet: return .dim
        case .removed: return .removed
        case .added: return .added
        }
    }
}
