// Getting to a place without walking there: `:` goes to a paragraph by its number or id
// (`:25`, `:op25`, `:pp3`, `:op84.a`, `:h2`), and marks as in vim (`m{a-z}` sets one on the
// current paragraph, `'{a-z}` jumps back to it). Marks are per document and hold the block's id
// where it has one, so they mean the same paragraph however the text is wrapped.
import Terminal

/// A key that waits for the next one (`m` and `'` take a letter).
enum PendingKey: Hashable, Sendable { case setMark, jumpToMark }

extension ReaderState {
    /// The block a typed reference names in document `doc`: a bare number is an operative
    /// paragraph; `op3a`, `OP3.A` and `op 3` are read as `op3.a` and `op3`.
    func block(for reference: String, in doc: Int) -> Int? {
        let model = models[doc]
        var r = reference.lowercased().filter { $0 != " " }
        if r.hasPrefix(":") { r.removeFirst() }
        if let n = Int(r) { return model.blockByID["op\(n)"] }
        if let b = model.blockByID[r] { return b }
        // `op84a` → `op84.a`: a letter part after the digits.
        if let digitsEnd = r.firstIndex(where: { $0.isNumber }).flatMap({ start in r[start...].firstIndex { !$0.isNumber } }),
           r[digitsEnd] != "." {
            let dotted = String(r[..<digitsEnd]) + "." + String(r[digitsEnd...])
            return model.blockByID[dotted]
        }
        return nil
    }

    mutating func submitGoTo(_ text: String) {
        guard var v = view, !text.isEmpty else { return }
        guard let b = block(for: text, in: v.doc) else {
            let ids = models[v.doc].blocks.compactMap(\.id)
            let range = ids.first.map { first in " (\(first)–\(ids.last!))" } ?? ""
            flash("No paragraph «\(text)» in this document\(range)", error: true)
            return
        }
        v.back.append((v.doc, v.current))
        v.focus = .text
        v.jump(to: b, layouter(v), height: geometry.text.height)
        view = v
    }

    /// Handles the letter after `m` or `'`.
    mutating func handlePending(_ pending: PendingKey, _ key: Key) {
        pendingKey = nil
        guard var v = view else { return }
        guard case .char(let c) = key, ("a"..."z").contains(c) else {
            if key != .escape { flash("Marks are a–z", error: true) }
            return
        }
        let model = models[v.doc]
        switch pending {
        case .setMark:
            marks[v.doc, default: [:]][c] = model.blocks[v.current].id ?? "#\(v.current)"
            flash("Mark \(c) set at \(model.blocks[v.current].id ?? "this block")")
        case .jumpToMark:
            guard let target = marks[v.doc]?[c] else { flash("Mark \(c) is not set", error: true); return }
            let b = target.hasPrefix("#") ? Int(target.dropFirst()) : model.blockByID[target]
            guard let b, b < model.blocks.count else { flash("Mark \(c) is not set", error: true); return }
            v.back.append((v.doc, v.current))
            v.jump(to: b, layouter(v), height: geometry.text.height)
            view = v
        }
    }
}
