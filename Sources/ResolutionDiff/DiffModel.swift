// The result of comparing two texts: the `reso.diff/1` contract of SPEC.md section 10.
// Pairs hold indices into the two unit lists, so a consumer (JSON, the redline, carry, the
// compare view) reaches the units' ids and texts without copying them.
import ResolutionKit

/// One unit a diff pairs: a preambular or operative paragraph, a subparagraph or a heading
/// (footnotes are not units of a diff), with its `text` exactly as `reso show --format json`
/// gives it, so that edit offsets point into that text.
public struct DiffUnit: Hashable, Sendable {
    public var id: String
    public var kind: TextUnit.Kind
    public var text: String
    public init(id: String, kind: TextUnit.Kind, text: String) {
        self.id = id; self.kind = kind; self.text = text
    }
}

extension ResolutionDocument {
    /// The units a diff pairs, in reading order: everything `units` lists except footnotes.
    /// - Complexity: O(n) in the document's size.
    public var diffUnits: [DiffUnit] {
        units.compactMap { $0.kind == .footnote ? nil : DiffUnit(id: $0.id, kind: $0.kind, text: $0.text) }
    }
}

/// `versions`: two states of one text in one language; `languages`: one text in two languages.
public enum DiffMode: String, Sendable {
    case versions, languages
}

public enum PairStatus: String, Sendable {
    /// versions: same text once whitespace is normalised (whatever the ids).
    case unchanged
    /// versions: the same unit, reworded; the pair has edits.
    case changed
    /// versions: only in OLD.
    case removed
    /// versions: only in NEW.
    case added
    /// languages: paired by structure.
    case aligned
    /// languages: one side has no counterpart.
    case unpaired
}

/// One edit of a changed pair, as half-open ranges of Unicode scalar offsets into each unit's
/// text. Both ranges are always known here; an insert's `old` range is empty (where the text
/// goes in OLD) and a delete's `new` range is empty. The JSON shows only the non-empty side,
/// as SPEC §10 does.
public struct TextEdit: Hashable, Sendable {
    public enum Op: String, Sendable { case insert, delete, replace }
    public var old: Range<Int>
    public var new: Range<Int>
    public var op: Op {
        if old.isEmpty { return .insert }
        if new.isEmpty { return .delete }
        return .replace
    }
    public init(old: Range<Int>, new: Range<Int>) { self.old = old; self.new = new }
}

public struct UnitPair: Hashable, Sendable {
    /// Index into `DocumentDiff.oldUnits`; nil for an added or unpaired-new unit.
    public var old: Int?
    /// Index into `DocumentDiff.newUnits`; nil for a removed or unpaired-old unit.
    public var new: Int?
    public var status: PairStatus
    /// For changed pairs: the share of tokens the two texts have in common (0…1).
    public var similarity: Double?
    /// The pair is out of the order of its neighbours (a paragraph that moved).
    public var moved: Bool
    public var edits: [TextEdit]
    public init(old: Int?, new: Int?, status: PairStatus, similarity: Double? = nil, moved: Bool = false,
                edits: [TextEdit] = []) {
        self.old = old; self.new = new; self.status = status; self.similarity = similarity
        self.moved = moved; self.edits = edits
    }
}

/// Two texts compared: every unit of OLD appears exactly once as `old` of a pair and every
/// unit of NEW exactly once as `new`. Pairs are in reading order of NEW, with a removed unit
/// placed after the pair of the OLD unit before it.
public struct DocumentDiff: Sendable {
    public var mode: DiffMode
    public var oldUnits: [DiffUnit]
    public var newUnits: [DiffUnit]
    public var pairs: [UnitPair]

    /// Counts of each status, for summaries.
    public var counts: [PairStatus: Int] {
        var c: [PairStatus: Int] = [:]
        for p in pairs { c[p.status, default: 0] += 1 }
        return c
    }
}

extension TextEdit {
    /// Applies `edits` (in order, as a pair gives them) to `old`, taking inserted text from
    /// `new`; returns nil when the edits do not describe a consistent walk through both texts.
    /// Uses only what the JSON shows: an insert's `new` range, a delete's `old` range.
    /// - Complexity: O(n) in the texts' lengths.
    public static func apply(_ edits: [TextEdit], old: [Unicode.Scalar], new: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        var out: [Unicode.Scalar] = []
        var o = 0, n = 0
        for e in edits {
            // The equal stretch before the edit has the same length on both sides.
            let equal: Int
            switch e.op {
            case .insert: equal = e.new.lowerBound - n
            case .delete: equal = e.old.lowerBound - o
            case .replace:
                equal = e.old.lowerBound - o
                guard e.new.lowerBound - n == equal else { return nil }
            }
            guard equal >= 0, o + equal <= old.count, n + equal <= new.count else { return nil }
            out.append(contentsOf: old[o..<(o + equal)])
            o += equal; n += equal
            switch e.op {
            case .insert: guard e.new.upperBound <= new.count else { return nil }
                out.append(contentsOf: new[e.new]); n = e.new.upperBound
            case .delete: guard e.old.upperBound <= old.count else { return nil }
                o = e.old.upperBound
            case .replace: guard e.old.upperBound <= old.count, e.new.upperBound <= new.count else { return nil }
                out.append(contentsOf: new[e.new]); o = e.old.upperBound; n = e.new.upperBound
            }
        }
        out.append(contentsOf: old[o...])
        return out
    }
}
