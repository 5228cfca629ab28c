// Where a document's sidecar lives, and the only code that changes it: every change runs
// under the cross-process lock as re-read → re-anchor → apply one change → atomic write.
// A sidecar that cannot be read stops the change before anything is written.

import Foundation
import ResolutionKit

public struct SidecarStore: Sendable {
    public let sidecarPath: String
    /// Set when sidecars go somewhere the user did not ask for (the document's folder is not
    /// writable); commands print it so the user knows where the notes are.
    public let notice: String?
    let documentPath: String
    /// Sidecars read, first found wins, while `sidecarPath` does not exist yet; never written.
    /// Their annotations seed the new sidecar so that none are lost: the sidecar beside a
    /// document in a read-only folder, and one stored under the name older versions of reso
    /// used in a shared folder (file name only). Such an old file may hold the notes of every
    /// same-named document; each document takes a copy, and the old file stays for the others.
    let seedSidecars: [String]
    let cache = ParsedSidecarCache()

    /// nil `storeDirectory` → `$RESO_STORE`, else beside the document, else (folder not
    /// writable) `$XDG_DATA_HOME/reso/sidecars` (default `~/.local/share/reso/sidecars`).
    public init(documentPath: String, storeDirectory: String? = nil) {
        self.init(documentPath: documentPath, storeDirectory: storeDirectory,
                  environment: Self.environment, folderIsWritable: SafeFile.isWritableFolder)
    }

    /// The process environment, read once: building it costs more than the rest of a store's
    /// init, and refreshing the index of 10,000 documents makes 10,000 stores (reso never
    /// changes its own environment).
    private static let environment = ProcessInfo.processInfo.environment

    /// The environment and the writability test are parameters so that tests (often run as
    /// root, for whom every folder is writable) can exercise the fallback.
    init(documentPath: String, storeDirectory: String?, environment env: [String: String],
         folderIsWritable: (String) -> Bool) {
        self.documentPath = documentPath
        let (fileName, folder) = Self.split(documentPath)
        let plainName = fileName + ".reso.json"
        let beside = folder.isEmpty ? plainName : folder.hasSuffix("/") ? folder + plainName : folder + "/" + plainName
        if let dir = storeDirectory ?? env["RESO_STORE"].flatMap({ $0.isEmpty ? nil : $0 }) {
            sidecarPath = (dir as NSString).appendingPathComponent(Self.sharedFolderName(documentPath: documentPath))
            seedSidecars = [(dir as NSString).appendingPathComponent(plainName)]
            notice = nil
        } else if folderIsWritable(folder) {
            sidecarPath = beside
            seedSidecars = []; notice = nil
        } else {
            let data: String
            if let x = env["XDG_DATA_HOME"], x.hasPrefix("/") { data = x } else {
                data = (env["HOME"] ?? NSHomeDirectory()) + "/.local/share"
            }
            let dir = data + "/reso/sidecars"
            sidecarPath = dir + "/" + Self.sharedFolderName(documentPath: documentPath)
            seedSidecars = [beside, dir + "/" + plainName]
            notice = "notes for \(fileName) are kept in \(dir)/ "
                + "because \(folder.isEmpty ? "." : folder) is not writable"
        }
    }

    /// File name and folder as NSString's `lastPathComponent` and `deletingLastPathComponent`
    /// give them, by slicing at the last `/` when the path is plain (no `//`, no trailing or
    /// root-level slash): the index makes a store for every document of a library on every
    /// command, and the NSString round trips were most of that cost.
    static func split(_ path: String) -> (file: String, folder: String) {
        let utf8 = path.utf8
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return (path, "") }
        if slash != utf8.startIndex, utf8.index(after: slash) != utf8.endIndex, isPlain(utf8) {
            return (String(path[path.index(after: slash)...]), String(path[..<slash]))
        }
        return ((path as NSString).lastPathComponent, (path as NSString).deletingLastPathComponent)
    }

    /// True when no component of the path is empty, `.` or `..` (no `//`, `/./`, `/../`, no
    /// leading `./`): slicing at the last `/` then gives what NSString gives. A byte scan, not
    /// Foundation's `contains`, which went through CFString for every document of a library.
    /// - Complexity: O(n) in the path's bytes.
    private static func isPlain(_ utf8: String.UTF8View) -> Bool {
        var componentLength = 0, dots = 0, first = true
        for b in utf8 {
            if b == UInt8(ascii: "/") {
                // An empty component is fine only as the root's leading slash.
                if componentLength == 0 && !first { return false }
                if componentLength > 0 && componentLength == dots && dots <= 2 { return false }
                componentLength = 0; dots = 0; first = false
            } else {
                componentLength += 1
                if b == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return true
    }

    /// The sidecar path of each document, as `init(documentPath:storeDirectory:)` gives it, with
    /// each folder's writability asked once: refreshing a library's index needs every
    /// document's sidecar on every command, and one `access` per document was most of it.
    /// - Complexity: O(n) for n paths, one `access` per distinct folder.
    public static func sidecarPaths(forDocuments paths: [String], storeDirectory: String? = nil) -> [String] {
        var writable: [String: Bool] = [:]
        let memo: (String) -> Bool = { folder in
            if let w = writable[folder] { return w }
            let w = SafeFile.isWritableFolder(folder)
            writable[folder] = w
            return w
        }
        return paths.map {
            SidecarStore(documentPath: $0, storeDirectory: storeDirectory, environment: environment,
                         folderIsWritable: memo).sidecarPath
        }
    }

    /// The sidecar's name in a folder shared by documents from many folders (`--store`,
    /// `RESO_STORE`, the fallback): `doc.txt.1a2b3c4d.reso.json`, the file name followed by the
    /// first 8 hex digits of the SHA-256 of the document's canonical folder, so that `a/doc.txt`
    /// and `b/doc.txt` never share notes while a person still sees whose notes a file holds.
    /// (A mirrored folder tree would be as readable but leaves empty folders behind and breaks
    /// when a path is longer than the store's file system allows.)
    static func sharedFolderName(documentPath: String) -> String {
        let fileName = (documentPath as NSString).lastPathComponent
        let folder = canonicalFolder(of: documentPath)
        return fileName + "." + String(SHA256.hex(folder).prefix(8)) + ".reso.json"
    }

    /// The document's folder with links and `.`/`..` resolved, so that every spelling of one
    /// folder gives one key; the absolute, standardised path when it cannot be resolved.
    static func canonicalFolder(of documentPath: String) -> String {
        let folder = (documentPath as NSString).deletingLastPathComponent
        let given = folder.isEmpty ? "." : folder
        if let resolved = realpath(given, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let absolute = given.hasPrefix("/") ? given : FileManager.default.currentDirectoryPath + "/" + given
        return (absolute as NSString).standardizingPath
    }

    /// The folder whose lock serialises saves of this sidecar (see `SafeFile.withFolderLock`).
    var sidecarFolder: String { (sidecarPath as NSString).deletingLastPathComponent }
    private var sidecarName: String { (sidecarPath as NSString).lastPathComponent }
    /// Temporary files are this prefix plus a random suffix, hidden, beside the sidecar.
    var temporaryPrefix: String {
        (sidecarFolder.isEmpty ? "" : sidecarFolder + "/") + "." + sidecarName + ".tmp-"
    }
    @available(*, deprecated, renamed: "temporaryPrefix", message: "temporary files now have random names")
    var temporaryPath: String { temporaryPrefix }

    // MARK: reading

    /// The annotations as they apply to `document`, re-anchored when its text changed.
    /// Never writes: the re-anchored form is saved by the next change.
    public func load(for document: ResolutionDocument) throws -> SidecarSnapshot {
        guard let stored = try readFile() else { return SidecarSnapshot(sidecarPath: sidecarPath) }
        let result = anchored(stored, to: AnchorTarget(document))
        return SidecarSnapshot(annotations: result.annotations, orphans: result.orphans,
                               changes: result.changes, sidecarPath: sidecarPath)
    }

    /// The sidecar as stored (nil when there is none). Reading needs no lock: writers rename
    /// complete files into place. An unchanged file (same identity) is not parsed again.
    func readFile() throws(SidecarError) -> SidecarFile? { try readStored()?.file }

    /// The stored sidecar and, when it is the file at `sidecarPath`, its identity.
    func readStored() throws(SidecarError) -> (file: SidecarFile, identity: FileIdentity?)? {
        if let identity = FileIdentity.of(path: sidecarPath), let hit = cache.file(identity) { return (hit, identity) }
        guard let (bytes, identity) = try SafeFile.contents(sidecarPath) else {
            for seed in seedSidecars {
                if let (bytes, _) = try SafeFile.contents(seed) { return (try decode(bytes, path: seed), nil) }
            }
            return nil
        }
        let file = try decode(bytes, path: sidecarPath)
        cache.setFile(identity, file, encoded: nil)
        return (file, identity)
    }

    private func decode(_ bytes: [UInt8], path: String) throws(SidecarError) -> SidecarFile {
        do { return try SidecarCodec.decode(bytes) } catch { throw .unreadable(path: path, reason: error.reason) }
    }

    /// Re-anchors `stored` to `document`, skipping the work when this very file was already
    /// checked against this very document.
    func anchored(_ stored: SidecarFile, to target: AnchorTarget) -> Reanchorer.Result {
        let fingerprint = target.fingerprint
        if cache.isVerified(stored, against: fingerprint) {
            return .init(annotations: stored.annotations, orphans: stored.orphans, changes: [], altered: false)
        }
        let result = anchoring(for: target).run(annotations: stored.annotations, orphans: stored.orphans)
        if !result.altered { cache.markVerified(stored, against: fingerprint) }
        return result
    }

    func anchoring(for target: AnchorTarget) -> Reanchorer {
        if let hit = cache.anchoring(target.fingerprint) { return hit }
        let made = Reanchorer(units: target.units)
        cache.setAnchoring(target.fingerprint, made)
        return made
    }

    // MARK: changing

    /// Adds tags; a `quote` (found with QuoteSelector.find) also sets the phrase they are about.
    public func addTags(_ tags: [String], paragraph: String, document: ResolutionDocument,
                        quote: QuoteSelector? = nil) throws -> SidecarSnapshot {
        try addTags(tags, paragraph: paragraph, target: AnchorTarget(document), quote: quote)
    }

    /// As `addTags(_:paragraph:document:quote:)`, on units known without parsing.
    public func addTags(_ tags: [String], paragraph: String, target: AnchorTarget,
                        quote: QuoteSelector? = nil) throws -> SidecarSnapshot {
        try checkTags(tags)
        return try change(paragraph, in: target) { a in
            a.tags = Tags.normalized(a.tags + tags)
            if let quote { a.anchor.selector = quote }
        }
    }

    public func removeTags(_ tags: [String], paragraph: String, document: ResolutionDocument) throws -> SidecarSnapshot {
        try removeTags(tags, paragraph: paragraph, target: AnchorTarget(document))
    }

    public func removeTags(_ tags: [String], paragraph: String, target: AnchorTarget) throws -> SidecarSnapshot {
        let gone = Set(tags.compactMap(Tags.normalize))
        return try change(paragraph, in: target) { a in a.tags.removeAll { gone.contains($0) } }
    }

    public func toggleTag(_ tag: String, paragraph: String, document: ResolutionDocument) throws -> SidecarSnapshot {
        try checkTags([tag])
        guard let t = Tags.normalize(tag) else { throw SidecarError.badTag("a tag cannot be empty") }
        return try change(paragraph, in: AnchorTarget(document)) { a in
            if a.tags.contains(t) { a.tags.removeAll { $0 == t } } else { a.tags = Tags.normalized(a.tags + [t]) }
        }
    }

    /// nil, empty or blank clears the note. Trailing blank lines (editors add them) are dropped.
    public func setNote(_ note: String?, paragraph: String, document: ResolutionDocument,
                        quote: QuoteSelector? = nil) throws -> SidecarSnapshot {
        var text = note ?? ""
        while let last = text.unicodeScalars.last, last.properties.isWhitespace { text.unicodeScalars.removeLast() }
        let value: String? = text.unicodeScalars.allSatisfy(\.properties.isWhitespace) ? nil : text
        return try change(paragraph, in: AnchorTarget(document)) { a in
            a.note = value
            if let quote { a.anchor.selector = quote }
        }
    }

    /// Sets the phrase inside the paragraph an annotation is about (nil clears it). The
    /// context is taken from the paragraph's first occurrence of `quote`.
    public func setQuote(_ quote: String?, occurrence: Int = 1, paragraph: String, document: ResolutionDocument) throws -> SidecarSnapshot {
        let q = quote.flatMap { $0.isEmpty ? nil : $0 }
        let text = document.resolveParagraph(paragraph)?.text ?? ""
        let selector = q.map { QuoteSelector.find($0, in: text, occurrence: occurrence) ?? QuoteSelector.find($0, in: text) ?? QuoteSelector(exact: $0) }
        return try change(paragraph, in: AnchorTarget(document)) { a in a.anchor.selector = selector }
    }

    /// Stores a drafted amendment on a paragraph, after the paragraph's other annotations.
    /// `quote` is the text it acts on (required except for a new paragraph).
    public func addAmendment(_ amendment: Amendment, quote: QuoteSelector?, paragraph: String,
                             document: ResolutionDocument) throws -> (SidecarSnapshot, Annotation) {
        var made: Annotation?
        let snap = try mutate(paragraph, in: AnchorTarget(document)) { annotations, unit, range in
            var a = Annotation(paragraph: unit.id, anchor: Anchor(exact: unit.text))
            a.kind = Annotation.amendmentKind
            a.amendment = amendment
            a.anchor.selector = quote
            annotations.insert(a, at: range.upperBound)
            made = a
            return .insert(range.upperBound, a)
        }
        return (snap, made!)
    }

    /// Removes the annotation with this id (an amendment, or a paragraph's note) from the
    /// paragraph's annotations; nothing is written when there is none.
    public func removeAnnotation(id: String, paragraph: String, document: ResolutionDocument) throws -> SidecarSnapshot {
        try mutate(paragraph, in: AnchorTarget(document)) { annotations, _, range in
            guard let i = range.first(where: { annotations[$0].id == id }) else { return nil }
            annotations.remove(at: i)
            return .remove(i)
        }
    }

    /// Clears the `review` flag carry set (the user has looked at the reworded paragraph).
    public func clearReview(paragraph: String, document: ResolutionDocument) throws -> SidecarSnapshot {
        try change(paragraph, in: AnchorTarget(document)) { a in a.review = false }
    }

    private func checkTags(_ tags: [String]) throws {
        for t in tags { if let p = Tags.problem(with: t) { throw SidecarError.badTag(p) } }
    }

    /// Applies one edit to the tags-and-note annotation of one paragraph (made when missing,
    /// removed when the edit leaves it empty).
    private func change(_ reference: String, in target: AnchorTarget,
                        _ edit: (inout Annotation) -> Void) throws -> SidecarSnapshot {
        try mutate(reference, in: target) { annotations, unit, range in
            let existing = range.first { annotations[$0].isParagraphNote }
            var a = existing.map { annotations[$0] } ?? Annotation(paragraph: unit.id, anchor: Anchor(exact: unit.text))
            let before = a
            edit(&a)
            guard a != before else { return nil }
            a.modified = Timestamp.now()
            a.anchor.attach(to: unit.text)
            if let i = existing {
                if a.isEmpty { annotations.remove(at: i); return .remove(i) }
                annotations[i] = a
                return .replace(i, a)
            }
            guard !a.isEmpty else { return nil }
            // The paragraph's note comes before its amendments.
            annotations.insert(a, at: range.lowerBound)
            return .insert(range.lowerBound, a)
        }
    }

    /// Applies one edit to the annotations of one paragraph under the lock: re-read,
    /// re-anchor, `edit` (given the paragraph's slice of the document-ordered list, returning
    /// what it changed or nil), atomic write. Nothing is written when neither the edit nor
    /// re-anchoring changes anything.
    private func mutate(_ reference: String, in target: AnchorTarget,
                        _ edit: (inout [Annotation], TextUnit, Range<Int>) -> SidecarEdit?) throws -> SidecarSnapshot {
        let fingerprint = target.fingerprint
        let anchoring = anchoring(for: target)
        guard let unit = anchoring.resolve(reference) else {
            throw SidecarError.unknownParagraph(reference: reference, file: target.path,
                                                nearest: target.nearestIDs(to: reference))
        }
        try SafeFile.makeFolder(sidecarFolder)
        return try SafeFile.withFolderLock(sidecarFolder) {
            if cache.claimLeftoverSweep() { SafeFile.removeLeftovers(of: sidecarName, in: sidecarFolder) }
            let previous = FileIdentity.of(path: sidecarPath).flatMap { cache.file($0) != nil ? $0 : nil }
            var stored = try readStored()
            var result = stored.map { anchored($0.file, to: target) }
                ?? .init(annotations: [], orphans: [], changes: [], altered: false)
            // Move the array out so that it is the only reference and the edit does not copy
            // every annotation (the cache and the locals would otherwise share it).
            var oldEncoded = stored?.identity.flatMap { cache.encoded($0) }
            cache.forgetFile()
            var annotations = result.annotations
            result.annotations = []
            stored?.file.annotations = []
            // Annotations are in document order: binary search by unit position.
            let at = anchoring.index(of: unit.id) ?? Int.max
            var lo = 0, hi = annotations.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if (anchoring.index(of: annotations[mid].paragraph) ?? Int.max) < at { lo = mid + 1 } else { hi = mid }
            }
            var end = lo
            while end < annotations.count && annotations[end].paragraph == unit.id { end += 1 }
            let edit = edit(&annotations, unit, lo..<end)
            var after = end
            switch edit {
            case .insert?: after += 1
            case .remove?: after -= 1
            default: break
            }
            var info = SidecarDocumentInfo(file: (target.path as NSString).lastPathComponent,
                                           sha256: target.sha256, symbol: target.symbol)
            let infoChanged = stored.map { $0.file.document.differsInKnownFields(from: info) } ?? !annotations.isEmpty
            // Whatever a newer reso stored beside the known fields is written back as it was.
            info.unknownFields = stored?.file.document.unknownFields ?? [:]
            var file = SidecarFile(document: info, annotations: annotations, orphans: result.orphans)
            file.unknownFields = stored?.file.unknownFields ?? [:]
            // Also written when only re-anchoring changed it, so that ids on disk match the text.
            if edit != nil || result.altered || infoChanged {
                // One edit on a sidecar this store wrote last: copy around the changed object.
                var encoded: EncodedSidecar?
                if let edit, !result.altered, !infoChanged, let old = oldEncoded.take() {
                    encoded = SidecarCodec.splice(old, edit)
                }
                let out = encoded ?? SidecarCodec.encodeWithRanges(file)
                if let id = try SafeFile.atomicWrite(out.bytes, to: sidecarPath, temporaryPrefix: temporaryPrefix) {
                    cache.setFile(id, file, encoded: out)
                    cache.markVerified(file, against: fingerprint)
                }
            } else if let id = stored?.identity {
                // Nothing changed: keep what was cached (the file, its bytes, its check).
                cache.setFile(id, file, encoded: oldEncoded)
                cache.markVerified(file, against: fingerprint)
            }
            var snapshot = SidecarSnapshot(annotations: annotations, orphans: result.orphans, changes: result.changes,
                                           sidecarPath: sidecarPath)
            if previous != nil, previous == stored?.identity, !result.altered, !infoChanged {
                snapshot.edited = EditedParagraph(paragraph: unit.id, annotations: annotations[lo..<after])
            }
            return snapshot
        }
    }
}

/// What a long-lived store (the reader) keeps between edits so that one edit costs about one
/// annotation's work plus the write, not a parse and a full encode: the last sidecar keyed by
/// file identity (another process replacing the file changes it) with, when this store wrote
/// it, its bytes; whether it was already checked against a document; the document's unit
/// index. Instance state behind a lock, not global state.
final class ParsedSidecarCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entry: (identity: FileIdentity, file: SidecarFile, encoded: EncodedSidecar?)?
    private var verified: (file: SidecarFile, fingerprint: DocumentFingerprint)?
    private var index: (fingerprint: DocumentFingerprint, anchoring: Reanchorer)?
    private var leftoversSwept = false

    private func locked<T>(_ body: () -> T) -> T { lock.lock(); defer { lock.unlock() }; return body() }

    func file(_ identity: FileIdentity) -> SidecarFile? {
        locked { entry.flatMap { $0.identity == identity ? $0.file : nil } }
    }

    func encoded(_ identity: FileIdentity) -> EncodedSidecar? {
        locked { entry.flatMap { $0.identity == identity ? $0.encoded : nil } }
    }

    /// Drops the parsed sidecar and its verification (a change is about to replace them), so
    /// that the change holds the only reference to the annotations.
    func forgetFile() {
        locked { entry = nil; verified = nil }
    }

    func setFile(_ identity: FileIdentity, _ file: SidecarFile, encoded: EncodedSidecar?) {
        locked { entry = (identity, file, encoded) }
    }

    /// True when `file` (compared cheaply: equal arrays share storage) was last checked
    /// against the same document and needed no re-anchoring.
    func isVerified(_ file: SidecarFile, against fingerprint: DocumentFingerprint) -> Bool {
        locked { verified.map { $0.fingerprint == fingerprint && $0.file == file } ?? false }
    }

    func markVerified(_ file: SidecarFile, against fingerprint: DocumentFingerprint) {
        locked { verified = (file, fingerprint) }
    }

    func anchoring(_ fingerprint: DocumentFingerprint) -> Reanchorer? {
        locked { index.flatMap { $0.fingerprint == fingerprint ? $0.anchoring : nil } }
    }

    /// True the first time only: a store clears stale temporary files once, not on every save
    /// (a folder of thousands of documents takes a while to list).
    func claimLeftoverSweep() -> Bool {
        locked { defer { leftoversSwept = true }; return !leftoversSwept }
    }

    func setAnchoring(_ fingerprint: DocumentFingerprint, _ anchoring: Reanchorer) {
        locked { index = (fingerprint, anchoring) }
    }
}
