import Annotations
import ArgumentParser
import Foundation
import ResolutionKit

/// `reso carry OLD NEW`: OLD's notes and tags onto NEW through the diff's pairing (SPEC §10).
struct CarryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carry",
        abstract: "Copy the notes and tags of one version onto the next.",
        discussion: """
        Annotations on unchanged paragraphs move to their new ids; on reworded paragraphs they \
        move and are flagged for review; on removed paragraphs they become orphans of NEW that \
        say where they came from. OLD's sidecar is never changed; running carry again adds nothing.
        """
    )

    @Argument(help: "The version whose annotations are copied.")
    var old: String

    @Argument(help: "The version that receives them.")
    var new: String

    @OptionGroup var storage: StoreOption

    func run() throws {
        let a = try loadDocument(old), b = try loadDocument(new)
        let report = try AnnotationCLI.run {
            try Carry.run(old: a, new: b, oldStore: storage.store(for: a), newStore: storage.store(for: b))
        }
        let store = storage.store(for: b)
        if let n = store.notice { ConsoleOutput.message("reso: \(n)") }
        ConsoleOutput.line("\(b.source.path): \(report.moved) moved, \(report.review) to review, "
            + "\(report.orphaned) orphaned, \(report.alreadyThere) already there (from \(a.source.path))")
    }
}
