// Three-way merge of sidecars, annotation by annotation: what `reso merge-sidecar` does when
// git calls it as a merge driver. Git's own line merge writes conflict markers into the JSON
// (and the store then refuses the file); this merge knows what an annotation is, so two
// people annotating the same resolution never lose a note.
//
// Rules (per annotation `id`, over `annotations` and `orphans` together):
// - added on one side or both: kept;
// - deleted on one side: gone, unless the other side edited it (then the edit is kept);
// - edited on both sides: field by field. A field changed on one side only takes that change.
//   Tags merge as a set (a tag added on either side is added, removed on either is removed).
//   A field changed on both sides to different values: the side with the later `modified`
//   wins (ours on a tie), and the losing value goes into the annotation's `conflicts` list
//   (`field`, `value`, `author`, `modified`), so nothing is lost.
// - fields reso does not know are merged the same way, key by key, and kept.

import Foundation
import ResolutionKit

public enum SidecarMerge {
    public struct Outcome: Sendable {
        /// The merged sidecar, as reso writes sidecars.
        public var bytes: [UInt8]
        /// How many field conflicts were settled by `modified` (each kept in `conflicts`).
        public var conflicts: Int
    }

    /// Merges three sidecar versions. An empty or absent `base` means both sides added the file.
    /// Throws with a reason when a side is not a readable sidecar (nothing is written then).
    /// - Complexity: O(n log n) in the number of annotations.
    public static func merge(base: [UInt8]?, ours: [UInt8], theirs: [UInt8]) throws -> Outcome {
        func read(_ bytes: [UInt8], _ side: String) throws -> SidecarFile {
            do throws(SidecarDecodeFailure) { return try SidecarCodec.decode(bytes) } catch {
                throw SidecarError.unreadable(path: side, reason: error.reason)
            }
        }
        let o = try read(ours, "ours"), t = try read(theirs, "theirs")
        let baseIsEmpty = base.map { $0.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } } ?? true
        let b = baseIsEmpty ? nil : try read(base!, "base")
        var merger = Merger()
        let file = merger.merge(base: b, ours: o, theirs: t)
        return Outcome(bytes: SidecarCodec.encode(file), conflicts: merger.conflicts)
    }

    /// The merge driver: reads the three files, writes the merge to `oursPath` (atomically) and
    /// returns the number of settled conflicts. On an unreadable side it throws and leaves
    /// `oursPath` as it was, so git reports a conflict instead of a lost note.
    @discardableResult
    public static func mergeFiles(base basePath: String, ours oursPath: String, theirs theirsPath: String) throws -> Int {
        func bytes(_ path: String) throws -> [UInt8]? { try SafeFile.contents(path)?.bytes }
        guard let ours = try bytes(oursPath) else { throw SidecarError.io(path: oursPath, reason: "no such file") }
        guard let theirs = try bytes(theirsPath) else { throw SidecarError.io(path: theirsPath, reason: "no such file") }
        let base = try bytes(basePath)
        let label = { (side: String, path: String) in { (e: SidecarError) -> SidecarError in
            if case let .unreadable(_, reason) = e { return .unreadable(path: "\(path) (\(side))", reason: reason) }
            return e
        } }
        let outcome: Outcome
        do { outcome = try merge(base: base, ours: ours, theirs: theirs) } catch let e as SidecarError {
            if case let .unreadable(side, _) = e {
                let path = side == "ours" ? oursPath : side == "theirs" ? theirsPath : basePath
                throw label(side, path)(e)
            }
            throw e
        }
        let folder = (oursPath as NSString).deletingLastPathComponent
        let prefix = (folder.isEmpty ? "" : folder + "/") + ".reso-merge-"
        try SafeFile.atomicWrite(outcome.bytes, to: oursPath, temporaryPrefix: prefix)
        return outcome.conflicts
    }
}

/// One merge's state: the count of settled conflicts.
private struct Merger {
    var conflicts = 0

    /// Where an annotation is: its list and paragraph and anchor move together.
    struct Position: Equatable {
        var orphan: Bool
        var paragraph: String
        var anchor: Anchor
    }

    mutating func merge(base: SidecarFile?, ours: SidecarFile, theirs: SidecarFile) -> SidecarFile {
        func index(_ f: SidecarFile?) -> [String: (Annotation, Bool)] {
            var out: [String: (Annotation, Bool)] = [:]
            for a in f?.annotations ?? [] { out[a.id] = (a, false) }
            for a in f?.orphans ?? [] { out[a.id] = (a, true) }
            return out
        }
        let b = index(base), o = index(ours), t = index(theirs)
        var merged: [String: (Annotation, Bool)] = [:]
        for id in Set(o.keys).union(t.keys) {
            if let r = mergeOne(base: b[id], ours: o[id], theirs: t[id]) { merged[id] = r }
        }
        // Order: ours' order, with theirs' additions placed after the item before them in theirs.
        let order = Merger.interleave(ours.annotations.map(\.id) + ours.orphans.map(\.id),
                                      theirs.annotations.map(\.id) + theirs.orphans.map(\.id))
        var result = ours
        result.annotations = order.compactMap { id in merged[id].flatMap { $0.1 ? nil : $0.0 } }
        result.orphans = order.compactMap { id in merged[id].flatMap { $0.1 ? $0.0 : nil } }
        result.annotations = foldSameParagraph(result.annotations)
        result.document = mergeDocument(base?.document, ours.document, theirs.document)
        result.unknownFields = Merger.mergeFields(base?.unknownFields ?? [:], ours.unknownFields, theirs.unknownFields,
                                                  oursWins: true).fields
        return result
    }

    /// Two people who annotate the same paragraph make two annotations (two ids) for it; a
    /// sidecar holds one per paragraph, so they become one: tags united, the notes merged as one
    /// field (the later `modified` wins, the other note goes into `conflicts`).
    /// - Complexity: O(n) with hashing.
    mutating func foldSameParagraph(_ list: [Annotation]) -> [Annotation] {
        var at: [String: Int] = [:]
        var out: [Annotation] = []
        for a in list {
            guard let i = at[a.paragraph] else { at[a.paragraph] = out.count; out.append(a); continue }
            var keep = out[i]
            let otherLater = JSONKeyOrder.precedes(keep.modified, a.modified)
            let (winner, loser) = otherLater ? (a, keep) : (keep, a)
            keep.tags = Tags.normalized(keep.tags + a.tags)
            var lost: [JSONValue] = []
            switch (winner.note, loser.note) {
            case let (w?, l?) where w != l:
                conflicts += 1
                lost.append(.object(["field": .string("note"), "value": .string(l), "author": .string(loser.author),
                                     "modified": .string(loser.modified), "id": .string(loser.id)]))
                keep.note = w
            default: keep.note = winner.note ?? loser.note
            }
            keep.author = winner.author
            keep.modified = winner.modified
            if JSONKeyOrder.precedes(a.created, keep.created) { keep.created = a.created }
            var extra = a.unknownFields
            let earlier = [keep.unknownFields.removeValue(forKey: "conflicts"), extra.removeValue(forKey: "conflicts")]
            for (k, v) in extra where keep.unknownFields[k] == nil { keep.unknownFields[k] = v }
            var all: [JSONValue] = []
            for list in earlier { for item in list?.arrayItems ?? [] where !all.contains(item) { all.append(item) } }
            all += lost
            if !all.isEmpty { keep.unknownFields["conflicts"] = .array(all) }
            out[i] = keep
        }
        return out
    }

    /// Document info: a field changed on one side takes that change; on both, ours (the store
    /// re-checks the document on its next load anyway).
    func mergeDocument(_ b: SidecarDocumentInfo?, _ o: SidecarDocumentInfo, _ t: SidecarDocumentInfo) -> SidecarDocumentInfo {
        guard let b else { return o }
        var r = o
        if o.file == b.file { r.file = t.file }
        if o.sha256 == b.sha256 && o.symbol == b.symbol { r.sha256 = t.sha256; r.symbol = t.symbol }
        r.unknownFields = Merger.mergeFields(b.unknownFields, o.unknownFields, t.unknownFields, oursWins: true).fields
        return r
    }

    mutating func mergeOne(base: (Annotation, Bool)?, ours: (Annotation, Bool)?, theirs: (Annotation, Bool)?) -> (Annotation, Bool)? {
        switch (ours, theirs) {
        case (nil, nil): return nil
        case let (o?, nil):
            // Theirs deleted it (or never had it): kept only if new or edited on our side.
            guard let base else { return o }
            return Merger.same(o, base) ? nil : o
        case let (nil, t?):
            guard let base else { return t }
            return Merger.same(t, base) ? nil : t
        case let (o?, t?):
            return both(base: base, o, t)
        }
    }

    static func same(_ x: (Annotation, Bool), _ y: (Annotation, Bool)) -> Bool { x.0 == y.0 && x.1 == y.1 }

    /// Both sides have the annotation: field by field.
    mutating func both(base: (Annotation, Bool)?, _ o: (Annotation, Bool), _ t: (Annotation, Bool)) -> (Annotation, Bool) {
        if Merger.same(o, t) { return o }
        let (oa, ta) = (o.0, t.0)
        // The later `modified` wins a field both sides changed; ours on a tie.
        let theirsLater = JSONKeyOrder.precedes(oa.modified, ta.modified)
        let (winner, loser) = theirsLater ? (ta, oa) : (oa, ta)
        var r = winner
        var lost: [JSONValue] = []
        func record(_ field: String, _ value: JSONValue) {
            conflicts += 1
            lost.append(.object(["field": .string(field), "value": value,
                                 "author": .string(loser.author), "modified": .string(loser.modified)]))
        }
        let bp = base.map { Position(orphan: $0.1, paragraph: $0.0.paragraph, anchor: $0.0.anchor) }
        let op = Position(orphan: o.1, paragraph: oa.paragraph, anchor: oa.anchor)
        let tp = Position(orphan: t.1, paragraph: ta.paragraph, anchor: ta.anchor)
        let position: Position
        switch Merger.pick(bp, op, tp) {
        case .one(let p): position = p
        case .conflict:
            position = theirsLater ? tp : op
            let lp = theirsLater ? op : tp
            record("paragraph", .string(lp.paragraph))
        }
        r.paragraph = position.paragraph; r.anchor = position.anchor
        // Tags: a set merge. Kept when in base and removed by neither, or added by either.
        let bt = Set(base?.0.tags ?? []), ot = Set(oa.tags), tt = Set(ta.tags)
        r.tags = Tags.normalized(Array(bt.intersection(ot).intersection(tt).union(ot.subtracting(bt)).union(tt.subtracting(bt))))
        switch Merger.pick(base.map { $0.0.note }, oa.note, ta.note) {
        case .one(let n): r.note = n
        case .conflict:
            r.note = winner.note
            record("note", loser.note.map(JSONValue.string) ?? .null)
        }
        r.created = JSONKeyOrder.precedes(ta.created, oa.created) ? ta.created : oa.created
        r.modified = theirsLater ? ta.modified : oa.modified
        r.author = winner.author
        var unknownBase = base?.0.unknownFields ?? [:], unknownO = oa.unknownFields, unknownT = ta.unknownFields
        let conflictLists = [unknownBase.removeValue(forKey: "conflicts"), unknownO.removeValue(forKey: "conflicts"),
                             unknownT.removeValue(forKey: "conflicts")]
        let fields = Merger.mergeFields(unknownBase, unknownO, unknownT, oursWins: !theirsLater)
        r.unknownFields = fields.fields
        for (key, value) in fields.lost.sorted(by: { JSONKeyOrder.precedes($0.key, $1.key) }) { record(key, value) }
        // Conflicts already recorded on any side are kept, each once, in the order first seen.
        var all: [JSONValue] = []
        for list in conflictLists {
            guard let list else { continue }
            for item in (list.arrayItems ?? [list]) where !all.contains(item) { all.append(item) }
        }
        for item in lost where !all.contains(item) { all.append(item) }
        if !all.isEmpty { r.unknownFields["conflicts"] = .array(all) }
        return (r, position.orphan)
    }

    enum Pick<T> { case one(T), conflict }

    /// The three-way rule for one value: equal sides, or the side that changed it.
    static func pick<T: Equatable>(_ b: T?, _ o: T, _ t: T) -> Pick<T> {
        if o == t { return .one(o) }
        if let b, b == o { return .one(t) }
        if let b, b == t { return .one(o) }
        return .conflict
    }

    /// Key-by-key three-way merge of fields; on a conflict the winner's value stays and the
    /// loser's is returned in `lost` (a key deleted on the losing side is lost as `null`).
    static func mergeFields(_ b: [String: JSONValue], _ o: [String: JSONValue], _ t: [String: JSONValue],
                            oursWins: Bool) -> (fields: [String: JSONValue], lost: [String: JSONValue]) {
        var out: [String: JSONValue] = [:], lost: [String: JSONValue] = [:]
        for key in Set(b.keys).union(o.keys).union(t.keys) {
            let (bv, ov, tv) = (b[key], o[key], t[key])
            let chosen: JSONValue?
            if ov == tv { chosen = ov } else if bv == ov { chosen = tv } else if bv == tv { chosen = ov } else {
                chosen = oursWins ? ov : tv
                lost[key] = (oursWins ? tv : ov) ?? .null
            }
            if let chosen { out[key] = chosen }
        }
        return (out, lost)
    }

    /// `first`'s order, with each id only in `second` placed after the id before it in `second`.
    /// - Complexity: O(n) with hashing.
    static func interleave(_ first: [String], _ second: [String]) -> [String] {
        let inFirst = Set(first)
        var after: [String: [String]] = [:], leading: [String] = []
        var previous: String?
        for id in second {
            if !inFirst.contains(id) {
                if let p = previous { after[p, default: []].append(id) } else { leading.append(id) }
            }
            previous = id
        }
        var out: [String] = []
        // Depth-first without recursion: a long run of new ids must not grow the call stack.
        var stack: [String] = (leading + first).reversed()
        while let id = stack.popLast() {
            out.append(id)
            stack.append(contentsOf: (after[id] ?? []).reversed())
        }
        return out
    }
}

private extension JSONValue {
    var arrayItems: [JSONValue]? { if case let .array(a) = self { return a }; return nil }
}
