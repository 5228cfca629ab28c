// Shell completion for `reso tag FILE PARA TAG…` and `reso note FILE PARA`: file names until a
// document is typed, then the document's paragraph ids (`reso tag FILE op<TAB>`), then tags.
// ArgumentParser's generated bash/zsh/fish scripts call back into reso for these candidates.
import Annotations
import Foundation
import ResolutionKit

enum ParagraphCompletion {
    /// Candidates for the word at `index` of `words` (the whole command line), starting with
    /// `prefix`. Parses at most one document. - Complexity: O(document) for paragraph ids.
    static func candidates(_ words: [String], _ index: Int, _ prefix: String, tags: Bool) -> [String] {
        let before = words.prefix(max(0, min(index, words.count)))
        // The words after the subcommand; options are skipped (their values are never paths here).
        var paths: [String] = []
        var afterPaths = 0
        var sawSubcommand = false
        for w in before {
            if !sawSubcommand { if w == "tag" || w == "note" { sawSubcommand = true }; continue }
            if w.hasPrefix("-") { continue }
            if afterPaths == 0 && FileManager.default.fileExists(atPath: w) { paths.append(w) } else { afterPaths += 1 }
        }
        if afterPaths == 0 {
            let ids = paths.last.map { paragraphIDs(of: $0) } ?? []
            return (files(matching: prefix) + ids.filter { $0.hasPrefix(prefix) })
        }
        guard tags, afterPaths >= 1 else { return [] }
        return defaultTags.filter { $0.hasPrefix(prefix) }
    }

    /// The ids of every unit of the document (folders: of the first document in it).
    static func paragraphIDs(of path: String) -> [String] {
        guard let file = (try? DocumentPaths.expand([path]))?.first,
              let doc = try? ResolutionDocument.load(path: file) else { return [] }
        return doc.units.map(\.id)
    }

    /// Documents and folders whose path starts with `prefix` (hidden entries only when asked).
    static func files(matching prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let folder = slash.map { String(prefix[...$0]) } ?? ""
        let stem = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return [] }
        return names.filter { $0.hasPrefix(stem) && (stem.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().compactMap { name in
            let path = folder + name
            if isDirectory(path) { return path + "/" }
            return DocumentPaths.hasDocumentExtension(name) ? path : nil
        }
    }
}
