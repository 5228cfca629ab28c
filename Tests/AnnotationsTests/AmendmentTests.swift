// Phrases (W3C TextQuoteSelector quotes) and drafted amendments: finding and re-finding a
// quote, storing amendments beside a paragraph's note, their wording in the document's
// language on real corpus text, the redline, and the sidecar round trip.

import Foundation
import ResolutionKit
import Testing
@testable import Annotations

@Suite struct QuoteSelectorTests {
    @Test func findKeepsContextAndTellsOccurrencesApart() throws {
        let text = "Welcomes the report, and welcomes the progress made in bridging the divide;"
        let first = try #require(QuoteSelector.find("welcomes", in: text))
        #expect(first.exact == "Welcomes", "the folded match takes the words as printed")
        #expect(first.prefix.isEmpty && first.suffix.hasPrefix(" the report"))
        let second = try #require(QuoteSelector.find("welcomes", in: text, occurrence: 2))
        #expect(second.exact == "welcomes" && second.prefix.hasSuffix("report, and "))
        #expect(QuoteSelector.find("welcomes", in: text, occurrence: 3) == nil)
        #expect(QuoteSelector.find("deplores", in: text) == nil)
        // The context picks the right occurrence, not the first.
        let at = try #require(second.locate(in: Array(text.unicodeScalars)))
        #expect(at.lowerBound == Array("Welcomes the report, and ".unicodeScalars).count)
    }

    @Test func rewordedPhraseIsFoundBetweenItsContext() throws {
        let old = "Requests the Secretary-General to submit a short report on the implementation of this resolution;"
        let sel = try #require(QuoteSelector.find("short report", in: old))
        let new = "Requests the Secretary-General to submit a comprehensive report on the implementation of this resolution;"
        let moved = try #require(sel.relocated(in: new))
        #expect(moved.exact == "comprehensive report")
        // Words and context both gone: nothing is guessed.
        #expect(sel.relocated(in: "Decides to remain seized of the matter.") == nil)
    }

    @Test func cjkQuoteNeedsNoSpaces() throws {
        let text = "重申大会第 70/125 号决议所作承诺，即弥合国家之间和国家内部的数字鸿沟，包括性别方面的数字鸿沟"
        let second = try #require(QuoteSelector.find("数字鸿沟", in: text, occurrence: 2))
        #expect(second.prefix.hasSuffix("包括性别方面的") && second.suffix.isEmpty)
        #expect(QuoteSelector.count("数字鸿沟", in: text) == 2)
    }
}

@Suite struct AmendmentStoreTests {
    @Test func amendmentsLiveBesideTheNoteAndFollowTheirParagraph() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let store = SidecarStore(documentPath: doc.source.path)
        let q = try #require(QuoteSelector.find("a report", in: doc.operative[1].text))
        _ = try store.addTags(["amend"], paragraph: "op2", document: doc, quote: q)
        _ = try store.addAmendment(Amendment(action: .replace, text: "an annual report"), quote: q, paragraph: "op2", document: doc)
        let del = try #require(QuoteSelector.find("on the implementation", in: doc.operative[1].text))
        var (snap, made) = try store.addAmendment(Amendment(action: .delete), quote: del, paragraph: "op2", document: doc)
        #expect(snap.annotations.filter { $0.paragraph == "op2" }.count == 3)
        #expect(snap.annotation(for: "op2")?.tags == ["amend"], "the paragraph's note is still the tags-and-note one")
        #expect(snap.amendments.count == 2)
        // Tagging again edits the note, not an amendment.
        snap = try store.addTags(["priority"], paragraph: "op2", document: doc)
        #expect(snap.amendments.allSatisfy { $0.tags.isEmpty } && snap.annotation(for: "op2")?.tags == ["amend", "priority"])

        // A revision inserts a paragraph before op2 and rewords it: everything moves to op3,
        // the quotes are found again.
        var ops = Fixture.operative
        ops.insert("Stresses the importance of international cooperation;", at: 0)
        ops[2] = "Requests the Secretary-General to submit a report, in 2028, on the implementation of the present resolution;"
        let revised = Fixture.document(path: doc.source.path, preamble: Fixture.preamble, operative: ops)
        snap = try store.load(for: revised)
        #expect(snap.annotations.filter { $0.paragraph == "op3" }.count == 3, "\(snap.annotations.map(\.paragraph))")
        #expect(snap.amendments.allSatisfy { $0.anchor.exact == ops[2] })
        #expect(snap.amendments.first?.anchor.quote == "a report")
        #expect(snap.orphans.isEmpty)

        snap = try store.removeAnnotation(id: made.id, paragraph: "op2", document: doc)
        #expect(snap.amendments.count == 1)
        made.id = "none"
    }

    @Test func aQuoteThatVanishesIsReportedAndKept() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let store = SidecarStore(documentPath: doc.source.path)
        // The phrase ends the paragraph: no suffix to find a rewording by.
        let q = try #require(QuoteSelector.find("the present resolution", in: doc.operative[1].text))
        _ = try store.setNote("Too costly", paragraph: "op2", document: doc, quote: q)
        var ops = Fixture.operative
        ops[1] = "Requests the Secretary-General to submit a report on the implementation of this resolution;"
        let revised = Fixture.document(path: doc.source.path, preamble: Fixture.preamble, operative: ops)
        let snap = try store.load(for: revised)
        #expect(snap.annotation(for: "op2")?.note == "Too costly", "the note stays on its reworded paragraph")
        #expect(snap.annotation(for: "op2")?.anchor.quote == "the present resolution")
        #expect(snap.changes.contains { $0.kind == .quoteLost && $0.from == "op2" })
        // Reworded around a phrase whose context survives: the phrase is what lies between.
        ops[1] = "Requests the Secretary-General to submit an annual report on the implementation of the present resolution;"
        let q2 = try #require(QuoteSelector.find("a report", in: doc.operative[1].text))
        _ = try store.setNote("Too costly", paragraph: "op2", document: doc, quote: q2)
        let again = try store.load(for: Fixture.document(path: doc.source.path, preamble: Fixture.preamble, operative: ops))
        #expect(again.annotation(for: "op2")?.anchor.quote == "an annual report")
    }

    @Test func sidecarRoundTripsThroughBothDecoders() throws {
        var a = Annotation(paragraph: "op3", anchor: Anchor(exact: "Takes note of the report;", quote: "Takes note of",
                                                             prefix: "", suffix: " the report;"))
        a.kind = Annotation.amendmentKind
        a.amendment = Amendment(action: .replace, text: "Welcomes")
        var note = Annotation(paragraph: "op3", anchor: Anchor(exact: "Takes note of the report;"), tags: ["amend"])
        note.note = "see capital"
        let file = SidecarFile(document: SidecarDocumentInfo(file: "x.txt", sha256: "00", symbol: nil),
                               annotations: [note, a])
        let bytes = SidecarCodec.encode(file)
        let fast = try #require(FastSidecarParser.parse(bytes))
        let full = try SidecarCodec.fullDecode(bytes)
        #expect(fast == file && full == file)
        #expect(SidecarCodec.encode(fast) == bytes)
        // An action this version does not know is named, and nothing is guessed.
        let future = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"replace\"", with: "\"transpose\"")
        #expect(throws: (any Error).self) { try SidecarCodec.decode(Array(future.utf8)) }
        do { _ = try SidecarCodec.decode(Array(future.utf8)) } catch {
            #expect((error as? SidecarDecodeFailure)?.reason.contains("transpose") == true)
        }
        // Two tags-and-note annotations on one paragraph are still refused.
        let twice = SidecarFile(document: file.document, annotations: [note, note])
        #expect(throws: (any Error).self) { try SidecarCodec.decode(SidecarCodec.encode(twice)) }
    }
}

@Suite struct AmendmentWordingTests {
    func record(_ doc: ResolutionDocument, _ amendments: [(String, Amendment, String?)]) throws -> [ExportRecord] {
        var annotations: [Annotation] = []
        for (para, m, quote) in amendments {
            let unit = try #require(doc.resolveParagraph(para))
            var a = Annotation(paragraph: unit.id, anchor: Anchor(exact: unit.text))
            a.kind = Annotation.amendmentKind; a.amendment = m
            a.anchor.selector = try quote.map { try #require(QuoteSelector.find($0, in: unit.text)) }
            annotations.append(a)
        }
        return ExportRecord.records(document: doc, snapshot: SidecarSnapshot(annotations: annotations))
    }

    @Test func theIssuesEnglishForms() throws {
        let doc = Fixture.document(path: "/tmp/x.txt", preamble: Fixture.preamble,
                                   operative: ["Decides to act;", "Urges States;", "Takes note of the report;"])
        let rs = try record(doc, [("op3", Amendment(action: .replace, text: "welcomes"), "takes note of"),
                                  ("pp5", Amendment(action: .newParagraph, text: "Noting the report,"), nil),
                                  ("op2", Amendment(action: .delete), "States"),
                                  ("op1", Amendment(action: .insertAfter, text: " firmly"), "Decides")])
        let byPara = Dictionary(uniqueKeysWithValues: rs.map { ($0.paragraph, $0.amendment ?? "") })
        #expect(byPara["op3"] == "In operative paragraph 3, replace \"Takes note of\" with \"welcomes\"")
        #expect(byPara["pp5"] == "After preambular paragraph 5, insert the following new paragraph: \"Noting the report,\"")
        #expect(byPara["op2"] == "In operative paragraph 2, delete \"States\"")
        #expect(byPara["op1"] == "In operative paragraph 1, after \"Decides\", insert \"firmly\"", "typed spaces trimmed")
    }

    /// One real resolution per language from the corpus: the first operative paragraph's
    /// verb is replaced, and the sentence is the language's committee form around it.
    @Test(arguments: ["en", "fr", "zh", "es", "ru", "ar"])
    func corpusAmendmentsReadInTheDocumentsLanguage(language: String) throws {
        let dir = Fixture.repositoryRoot + "/../shared/corpus/sc-2020/" + language
        try #require(FileManager.default.fileExists(atPath: dir), "the corpus is at ../shared/corpus/sc-2020")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".plain.txt") }.sorted()
        var checked = 0
        for name in names.prefix(12) {
            let doc = try ResolutionDocument.load(path: dir + "/" + name)
            guard doc.language == language,
                  let op = doc.operative.first(where: { ($0.lead ?? "").count >= 2 && $0.number != nil }),
                  let lead = op.lead, let n = op.number else { continue }
            let rs = try record(doc, [(op.id, Amendment(action: .replace, text: "X"), lead)])
            let sentence = try #require(rs.first?.amendment)
            let expected: String
            switch language {
            case "en": expected = "In operative paragraph \(n), replace \"\(lead)\" with \"X\""
            case "fr": expected = "Au paragraphe \(n) du dispositif, remplacer «\u{00A0}\(lead)\u{00A0}» par «\u{00A0}X\u{00A0}»"
            case "zh": expected = "在执行部分第 \(n) 段中，将\"\(lead)\"改为\"X\""
            case "es": expected = "En el párrafo \(n) de la parte dispositiva, sustitúyase «\(lead)» por «X»"
            case "ru": expected = "В пункте \(n) постановляющей части заменить слова «\(lead)» словами «X»"
            default: expected = "في الفقرة \(n) من المنطوق، يستعاض عن عبارة «\(lead)» بعبارة «X»"
            }
            #expect(sentence == expected, "\(name)")
            checked += 1
        }
        #expect(checked >= 3, "at least three \(language) corpus resolutions have an operative verb")
    }

    @Test func redlineAppliesAmendmentsInOrder() throws {
        let doc = Fixture.document(path: "/tmp/x.txt", preamble: [], operative: ["Takes note of the report of the Secretary-General;"])
        let rs = try record(doc, [("op1", Amendment(action: .replace, text: "Welcomes"), "Takes note of"),
                                  ("op1", Amendment(action: .delete), " of the Secretary-General"),
                                  ("op1", Amendment(action: .insertAfter, text: "annual"), "the")])
        let pieces = AmendmentWording.redline(doc.operative[0].text, rs, joinWithSpace: true)
        #expect(pieces == [.deleted("Takes note of"), .inserted("Welcomes"), .kept(" "), .kept("the"), .inserted(" annual"),
                           .kept(" report "), .deleted("of the Secretary-General"), .kept(";")],
                "a quote is taken as search takes it: from its first to its last visible character")
    }
}
