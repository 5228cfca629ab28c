// The redline people read: `reso diff` text and markdown. The renderer produces styled pieces
// (plain, removed, added, quiet); the caller decides how styles look: `reso` turns them into
// terminal colours after making the text safe, or into plain markers `[-…-]` `{+…+}` when the
// output is not a terminal. Markdown marks them `~~…~~` and `**…**`.
import ResolutionKit

public struct RedlinePiece: Hashable, Sendable {
    public enum Style: Sendable { case plain, removed, added, quiet }
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) { self.text = text; self.style = style }
}

public struct Redline {
    /// Show unchanged (and, across languages, aligned) units in full instead of one line each.
    public var context: Bool
    /// Columns for a folded line.
    public var width: Int
    public init(context: Bool = false, width: Int = 80) { self.context = context; self.width = width }

    /// The redline as styled pieces (lines end in "\n" inside plain pieces).
    /// - Complexity: O(size of both texts).
    public func pieces(_ diff: DocumentDiff, old: DiffSide, new: DiffSide) -> [RedlinePiece] {
        var out: [RedlinePiece] = []
        func name(_ s: DiffSide) -> String { "\(s.symbol ?? s.path) (\(s.language))" }
        let c = diff.counts
        out.append(RedlinePiece("\(name(old)) → \(name(new)), \(diff.mode.rawValue)\n"))
        out.append(RedlinePiece(summary(c, diff) + "\n\n", .quiet))
        let idWidth = min(12, max(3, (diff.oldUnits + diff.newUnits).map { $0.id.count }.max() ?? 3))
        for p in diff.pairs {
            let o = p.old.map { diff.oldUnits[$0] }, n = p.new.map { diff.newUnits[$0] }
            let ids = pad(o?.id ?? "·", idWidth) + " → " + pad(n?.id ?? "·", idWidth)
            switch p.status {
            case .unchanged, .aligned:
                let mark = p.status == .aligned ? "≡" : (p.moved ? "↕" : "=")
                if context || p.status == .aligned {
                    out.append(RedlinePiece("\(mark) \(ids)\(p.moved ? "  (moved)" : "")\n"))
                    if p.status == .aligned && !context {
                        out.append(RedlinePiece("    " + folded(o?.text ?? "", width - 4) + "\n", .quiet))
                        out.append(RedlinePiece("    " + folded(n?.text ?? "", width - 4) + "\n", .quiet))
                    } else {
                        out.append(RedlinePiece("    \(o?.text ?? "")\n", .quiet))
                        if p.status == .aligned { out.append(RedlinePiece("    \(n?.text ?? "")\n", .quiet)) }
                    }
                } else {
                    let head = "\(mark) \(ids)  "
                    out.append(RedlinePiece(head))
                    out.append(RedlinePiece(folded(n?.text ?? "", width - displayWidth(head)) + "\n", .quiet))
                }
            case .changed:
                let sim = p.similarity.map { "  similarity \(DiffJSON.formatSimilarity($0))" } ?? ""
                out.append(RedlinePiece("~ \(ids)\(p.moved ? "  (moved)" : "")\(sim)\n"))
                out.append(RedlinePiece("    "))
                out += Self.inline(old: o?.text ?? "", new: n?.text ?? "", edits: p.edits)
                out.append(RedlinePiece("\n"))
            case .removed:
                out.append(RedlinePiece("- \(ids)\n    "))
                out.append(RedlinePiece(o?.text ?? "", .removed))
                out.append(RedlinePiece("\n"))
            case .added:
                out.append(RedlinePiece("+ \(ids)\n    "))
                out.append(RedlinePiece(n?.text ?? "", .added))
                out.append(RedlinePiece("\n"))
            case .unpaired:
                out.append(RedlinePiece("≠ \(ids)  unpaired\n    "))
                out.append(RedlinePiece(o?.text ?? n?.text ?? "", o != nil ? .removed : .added))
                out.append(RedlinePiece("\n"))
            }
        }
        return out
    }

    func summary(_ c: [PairStatus: Int], _ diff: DocumentDiff) -> String {
        let order: [PairStatus] = diff.mode == .versions ? [.unchanged, .changed, .removed, .added] : [.aligned, .unpaired]
        var parts = order.map { "\(c[$0] ?? 0) \($0.rawValue)" }
        let moved = diff.pairs.filter(\.moved).count
        if moved > 0 { parts.append("\(moved) moved") }
        return parts.joined(separator: ", ")
    }

    /// The old text with removed stretches and the new text's added stretches in place.
    /// - Complexity: O(n).
    static func inline(old: String, new: String, edits: [TextEdit]) -> [RedlinePiece] {
        let a = Array(old.unicodeScalars), b = Array(new.unicodeScalars)
        func text(_ s: ArraySlice<Unicode.Scalar>) -> String { var v = String.UnicodeScalarView(); v.append(contentsOf: s); return String(v) }
        // Walk both texts: equal stretches have the same length on both sides.
        var out: [RedlinePiece] = []
        var o = 0
        var n = 0
        for e in edits {
            let equal = e.op == .insert ? e.new.lowerBound - n : e.old.lowerBound - o
            if equal > 0 { out.append(RedlinePiece(text(a[o..<(o + equal)]))) }
            o += equal; n += equal
            if !e.old.isEmpty { out.append(RedlinePiece(text(a[e.old]), .removed)); o = e.old.upperBound }
            if !e.new.isEmpty { out.append(RedlinePiece(text(b[e.new]), .added)); n = e.new.upperBound }
        }
        if o < a.count { out.append(RedlinePiece(text(a[o...]))) }
        return out
    }

    func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }

    /// One line of at most `columns` columns (CJK counts two), ending in `…` when cut.
    func folded(_ text: String, _ columns: Int) -> String {
        var out = String.UnicodeScalarView()
        var used = 0
        let limit = max(8, columns)
        for s in text.unicodeScalars {
            let w = SearchFolding.isCJK(s.value) ? 2 : 1
            if s == "\n" || s == "\t" { out.append(" "); used += 1; continue }
            if used + w > limit - 1 { out.append("…"); return String(out) }
            out.append(s); used += w
        }
        return String(out)
    }

    func displayWidth(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + (SearchFolding.isCJK($1.value) ? 2 : 1) } }

    /// Pieces with plain markers: `[-removed-]`, `{+added+}`.
    public static func plain(_ pieces: [RedlinePiece]) -> String {
        var out = ""
        for p in pieces {
            switch p.style {
            case .plain, .quiet: out += p.text
            case .removed: out += "[-" + p.text + "-]"
            case .added: out += "{+" + p.text + "+}"
            }
        }
        return out
    }
}
