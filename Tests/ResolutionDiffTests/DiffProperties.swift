import Testing
@testable import ResolutionDiff
import ResolutionKit

/// What every diff must satisfy, whatever the texts (SPEC §10).
enum DiffProperties {
    /// The broken rules, one line each; empty when the diff is sound.
    static func problems(_ diff: DocumentDiff) -> [String] {
        var out: [String] = []
        var oldSeen = [Int](repeating: 0, count: diff.oldUnits.count)
        var newSeen = [Int](repeating: 0, count: diff.newUnits.count)
        for p in diff.pairs {
            if let i = p.old { oldSeen[i] += 1 }
            if let j = p.new { newSeen[j] += 1 }
            let o = p.old.map { diff.oldUnits[$0] }, n = p.new.map { diff.newUnits[$0] }
            let label = "\(o?.id ?? "·")→\(n?.id ?? "·")"
            switch p.status {
            case .unchanged:
                if o == nil || n == nil { out.append("\(label): unchanged without both sides") }
                else if normalisedWhitespace(o!.text) != normalisedWhitespace(n!.text) { out.append("\(label): unchanged but texts differ") }
            case .changed:
                guard let o, let n else { out.append("\(label): changed without both sides"); continue }
                if normalisedWhitespace(o.text) == normalisedWhitespace(n.text) { out.append("\(label): changed but texts equal") }
                let applied = TextEdit.apply(p.edits, old: Array(o.text.unicodeScalars), new: Array(n.text.unicodeScalars))
                if applied.map({ String(String.UnicodeScalarView($0)) }) != n.text { out.append("\(label): edits do not give the new text") }
                if p.edits.isEmpty { out.append("\(label): changed with no edits") }
                // Edits are in order and do not overlap.
                var lastOld = 0, lastNew = 0
                for e in p.edits {
                    if e.old.lowerBound < lastOld || e.new.lowerBound < lastNew { out.append("\(label): edits out of order") }
                    lastOld = e.old.upperBound; lastNew = e.new.upperBound
                }
            case .removed: if o == nil || n != nil { out.append("\(label): removed with a new side") }
            case .added: if o != nil || n == nil { out.append("\(label): added with an old side") }
            case .aligned: if o == nil || n == nil { out.append("\(label): aligned without both sides") }
            case .unpaired: if (o == nil) == (n == nil) { out.append("\(label): unpaired with \(o == nil ? "no" : "both") sides") }
            }
            if diff.mode == .versions && (p.status == .aligned || p.status == .unpaired) { out.append("\(label): language status in versions mode") }
            if diff.mode == .languages && p.status != .aligned && p.status != .unpaired { out.append("\(label): version status in languages mode") }
        }
        for (i, c) in oldSeen.enumerated() where c != 1 { out.append("old \(diff.oldUnits[i].id) appears \(c) times") }
        for (j, c) in newSeen.enumerated() where c != 1 { out.append("new \(diff.newUnits[j].id) appears \(c) times") }
        // Pairs follow NEW's order.
        let newOrder = diff.pairs.compactMap(\.new)
        if newOrder != newOrder.sorted() { out.append("pairs are not in NEW's order") }
        return out
    }
}
