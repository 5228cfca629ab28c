// The "never lose a note" guarantees, each tested so that losing it fails a test:
// unreadable sidecars are never written, concurrent processes lose nothing, and a process
// killed at any moment of a save leaves a sidecar that parses and keeps what it held.

import Foundation
import ResolutionKit
import Testing
@testable import Annotations
#if canImport(Glibc)
import Glibc
#endif

@Suite struct SafetyTests {
    static let unreadable: [(label: String, bytes: String, reason: String)] = [
        ("bad JSON", "{\"schema\": \"reso.annotations/1\", \"annotations\": [", "not valid JSON"),
        ("future schema", "{\"schema\": \"reso.annotations/2\", \"items\": {}}\n", "newer"),
        ("unknown schema", "{\"schema\": \"something/1\", \"document\": {\"file\": \"x\", \"sha256\": \"y\"}, \"annotations\": []}", "unknown schema"),
        ("missing field", "{\"schema\": \"reso.annotations/1\", \"document\": {\"file\": \"x\", \"sha256\": \"y\"}, \"annotations\": [{\"id\": \"1\"}]}", "missing field"),
        ("empty file", "", "not valid JSON"),
        ("duplicate paragraph", """
        {"schema": "reso.annotations/1", "document": {"file": "res.txt", "sha256": "y"}, "annotations": [
        {"id": "1", "paragraph": "op1", "anchor": {"exact": "a", "textHash": "b"}, "tags": [], "author": "a", "created": "c", "modified": "m"},
        {"id": "2", "paragraph": "op1", "anchor": {"exact": "a", "textHash": "b"}, "tags": [], "author": "a", "created": "c", "modified": "m"}],
        "orphans": []}
        """, "two annotations"),
    ]

    @Test(arguments: unreadable.indices)
    func anUnreadableSidecarIsNeverWritten(_ index: Int) throws {
        let (label, content, reason) = Self.unreadable[index]
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let store = SidecarStore(documentPath: doc.source.path)
        // Bad JSON also carries invalid UTF-8 and a NUL: those bytes must survive too.
        let original = Array(content.utf8) + (label == "bad JSON" ? [0xFF, 0x00, 0x0A] : [])
        try Data(original).write(to: URL(fileURLWithPath: store.sidecarPath))
        let edits: [() throws -> Void] = [
            { _ = try store.load(for: doc) },
            { _ = try store.addTags(["support"], paragraph: "op1", document: doc) },
            { _ = try store.removeTags(["support"], paragraph: "op1", document: doc) },
            { _ = try store.toggleTag("support", paragraph: "op1", document: doc) },
            { _ = try store.setNote("x", paragraph: "op1", document: doc) },
            { _ = try store.setNote(nil, paragraph: "op1", document: doc) },
        ]
        for edit in edits {
            let error = try #require(throws: SidecarError.self, "\(label)") { try edit() }
            guard case let .unreadable(path, why) = error else { Issue.record("\(label): \(error)"); continue }
            #expect(path == store.sidecarPath)
            #expect(error.description.contains(store.sidecarPath))
            #expect(why.contains(reason), "\(label): \(why)")
            #expect(Fixture.bytes(store.sidecarPath) == original, "\(label): the file changed")
        }
        #expect(Fixture.temporaryFiles(of: store).isEmpty)
    }

    @Test func futureSchemaReasonSaysNewer() throws {
        #expect(SidecarCodec.schemaProblem("reso.annotations/7")?.contains("newer reso") == true)
        #expect(SidecarCodec.schemaProblem("reso.annotations/1") == nil)
        #expect(SidecarCodec.schemaProblem("reso.document/1")?.contains("unknown schema") == true)
    }

    /// 40 processes tag 40 different paragraphs at once, and 10 more add 10 tags to one
    /// paragraph: every tag must be there (the lock plus re-read).
    @Test func concurrentProcessesLoseNothing() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let docPath = try Fixture.seedCopy(in: dir)
        let doc = try ResolutionDocument.load(path: docPath)
        try #require(doc.operative.count >= 41, "the parser finds the seed's operative paragraphs")
        let bin = try #require(Fixture.resoBinary)
        var children: [Child] = []
        for i in 1...40 { children.append(try Child.spawn(bin, ["tag", docPath, "op\(i + 1)", "t\(i)"], in: dir)) }
        for k in 1...10 { children.append(try Child.spawn(bin, ["tag", docPath, "op1", "same-\(k)"], in: dir)) }
        for c in children {
            let status = c.wait()
            #expect(status == 0, "reso tag failed: \(c.stderr)")
            unlink(c.stdoutPath); unlink(c.stderrPath)
        }
        let snap = try SidecarStore(documentPath: docPath).load(for: doc)
        for i in 1...40 { #expect(snap.annotation(for: "op\(i + 1)")?.tags == ["t\(i)"], "op\(i + 1)") }
        #expect(snap.annotation(for: "op1")?.tags == (1...10).map { "same-\($0)" }.sorted())
        #expect(snap.annotations.count == 41)
    }

    /// Kills `reso tag` with SIGKILL 25 times: mostly just after the temporary file appears
    /// (while it is written, flushed or renamed), some at arbitrary moments. The sidecar must
    /// parse every time and keep everything it held before.
    @Test func sigkillAtAnyMomentLeavesAWholeSidecar() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let docPath = try Fixture.seedCopy(in: dir)
        let doc = try ResolutionDocument.load(path: docPath)
        try #require(doc.operative.count >= 30)
        let bin = try #require(Fixture.resoBinary)
        let store = SidecarStore(documentPath: docPath)
        // A big note makes each save write ~1 MB, so there is a window to hit.
        let big = String(repeating: "长", count: 300_000)
        _ = try store.setNote(big, paragraph: "op1", document: doc)
        var previous = try #require(try store.readFile()).annotations

        var midWrite = 0, completed = 0
        for run in 0..<25 {
            // No writer is active: clear the last run's leftover (the next save would too).
            for t in Fixture.temporaryFiles(of: store) { unlink(t) }
            let para = "op\(2 + run)"
            let child = try Child.spawn(bin, ["tag", docPath, para, "k\(run)"], in: dir)
            if run % 5 == 4 {
                usleep(UInt32(20_000 + run * 6_000))          // arbitrary moments: startup, parse, read…
            } else {
                let deadline = Date().addingTimeInterval(5)
                while Fixture.temporaryFiles(of: store).isEmpty && Date() < deadline {
                    var st = stat()
                    if stat("/proc/\(child.pid)/stat", &st) != 0 { break }
                }
                usleep(UInt32((run % 5) * 700))               // 0, 0.7, 1.4, 2.1 ms into the save
            }
            kill(child.pid, SIGKILL)
            let status = child.wait()
            unlink(child.stdoutPath); unlink(child.stderrPath)
            if status == 0 { completed += 1 }
            if !Fixture.temporaryFiles(of: store).isEmpty { midWrite += 1 }

            let bytes = try #require(Fixture.bytes(store.sidecarPath), "run \(run): the sidecar vanished")
            let file = try SidecarCodec.decode(bytes)     // throws (fails the test) when torn
            #expect(file.annotations.first { $0.paragraph == "op1" }?.note == big, "run \(run): the big note")
            for old in previous {
                #expect(file.annotations.contains(old), "run \(run): lost \(old.paragraph)")
            }
            let added = file.annotations.first { $0.paragraph == para }
            #expect(added == nil || added?.tags == ["k\(run)"])
            #expect(file.annotations.count == previous.count + (added == nil ? 0 : 1))
            previous = file.annotations
        }
        // The kills did land inside saves (the temporary file was left half-done).
        #expect(midWrite >= 3, "only \(midWrite) kills landed mid-write (\(completed) runs completed)")
    }
}
