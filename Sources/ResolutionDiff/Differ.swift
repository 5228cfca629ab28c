// The one entry point: compare two documents (or two unit lists) and get a `DocumentDiff`.
import ResolutionKit

public enum Differ {
    /// Compares two parsed documents: `versions` when they are in one language, `languages`
    /// when not (SPEC §10).
    /// - Complexity: O(n log n) in the units, plus O(len · D) per changed pair for its edits.
    public static func compare(_ old: ResolutionDocument, _ new: ResolutionDocument) -> DocumentDiff {
        if old.language == new.language {
            return versions(old: old.diffUnits, new: new.diffUnits, language: old.language)
        }
        return languages(old: old.diffUnits, new: new.diffUnits)
    }

    /// Pairs two versions of a text in `language` (whose language data says whether edits
    /// go word by word or character by character).
    public static func versions(old: [DiffUnit], new: [DiffUnit], language: String) -> DocumentDiff {
        let characterWise = Tokenizer.isCharacterWise(language: language)
        var pairing = VersionPairing(old: old, new: new, characterWise: characterWise)
        pairing.run()

        var entries: [(key: (Int, Int, Int), pair: UnitPair)] = []
        entries.reserveCapacity(old.count + new.count)
        for j in new.indices {
            guard let i = pairing.newMatch[j] else {
                entries.append(((j, 0, 0), UnitPair(old: nil, new: j, status: .added)))
                continue
            }
            let moved = pairing.moved.contains(i)
            if pairing.isExact(i, j) {
                entries.append(((j, 0, 0), UnitPair(old: i, new: j, status: .unchanged, moved: moved)))
            } else {
                let (edits, similarity) = TokenDiff.compare(old: old[i].text, new: new[j].text,
                                                            characterWise: characterWise)
                entries.append(((j, 0, 0), UnitPair(old: i, new: j, status: .changed, similarity: similarity,
                                                    moved: moved, edits: edits)))
            }
        }
        // A removed unit goes right after the pair of the nearest OLD unit before it that
        // stayed in place.
        var anchor = -1
        for i in old.indices {
            if let j = pairing.oldMatch[i] {
                if !pairing.moved.contains(i) { anchor = j }
            } else {
                entries.append(((anchor, 1, i), UnitPair(old: i, new: nil, status: .removed)))
            }
        }
        entries.sort { $0.key < $1.key }
        return DocumentDiff(mode: .versions, oldUnits: old, newUnits: new, pairs: entries.map(\.pair))
    }

    /// Lines up a text with its translation by structure.
    public static func languages(old: [DiffUnit], new: [DiffUnit]) -> DocumentDiff {
        let pairs = LanguageAlignment.align(old, new).map { a, b in
            UnitPair(old: a, new: b, status: a != nil && b != nil ? .aligned : .unpaired)
        }
        return DocumentDiff(mode: .languages, oldUnits: old, newUnits: new, pairs: pairs)
    }
}
