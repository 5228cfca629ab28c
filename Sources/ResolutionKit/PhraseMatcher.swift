// Known phrases (a language's openers and verbs), found at a position of a text.

/// Known phrases (openers, verbs), found at a position of a text: a trie of the phrases'
/// case-folded scalars, walked once along the text.
///
/// The phrases sharing a first scalar were tried one after another, longest first, each
/// compared from its second scalar on: in English most openers and verbs share a few first
/// letters and their next ones (`Re…`), so a paragraph's start was read again for each of
/// dozens of phrases. The trie reads each scalar once. It is held flat (edges of a node side
/// by side, labels and targets in plain integer arrays), so that a lookup reads integers in
/// place: a table of phrase arrays retained and released them on every call, and this runs
/// at every line and paragraph start.
///
/// A class: the matcher is read out of its profile at every call (`profile.openers`), and
/// copying one reference is one retain where a struct's arrays were several.
final class PhraseMatcher: Sendable {
    /// The node reached by each ASCII first scalar (folded), -1 for none.
    private let asciiRoots: [Int32]
    /// The node reached by each other first scalar (folded).
    private let otherRoots: [UInt32: Int32]
    /// Node `n`'s edges are `edgeStart[n] ..< edgeStart[n + 1]` of `labels` and `targets`.
    private let edgeStart: [Int32]
    private let labels: [UInt32]
    private let targets: [Int32]
    /// Whether a phrase ends at each node.
    private let ends: [Bool]
    let caseInsensitive: Bool

    /// - Complexity: O(c + p log p · m) for the phrases' c scalars (p phrases of m at most),
    ///   once per language: the phrases sorted, then laid out in one pass, each sharing the
    ///   nodes of the prefix it has in common with the one before it.
    init(_ phrases: [String], caseInsensitive: Bool) {
        self.caseInsensitive = caseInsensitive
        var sorted = phrases.map { $0.unicodeScalars.map { PhraseMatcher.fold($0, caseInsensitive) } }.filter { !$0.isEmpty }
        sorted.sort { $0.lexicographicallyPrecedes($1) }
        // Node 0 is the root. Sorted, a phrase's new nodes hang below the path of the one
        // before it, and every node's edges are made in the order of their labels.
        var ends = [false]
        var edges: [(parent: Int32, label: UInt32, child: Int32)] = []
        var path: [Int32] = [0]  // the nodes of the previous phrase, root first
        var previous: [UInt32] = []
        for phrase in sorted {
            var common = 0
            while common < phrase.count && common < previous.count && phrase[common] == previous[common] { common += 1 }
            path.removeLast(path.count - (common + 1))
            for d in common..<phrase.count {
                let node = Int32(ends.count)
                ends.append(false)
                edges.append((path[d], phrase[d], node))
                path.append(node)
            }
            ends[Int(path[phrase.count])] = true
            previous = phrase
        }
        var asciiRoots = [Int32](repeating: -1, count: 128)
        var otherRoots: [UInt32: Int32] = [:]
        // Each node's edges side by side: counted by parent, then placed in the order made.
        var edgeStart = [Int32](repeating: 0, count: ends.count + 1)
        for e in edges where e.parent != 0 { edgeStart[Int(e.parent) + 1] += 1 }
        for n in 0..<ends.count { edgeStart[n + 1] += edgeStart[n] }
        var next = Array(edgeStart.dropLast())
        var labels = [UInt32](repeating: 0, count: Int(edgeStart[ends.count]))
        var targets = [Int32](repeating: 0, count: labels.count)
        for e in edges {
            if e.parent == 0 {
                if e.label < 128 { asciiRoots[Int(e.label)] = e.child } else { otherRoots[e.label] = e.child }
                continue
            }
            let k = Int(next[Int(e.parent)])
            labels[k] = e.label
            targets[k] = e.child
            next[Int(e.parent)] += 1
        }
        self.asciiRoots = asciiRoots
        self.otherRoots = otherRoots
        self.edgeStart = edgeStart
        self.labels = labels
        self.targets = targets
        self.ends = ends
    }

    static func fold(_ s: Unicode.Scalar, _ ci: Bool) -> UInt32 {
        guard ci else { return s.value }
        if s.value >= 65 && s.value <= 90 { return s.value + 32 }
        if s.value < 128 { return s.value }
        // Arabic and the CJK ideographs have no case: answered without the property tables.
        if (0x0600...0x06FF).contains(s.value) || (0x4E00...0x9FFF).contains(s.value) { return s.value }
        // A scalar that lowercasing leaves alone (uncased letters, lowercase ones) folds to
        // itself: said by a property table, without building its lowercase mapping.
        if !s.properties.changesWhenLowercased { return s.value }
        let lower = s.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first!.value : s.value
    }

    /// Length (in scalars) of the longest phrase that `text` starts with at `start`, or 0.
    /// For cased scripts the phrase must end at a word boundary (a longer phrase that does
    /// not gives way to a shorter one that does).
    /// - Complexity: O(m · e) for the longest phrase's m scalars and the e edges of a node
    ///   on the way (a handful); each scalar of the text is folded once.
    func longestMatch(_ text: [Unicode.Scalar], at start: Int) -> Int {
        guard start < text.count else { return 0 }
        let key = PhraseMatcher.fold(text[start], caseInsensitive)
        var node = Int(key < 128 ? asciiRoots[Int(key)] : (otherRoots[key] ?? -1))
        guard node >= 0 else { return 0 }
        var best = 0
        var length = 1
        while true {
            if ends[node] && !(caseInsensitive && start + length < text.count && text[start + length].properties.isAlphabetic) {
                best = length
            }
            guard start + length < text.count else { break }
            let lo = Int(edgeStart[node]), hi = Int(edgeStart[node + 1])
            guard lo < hi else { break }
            let v = PhraseMatcher.fold(text[start + length], caseInsensitive)
            var next = -1
            for e in lo..<hi where labels[e] == v { next = Int(targets[e]); break }
            guard next >= 0 else { break }
            node = next
            length += 1
        }
        return best
    }
}
