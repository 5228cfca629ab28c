// `reso diff --format markdown`: the same redline for a brief (`~~removed~~`, `**added**`).
import ResolutionKit

extension Redline {
    /// The redline as Markdown: a heading, the counts, then one list item per pair.
    /// - Complexity: O(size of both texts).
    public func markdown(_ diff: DocumentDiff, old: DiffSide, new: DiffSide) -> String {
        func name(_ s: DiffSide) -> String { Self.escaped(s.symbol ?? s.path) + " (\(s.language))" }
        var out = "# \(name(old)) → \(name(new))\n\n"
        out += "*\(diff.mode.rawValue):* " + summary(diff.counts, diff) + "\n\n"
        for p in diff.pairs {
            let o = p.old.map { diff.oldUnits[$0] }, n = p.new.map { diff.newUnits[$0] }
            let ids = "`\(o?.id ?? "·")` → `\(n?.id ?? "·")`"
            let moved = p.moved ? " (moved)" : ""
            switch p.status {
            case .unchanged:
                let text = context ? Self.escaped(n?.text ?? "") : Self.escaped(folded(n?.text ?? "", width))
                out += "- \(ids)\(moved) unchanged: \(text)\n"
            case .changed:
                let body = Self.inline(old: o?.text ?? "", new: n?.text ?? "", edits: p.edits).map(Self.markdownPiece).joined()
                out += "- \(ids)\(moved) changed: \(body)\n"
            case .removed:
                out += "- \(ids) removed: " + Self.markdownPiece(RedlinePiece(o?.text ?? "", .removed)) + "\n"
            case .added:
                out += "- \(ids) added: " + Self.markdownPiece(RedlinePiece(n?.text ?? "", .added)) + "\n"
            case .aligned:
                out += "- \(ids)\n  - \(Self.escaped(o?.text ?? ""))\n  - \(Self.escaped(n?.text ?? ""))\n"
            case .unpaired:
                out += "- \(ids) unpaired: \(Self.escaped(o?.text ?? n?.text ?? ""))\n"
            }
        }
        return out
    }

    static func markdownPiece(_ p: RedlinePiece) -> String {
        let t = escaped(p.text)
        if t.allSatisfy(\.isWhitespace) { return t }
        switch p.style {
        case .plain, .quiet: return t
        // Emphasis may not start or end inside spaces: keep them outside the markers.
        case .removed: return wrapped(t, "~~")
        case .added: return wrapped(t, "**")
        }
    }

    private static func wrapped(_ t: String, _ mark: String) -> String {
        let lead = t.prefix { $0.isWhitespace }, trail = String(t.reversed().prefix { $0.isWhitespace }.reversed())
        let core = t.dropFirst(lead.count).dropLast(trail.count)
        return lead + mark + core + mark + trail
    }

    /// Text with Markdown's markup characters escaped, and line breaks made spaces (one list item).
    static func escaped(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\", "*", "_", "~", "`", "[", "]", "<", ">", "#", "|": out.append("\\"); out.append(ch)
            case "\n", "\r", "\t": out.append(" ")
            default: out.append(ch)
            }
        }
        return out
    }
}
