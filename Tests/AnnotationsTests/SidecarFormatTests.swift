// The sidecar format's promises beyond the fields reso knows: the exact byte layout, fields a
// newer reso wrote survive every save of an older one (issue 8, item 4), and a duplicate key
// makes a sidecar unreadable instead of being read two ways (item 5).

import Foundation
import ResolutionKit
import Testing
@testable import Annotations

@Suite struct SidecarFormatTests {
    /// The layout, byte for byte, as SPEC section 5 and every earlier reso wrote it.
    @Test func theByteLayoutIsTheSpecsToTheByte() throws {
        var a = Annotation(id: "I", paragraph: "op1", anchor: Anchor(exact: "E", textHash: "H", quote: "Q"),
                           tags: ["b", "a"], note: "N", author: "A", created: "C", modified: "M")
        let b = Annotation(id: "J", paragraph: "op2", anchor: Anchor(exact: "F", textHash: "G"),
                           author: "A", created: "C", modified: "M")
        let file = SidecarFile(document: SidecarDocumentInfo(file: "f.txt", sha256: "S", symbol: nil), annotations: [a, b])
        let expected = """
        {
          "annotations": [
            {
              "anchor": {
                "exact": "E",
                "quote": "Q",
                "textHash": "H"
              },
              "author": "A",
              "created": "C",
              "id": "I",
              "modified": "M",
              "note": "N",
              "paragraph": "op1",
              "tags": ["a", "b"]
            },
            {
              "anchor": {
                "exact": "F",
                "textHash": "G"
              },
              "author": "A",
              "created": "C",
              "id": "J",
              "modified": "M",
              "paragraph": "op2",
              "tags": []
            }
          ],
          "document": {
            "file": "f.txt",
            "sha256": "S",
            "symbol": null
          },
          "orphans": [],
          "schema": "reso.annotations/1"
        }

        """
        #expect(String(decoding: SidecarCodec.encode(file), as: UTF8.self) == expected)

        // Unknown fields take their sorted places, pretty-printed like the rest.
        a.unknownFields = ["color": .string("red"), "zz": .object(["b": .number("2.50"), "a": .array([.null, .bool(true)])])]
        a.anchor.unknownFields = ["prefix": .string("P")]
        var extended = SidecarFile(document: file.document, annotations: [a])
        extended.unknownFields = ["future": .object([:]), "a-first": .array([])]
        let text = String(decoding: SidecarCodec.encode(extended), as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"a-first\": [],\n  \"annotations\": [\n    {\n      \"anchor\": {\n        \"exact\": \"E\",\n        \"prefix\": \"P\",\n        \"quote\": \"Q\","))
        #expect(text.contains("\"author\": \"A\",\n      \"color\": \"red\",\n      \"created\": \"C\","))
        #expect(text.contains("\"tags\": [\"a\", \"b\"],\n      \"zz\": {\n        \"a\": [\n          null,\n          true\n        ],\n        \"b\": 2.50\n      }\n    }\n  ],"))
        #expect(text.contains("\n  \"future\": {},\n  \"orphans\": [],\n  \"schema\": \"reso.annotations/1\"\n}\n"))
    }

    /// A hand-written sidecar as a newer reso might write it: unknown fields at the top, in
    /// `document`, in an annotation, in its anchor, and in an orphan.
    static func futureSidecar(for doc: ResolutionDocument) -> String {
        let op1 = Fixture.operative[0], op3 = Fixture.operative[2]
        return """
        {"schema": "reso.annotations/1",
         "future": {"layers": [{"name": "review", "weight": 1.50e2}], "enabled": true, "none": null},
         "document": {"file": "res.txt", "sha256": "\(doc.source.sha256)", "symbol": "A/RES/80/1", "origin": "drafts/7"},
         "annotations": [
          {"id": "a1", "paragraph": "op1", "color": "red", "tags": ["support"], "author": "ana",
           "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z",
           "anchor": {"exact": "\(op1)", "textHash": "\(SHA256.hex(op1))", "selector": {"start": 0, "end": -1}}},
          {"id": "a3", "paragraph": "op3", "tags": [], "note": "n", "author": "ana", "priority": 3,
           "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z",
           "anchor": {"exact": "\(op3)", "textHash": "\(SHA256.hex(op3))"}}],
         "orphans": [
          {"id": "o1", "paragraph": "op9", "tags": ["old"], "author": "ana", "color": "blue",
           "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z",
           "anchor": {"exact": "A paragraph that is gone from every version.", "textHash": "x"}}]}
        """
    }

    /// What must hold of the file after every save: the unknown fields, valid pretty JSON whose
    /// keys are sorted at every level, and the bytes a full encoding of its content gives.
    static func checkFutureFieldsKept(_ path: String, _ label: String) throws {
        let bytes = try #require(Fixture.bytes(path), "\(label)")
        let text = String(decoding: bytes, as: UTF8.self)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any], "\(label)")
        let future = try #require(json["future"] as? [String: Any], "\(label): top-level field dropped")
        #expect(future["enabled"] as? Bool == true && future["none"] is NSNull, "\(label)")
        #expect(text.contains("\"weight\": 1.50e2"), "\(label): a number changed its spelling")
        #expect((json["document"] as? [String: Any])?["origin"] as? String == "drafts/7", "\(label): document field dropped")
        let annotations = try #require(json["annotations"] as? [[String: Any]])
        let a1 = try #require(annotations.first { $0["id"] as? String == "a1" }, "\(label)")
        #expect(a1["color"] as? String == "red", "\(label): annotation field dropped")
        let selector = (a1["anchor"] as? [String: Any])?["selector"] as? [String: Any]
        #expect(selector?["start"] as? Int == 0 && selector?["end"] as? Int == -1, "\(label): anchor field dropped")
        #expect(annotations.first { $0["id"] as? String == "a3" }?["priority"] as? Int == 3, "\(label)")
        let orphans = try #require(json["orphans"] as? [[String: Any]])
        #expect(orphans.first?["color"] as? String == "blue", "\(label): orphan field dropped")
        // Keys sorted at every level: the key sequence equals that of a sorted-keys re-encoding.
        let reference = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        func keys(_ t: String) -> [String] { t.matches(of: #/"([A-Za-z0-9@-]+)"\s*:/#).map { String($0.1) } }
        #expect(keys(text) == keys(String(decoding: reference, as: UTF8.self)), "\(label)")
        #expect(SidecarCodec.encode(try SidecarCodec.decode(bytes)) == bytes, "\(label): not the canonical layout")
    }

    @Test func unknownFieldsSurviveEverySave() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let store = SidecarStore(documentPath: doc.source.path)
        try Data(Self.futureSidecar(for: doc).utf8).write(to: URL(fileURLWithPath: store.sidecarPath))
        let loaded = try store.load(for: doc)
        #expect(loaded.annotations.map(\.paragraph) == ["op1", "op3"] && loaded.orphans.count == 1)

        // Full encodings, spliced saves (the same long-lived store), inserts and removals.
        _ = try store.addTags(["amend"], paragraph: "op2", document: doc)
        try Self.checkFutureFieldsKept(store.sidecarPath, "insert")
        _ = try store.addTags(["priority"], paragraph: "op1", document: doc)
        try Self.checkFutureFieldsKept(store.sidecarPath, "replace the annotation that has unknown fields")
        _ = try store.setNote("now with a note", paragraph: "op1", document: doc)
        try Self.checkFutureFieldsKept(store.sidecarPath, "note")
        _ = try store.setQuote("high-level meeting", paragraph: "op1", document: doc)
        try Self.checkFutureFieldsKept(store.sidecarPath, "quote")
        _ = try store.removeTags(["amend"], paragraph: "op2", document: doc)
        try Self.checkFutureFieldsKept(store.sidecarPath, "remove")
        _ = try SidecarStore(documentPath: doc.source.path).toggleTag("question", paragraph: "pp1", document: doc)
        try Self.checkFutureFieldsKept(store.sidecarPath, "another process")
        let a1 = try #require(try store.readFile()?.annotations.first { $0.id == "a1" })
        #expect(a1.tags == ["priority", "support"] && a1.note == "now with a note" && a1.anchor.quote == "high-level meeting")
    }

    /// A revision moves op1's paragraph to op2 and drops op3's: the moved annotation and the new
    /// orphan keep their unknown fields, the anchor's included.
    @Test func unknownFieldsSurviveReanchoring() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let store = SidecarStore(documentPath: doc.source.path)
        try Data(Self.futureSidecar(for: doc).utf8).write(to: URL(fileURLWithPath: store.sidecarPath))
        var revised = Fixture.operative
        revised.insert("Decides to establish an open-ended working group on data;", at: 0)
        revised[1] += " as a matter of priority"
        revised.remove(at: 3)
        let revision = Fixture.document(path: doc.source.path, preamble: Fixture.preamble, operative: revised)
        let snap = try store.addTags(["support"], paragraph: "op5", document: revision)
        let moved = try #require(snap.annotations.first { $0.id == "a1" })
        #expect(moved.paragraph == "op2" && moved.anchor.exact == revised[1])
        #expect(moved.unknownFields["color"] == .string("red"))
        #expect(moved.anchor.unknownFields["selector"] != nil)
        #expect(snap.orphans.contains { $0.id == "a3" && $0.unknownFields["priority"] == .number("3") })
        let bytes = try #require(Fixture.bytes(store.sidecarPath))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(json["future"] != nil && (json["document"] as? [String: Any])?["origin"] != nil)
    }

    /// `reso tag` on a sidecar holding a top-level `future` and a `color` on one annotation.
    @Test func resoTagKeepsFieldsItDoesNotKnow() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let docPath = try Fixture.seedCopy(in: dir)
        let name = (docPath as NSString).lastPathComponent
        var r = try Child.reso(["tag", name, "op1", "support"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let sidecar = docPath + ".reso.json"
        var text = String(decoding: try #require(Fixture.bytes(sidecar)), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"author\":", with: "\"color\": \"#ff0000\",\n      \"author\":")
        text = text.replacingOccurrences(of: "\n  \"annotations\":", with: "\n  \"future\": {\"x\": [1, 2]},\n  \"annotations\":")
        try Data(text.utf8).write(to: URL(fileURLWithPath: sidecar))
        r = try Child.reso(["tag", name, "op2", "amend"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        r = try Child.reso(["tag", name, "op1", "priority"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let after = String(decoding: try #require(Fixture.bytes(sidecar)), as: UTF8.self)
        #expect(after.contains("\"color\": \"#ff0000\""))
        #expect(after.contains("\"future\": {\n    \"x\": [\n      1,\n      2\n    ]\n  },\n  \"orphans\""))
        let file = try SidecarCodec.decode(Array(after.utf8))
        #expect(file.annotations.map(\.paragraph) == ["op1", "op2"])
        #expect(file.annotations[0].tags == ["priority", "support"])
    }

    // MARK: duplicate keys

    static let duplicates: [(label: String, json: String)] = {
        let anchor = #"{"exact": "e", "textHash": "h"}"#
        func annotation(_ extra: String = "", anchor a: String = anchor) -> String {
            #"{"id": "1", "paragraph": "op1", "tags": [], "author": "a", "created": "c", "modified": "m", "anchor": \#(a)\#(extra)}"#
        }
        func file(top: String = "", document: String = "", annotations: String? = nil, orphans: String = "[]") -> String {
            #"{"schema": "reso.annotations/1", "document": {"file": "res.txt", "sha256": "s"\#(document)}, "annotations": [\#(annotations ?? annotation())], "orphans": \#(orphans)\#(top)}"#
        }
        return [
            ("schema twice", file(top: #", "schema": "reso.annotations/1""#)),
            ("annotations twice", file(top: #", "annotations": []"#)),
            ("orphans twice", file(top: #", "orphans": []"#)),
            ("unknown top-level key twice", file(top: #", "future": 1, "future": 2"#)),
            ("document key twice", file(document: #", "file": "other.txt""#)),
            ("document symbol twice", file(document: #", "symbol": null, "symbol": "X""#)),
            ("annotation note twice", file(annotations: annotation(#", "note": "a", "note": "b""#))),
            ("annotation tags twice", file(annotations: annotation(#", "tags": ["x"]"#))),
            ("the same key spelled with an escape", file(annotations: annotation(#", "note": "a", "no\u0074e": "b""#))),
            ("anchor key twice", file(annotations: annotation(anchor: #"{"exact": "e", "textHash": "h", "exact": "f"}"#))),
            ("inside an unknown field", file(top: #", "future": {"a": {"b": 1, "b": 2}}"#)),
            ("unknown annotation key twice", file(annotations: annotation(#", "color": "red", "color": "blue""#))),
            ("orphan key twice", file(orphans: "[" + annotation(#", "paragraph": "op2""#) + "]")),
        ]
    }()

    @Test(arguments: duplicates.indices)
    func aDuplicateKeyMakesTheSidecarUnreadable(_ index: Int) throws {
        let (label, json) = Self.duplicates[index]
        let bytes = Array(json.utf8)
        // Without the duplicate the same file reads (so the duplicate is what is refused).
        #expect(FastSidecarParser.parse(bytes) == nil, "\(label): the fast parser took it")
        let failure = try #require(throws: SidecarDecodeFailure.self, "\(label)") { try SidecarCodec.fullDecode(bytes) }
        #expect(failure.reason.contains("duplicate key"), "\(label): \(failure.reason)")
        #expect(failure.reason.contains("line 1"), "\(label): \(failure.reason)")

        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let store = SidecarStore(documentPath: doc.source.path)
        try Data(bytes).write(to: URL(fileURLWithPath: store.sidecarPath))
        for edit in [{ _ = try store.load(for: doc) }, { _ = try store.addTags(["x"], paragraph: "op2", document: doc) },
                     { _ = try store.setNote("y", paragraph: "op1", document: doc) }] as [() throws -> Void] {
            let error = try #require(throws: SidecarError.self, "\(label)") { try edit() }
            guard case let .unreadable(path, why) = error else { Issue.record("\(label): \(error)"); continue }
            #expect(path == store.sidecarPath && why.contains("duplicate key"), "\(label): \(why)")
            #expect(error.description.contains("nothing was written"))
        }
        #expect(Fixture.bytes(store.sidecarPath) == bytes, "\(label): the file changed")
        #expect(Fixture.temporaryFiles(of: store).isEmpty)
    }

    /// The files above without their duplicate are good sidecars, so the tests above fail for
    /// the duplicate alone — and both decoders read a good file the same way.
    @Test func theSameFilesWithoutDuplicatesRead() throws {
        let good = #"{"schema": "reso.annotations/1", "document": {"file": "res.txt", "sha256": "s", "origin": {"a": [1, {"b": null}]}}, "annotations": [{"id": "1", "paragraph": "op1", "tags": [], "note": "a", "color": "red", "author": "a", "created": "c", "modified": "m", "anchor": {"exact": "e", "textHash": "h", "x": false}}], "orphans": [], "future": {"a": {"b": 1}}}"#
        let bytes = Array(good.utf8)
        let fast = try #require(FastSidecarParser.parse(bytes))
        #expect(try SidecarCodec.fullDecode(bytes) == fast)
        #expect(fast.unknownFields["future"] == .object(["a": .object(["b": .number("1")])]))
        #expect(fast.document.unknownFields["origin"] == .object(["a": .array([.number("1"), .object(["b": .null])])]))
        #expect(fast.annotations[0].unknownFields == ["color": .string("red")])
        #expect(fast.annotations[0].anchor.unknownFields == ["x": .bool(false)])
    }

    /// Hostile nesting is refused with a reason, not a stack overflow.
    @Test func deepNestingIsRefusedNotCrashed() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let json = #"{"schema": "reso.annotations/1", "document": {"file": "f", "sha256": "s"}, "annotations": [], "future": "# + deep + "}"
        #expect(FastSidecarParser.parse(Array(json.utf8)) == nil)
        let failure = try #require(throws: SidecarDecodeFailure.self) { try SidecarCodec.decode(Array(json.utf8)) }
        #expect(failure.reason.contains("nested more than"))
    }
}

/// The properties the sidecar fuzzer checks (Sources/FuzzSidecar), on files reso itself writes
/// and on hand-made variants: both readers agree and a save reads back the same.
@Suite struct SidecarPropertiesTests {
    @Test func writtenSidecarsHoldEveryProperty() throws {
        var file = SidecarFile(document: SidecarDocumentInfo(file: "doc.txt", sha256: "00", symbol: nil))
        for i in 0..<20 {
            var a = Annotation(paragraph: "op\(i + 1)", anchor: Anchor(exact: "文本 \(i) \u{1B}]0;x\u{07}"), tags: ["support"])
            a.note = i % 3 == 0 ? "note \"\(i)\"\n第二行" : nil
            file.annotations.append(a)
        }
        let bytes = SidecarCodec.encode(file)
        #expect(SidecarProperties.check(bytes) == nil)
        // Unknown fields and escapes spelled another way are read, kept and written back.
        var text = String(decoding: bytes, as: UTF8.self)
        text = text.replacingOccurrences(of: "{\n  \"annotations\"", with: "{\"future\": {\"a\": [1, 2.50, null]},\n  \"annotations\"")
        text = text.replacingOccurrences(of: "\"tags\"", with: "\"color\": \"\\u00e9\", \"tags\"")
        #expect(SidecarProperties.check(Array(text.utf8)) == nil)
    }

    @Test func rejectedInputsAreRejectedWithAReason() {
        for bad in ["", "{", "[]", "{\"schema\": \"reso.annotations/1\", \"schema\": \"x\"}", "\u{1B}"] {
            #expect(SidecarProperties.check(Array(bad.utf8)) == nil, "\(bad.debugDescription)")
            #expect(throws: (any Error).self) { try SidecarCodec.decode(Array(bad.utf8)) }
        }
    }
}
