// The pairing of two documents as the compare view uses it: for every block of each side
// its counterpart on the other (so the panes move together by paragraph, renumbered ones
// included), the changed words as ranges of the displayed text, and the changes in reading
// order for `]c` / `[c`. Built once from ResolutionDiff's DocumentDiff.
import ResolutionDiff
import ResolutionKit

public struct Comparison: Sendable {
    public let mode: DiffMode
    /// How many pairs have each status (the header's summary).
    public let counts: [PairStatus: Int]
    /// Side 0 is the left (OLD) document, side 1 the right (NEW): each block's counterpart.
    let counterpart: [[Int]]
    /// Per side: changed ranges of each block's displayed scalars.
    let ranges: [[Int: [Range<Int>]]]
    /// Per side: blocks without a counterpart (removed, added, unpaired).
    let unpaired: [Set<Int>]
    /// Every change in reading order, as the block it shows at on each side.
    let stops: [(left: Int, right: Int)]
    /// Per side: (block, index into `stops`), sorted by block, for binary search.
    let stopsBySide: [[(block: Int, stop: Int)]]

    /// Compares two documents: `versions` in one language, `languages` across two, unless
    /// `mode` forces one (as `reso diff` chooses).
    /// - Complexity: that of `Differ`, plus O(n) over the blocks and the changed texts.
    public init(left: DocumentModel, right: DocumentModel, mode: DiffMode? = nil) {
        let a = left.document, b = right.document
        let diff: DocumentDiff
        switch mode ?? (a.language == b.language ? .versions : .languages) {
        case .versions:
            diff = Differ.versions(old: a.diffUnits, new: b.diffUnits, language: a.language)
        case .languages:
            diff = Differ.languages(old: a.diffUnits, new: b.diffUnits)
        }
        self.init(diff: diff, left: left, right: right)
    }

    public init(diff: DocumentDiff, left: DocumentModel, right: DocumentModel) {
        mode = diff.mode
        counts = diff.counts
        let models = [left, right]
        var paired: [[Int?]] = models.map { Array(repeating: nil, count: $0.blocks.count) }
        var ranges: [[Int: [Range<Int>]]] = [[:], [:]]
        var unpaired: [Set<Int>] = [[], []]
        var stops: [(left: Int, right: Int)] = []
        // The last block seen on each side: where an addition or removal shows on the side
        // that lacks it (at first, the side's first unit rather than its preface).
        var anchor = [diff.oldUnits.first.flatMap { left.blockByID[$0.id] } ?? 0,
                      diff.newUnits.first.flatMap { right.blockByID[$0.id] } ?? 0]
        for p in diff.pairs {
            let lb = p.old.flatMap { left.blockByID[diff.oldUnits[$0].id] }
            let rb = p.new.flatMap { right.blockByID[diff.newUnits[$0].id] }
            if let lb, let rb { paired[0][lb] = rb; paired[1][rb] = lb }
            if let lb { anchor[0] = lb } else if let rb { unpaired[1].insert(rb) }
            if let rb { anchor[1] = rb } else if let lb { unpaired[0].insert(lb) }
            if p.status == .changed, let lb, let rb, let o = p.old, let n = p.new {
                let lm = Comparison.textOffsets(left.blocks[lb], text: diff.oldUnits[o].text)
                let rm = Comparison.textOffsets(right.blocks[rb], text: diff.newUnits[n].text)
                for e in p.edits {
                    if !e.old.isEmpty, let r = Comparison.blockRange(e.old, lm) { ranges[0][lb, default: []].append(r) }
                    if !e.new.isEmpty, let r = Comparison.blockRange(e.new, rm) { ranges[1][rb, default: []].append(r) }
                }
            }
            if p.status != .unchanged && p.status != .aligned { stops.append((anchor[0], anchor[1])) }
        }
        // Blocks outside the pairing (preface, unplaced text, closing) follow the block before them.
        counterpart = (0..<2).map { side in
            var out: [Int] = []
            out.reserveCapacity(paired[side].count)
            var last = 0
            for (i, p) in paired[side].enumerated() {
                if let p { last = p }
                else if models[side].blocks[i].kind == .closing { last = models[1 - side].blocks.count - 1 }
                out.append(p ?? last)
            }
            return out
        }
        self.ranges = ranges
        self.unpaired = unpaired
        self.stops = stops
        stopsBySide = [
            stops.enumerated().map { (block: $0.element.left, stop: $0.offset) }.sorted { ($0.block, $0.stop) < ($1.block, $1.stop) },
            stops.enumerated().map { (block: $0.element.right, stop: $0.offset) }.sorted { ($0.block, $0.stop) < ($1.block, $1.stop) },
        ]
    }

    /// For each scalar offset into a unit's text (and its end), the offset in the block as
    /// displayed: after the number or label prefix, skipping the superscript footnote markers
    /// the reader inserts. Nil when the block does not hold the text (nothing is highlighted
    /// rather than the wrong words).
    /// - Complexity: O(n) in the block's length.
    static func textOffsets(_ b: DisplayBlock, text: String) -> [Int]? {
        let prefix = b.marks.first { $0.mark == .label && $0.range.lowerBound == 0 }.map { $0.range.upperBound + 1 } ?? 0
        let inserted = b.marks.filter { $0.mark == .marker }.map(\.range)
        let body = Array(text.unicodeScalars)
        var map: [Int] = []
        map.reserveCapacity(body.count + 1)
        var i = prefix
        for u in body {
            while let r = inserted.first(where: { $0.contains(i) }) { i = r.upperBound }
            guard i < b.scalars.count, b.scalars[i] == u else { return nil }
            map.append(i)
            i += 1
        }
        map.append(i)
        return map
    }

    static func blockRange(_ r: Range<Int>, _ map: [Int]?) -> Range<Int>? {
        guard let map, r.lowerBound < r.upperBound, r.upperBound < map.count else { return nil }
        return map[r.lowerBound]..<(map[r.upperBound - 1] + 1)
    }
}
