// `reso carry OLD NEW`: OLD's annotations copied onto NEW through the diff's pairing (SPEC §10).
// - unchanged unit → the annotation moves to the unit's new id;
// - changed unit   → it moves and is flagged `review`; the old text stays in its anchor
//                    (`previousExact`) while `exact` follows the new text, so that loading NEW
//                    keeps it where carry put it;
// - removed unit   → it becomes an orphan of NEW, with its old id and text.
// Every carried annotation records `carriedFrom` (OLD's file name and the unit's old id) and
// keeps its annotation id, so a second carry finds it already there and adds nothing.
// OLD's sidecar is only read; NEW's is written through SidecarStore (lock, atomic write).
import Foundation
import ResolutionDiff
import ResolutionKit

extension Annotation {
    /// Flagged by carry: the paragraph was reworded since the note was written.
    public var review: Bool {
        get { unknownFields["review"] == .bool(true) }
        set { unknownFields["review"] = newValue ? .bool(true) : nil }
    }

    /// Where carry took the annotation from: OLD's file name and the unit's id there.
    public var carriedFrom: (file: String, paragraph: String)? {
        get {
            guard case let .object(o)? = unknownFields["carriedFrom"], case let .string(f)? = o["file"],
                  case let .string(p)? = o["paragraph"] else { return nil }
            return (f, p)
        }
        set {
            unknownFields["carriedFrom"] = newValue.map { .object(["file": .string($0.file), "paragraph": .string($0.paragraph)]) }
        }
    }
}

extension Anchor {
    /// The unit's text in the version the annotation was carried from, when it was reworded.
    public var previousExact: String? {
        get { if case let .string(s)? = unknownFields["previousExact"] { return s } else { return nil } }
        set { unknownFields["previousExact"] = newValue.map { .string($0) } }
    }
}

public struct CarryReport: Sendable, Equatable {
    public var moved = 0
    public var review = 0
    public var orphaned = 0
    /// Already in NEW from an earlier carry.
    public var alreadyThere = 0
    public var total: Int { moved + review + orphaned + alreadyThere }
}

public enum Carry {
    /// Copies `oldStore`'s annotations (for `old`) onto `newStore` (for `new`).
    /// - Complexity: the diff's, plus O(a log a) in the annotations.
    public static func run(old: ResolutionDocument, new: ResolutionDocument, oldStore: SidecarStore,
                           newStore: SidecarStore) throws -> CarryReport {
        let source = try oldStore.load(for: old)
        let diff = Differ.compare(old, new)
        var pairOf: [String: UnitPair] = [:]
        for p in diff.pairs { if let i = p.old { pairOf[diff.oldUnits[i].id] = p } }
        let file = (old.source.path as NSString).lastPathComponent

        var attached: [Annotation] = [], orphans: [Annotation] = []
        var report = CarryReport()
        for var a in source.annotations + source.orphans {
            a.carriedFrom = (file, a.paragraph)
            if let p = pairOf[a.paragraph], let j = p.new {
                let unit = diff.newUnits[j]
                a.paragraph = unit.id
                if p.status != .unchanged {
                    a.review = true
                    a.anchor.previousExact = a.anchor.exact
                }
                a.anchor.attach(to: unit.text)
                attached.append(a)
            } else {
                orphans.append(a)   // removed (or already an orphan in OLD): keeps its old id and text
            }
        }
        let added = try newStore.addCarried(attached, orphans: orphans, document: new)
        for a in attached where added.contains(a.id) { if a.review { report.review += 1 } else { report.moved += 1 } }
        for a in orphans where added.contains(a.id) { report.orphaned += 1 }
        report.alreadyThere = attached.count + orphans.count - added.count
        return report
    }
}

extension SidecarStore {
    /// Adds carried annotations and orphans to this sidecar, skipping any whose id is already
    /// there (attached or orphaned). When the target paragraph already has an annotation of
    /// NEW's own, the carried tags join it, the carried note is appended, and it is flagged
    /// for review. Returns the ids added. Writes only when something was added.
    func addCarried(_ incoming: [Annotation], orphans incomingOrphans: [Annotation],
                    document: ResolutionDocument) throws -> Set<String> {
        let target = AnchorTarget(document)
        try SafeFile.makeFolder(sidecarFolder)
        return try SafeFile.withFolderLock(sidecarFolder) {
            let stored = try readStored()
            let result = stored.map { anchored($0.file, to: target) }
                ?? .init(annotations: [], orphans: [], changes: [], altered: false)
            var annotations = result.annotations, orphans = result.orphans
            var present = Set((annotations + orphans).map(\.id))
            // Merged notes carry the ids they absorbed, so a second run sees them too.
            for a in annotations { if case let .array(ids)? = a.unknownFields["carriedIDs"] {
                for case let .string(s) in ids { present.insert(s) } } }
            var added = Set<String>()
            for a in incoming where !present.contains(a.id) {
                added.insert(a.id)
                if let k = annotations.firstIndex(where: { $0.paragraph == a.paragraph }) {
                    var mine = annotations[k]
                    mine.tags = Tags.normalized(mine.tags + a.tags)
                    if let note = a.note, !note.isEmpty {
                        mine.note = (mine.note.map { $0 + "\n\n" } ?? "") + note
                    }
                    mine.review = true
                    var ids: [JSONValue] = []
                    if case let .array(old)? = mine.unknownFields["carriedIDs"] { ids = old }
                    mine.unknownFields["carriedIDs"] = .array(ids + [.string(a.id)])
                    mine.modified = Timestamp.now()
                    annotations[k] = mine
                } else {
                    annotations.append(a)
                }
            }
            for a in incomingOrphans where !present.contains(a.id) { added.insert(a.id); orphans.append(a) }
            guard !added.isEmpty || result.altered else { return added }
            let order = anchoring(for: target)
            annotations.sort { (order.index(of: $0.paragraph) ?? Int.max) < (order.index(of: $1.paragraph) ?? Int.max) }
            var info = SidecarDocumentInfo(file: (document.source.path as NSString).lastPathComponent,
                                           sha256: document.source.sha256, symbol: document.meta.symbol)
            info.unknownFields = stored?.file.document.unknownFields ?? [:]
            var file = SidecarFile(document: info, annotations: annotations, orphans: orphans)
            file.unknownFields = stored?.file.unknownFields ?? [:]
            let out = SidecarCodec.encodeWithRanges(file)
            if let id = try SafeFile.atomicWrite(out.bytes, to: sidecarPath, temporaryPrefix: temporaryPrefix) {
                cache.setFile(id, file, encoded: out)
                cache.markVerified(file, against: target.fingerprint)
            }
            return added
        }
    }
}
