// `reso tag` on files the library index holds as they are now: their units come from the index
// instead of a parse. On a 1.8 MB resolution with 10,000 notes the parse was two thirds of the
// command's time. The index is made by the same build of reso (IndexStore.currentBuild), so the
// units, ids and texts are the ones a parse would give.
import Annotations
import Foundation
import LibraryIndex

extension TagCommand {
    /// Every path's units from the index, or nil when any path is not a file the index holds
    /// unchanged (then the command parses, as before). `--quote` needs the paragraph's text
    /// searched with its context, so it takes the parsing path too, as does `RESO_NO_INDEX=1`.
    /// Opening creates no index where there is none.
    func indexedTargets(_ paths: [String]) -> [AnchorTarget]? {
        guard quoting.quote == nil, !paths.isEmpty else { return nil }
        if let v = ProcessInfo.processInfo.environment["RESO_NO_INDEX"], !v.isEmpty, v != "0" { return nil }
        let folder = IndexStore.defaultFolder()
        guard FileManager.default.fileExists(atPath: folder + "/index.sqlite"),
              let index = try? IndexStore(folder: folder) else { return nil }
        var targets: [AnchorTarget] = []
        for path in paths {
            guard let target = try? index.storedTarget(forFile: path) else { return nil }
            targets.append(target)
        }
        return targets
    }

    /// As the parsing path does it: every paragraph reference checked before anything is
    /// written, then one change per document.
    func tag(_ targets: [AnchorTarget], paragraph para: String, tags: [String]) throws {
        for t in targets where t.unitID(for: para) == nil {
            throw UserFacingError(SidecarError.unknownParagraph(reference: para, file: t.path,
                                                                nearest: t.nearestIDs(to: para)).description)
        }
        try AnnotationCLI.run {
            for t in targets {
                let store = storage.store(forPath: t.path)
                let snap = remove
                    ? try store.removeTags(tags, paragraph: para, target: t)
                    : try store.addTags(tags, paragraph: para, target: t)
                AnnotationCLI.report(store: store, snapshot: snap)
                let id = t.unitID(for: para) ?? para
                let now = snap.annotation(for: id)?.tags ?? []
                ConsoleOutput.line("\(t.path) \(id): " + (now.isEmpty ? "no tags" : now.joined(separator: ", ")))
            }
        }
    }
}
