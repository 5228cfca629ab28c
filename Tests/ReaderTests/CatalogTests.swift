// The big library's list (Catalog.swift) through the pure update: filters, sort, grouping,
// opening asks the app to parse, hits open at their paragraph, a refreshed index keeps the
// selection. The documents are the fixtures' real resolutions.
import Testing
@testable import Reader
import ResolutionKit

@Suite struct CatalogTests {
    static let entries = [
        CatalogEntry(relativePath: "2020/en/a.txt", symbol: "S/RES/1 (2020)", organ: "Security Council", date: "2020-01-10",
                     language: "en", units: 10),
        CatalogEntry(relativePath: "2020/zh/a.txt", symbol: "S/RES/1 (2020)", organ: "安全理事会", date: "2020-01-10",
                     language: "zh", units: 10),
        CatalogEntry(relativePath: "2021/en/b.txt", symbol: "S/RES/2 (2021)", organ: "Security Council", date: "2021-03-02",
                     language: "en", units: 12),
    ]

    static func state() -> ReaderState {
        ReaderState(catalog: entries, width: 120, height: 30, color: false, defaultTags: ["support"])
    }

    @Test func filtersNarrowTheListAndEscapeClearsThem() {
        var s = Self.state()
        #expect(s.screenText.contains("3 documents"))
        #expect(s.screenText.contains("2020/en/") && s.screenText.contains("2021/en/"))
        _ = s.press(.char("L"))
        #expect(s.catalog?.order == [0, 2])
        #expect(s.screenText.contains("2 of 3 documents · language en"))
        _ = s.press(.char("L"))
        #expect(s.catalog?.order == [1])
        _ = s.press(.char("L"))
        #expect(s.catalog?.order == [0, 1, 2])
        _ = s.press(.char("Y"), .char("Y"))
        #expect(s.catalog?.order == [2])
        _ = s.press(.escape)
        #expect(s.catalog?.order.count == 3)
    }

    @Test func theTagFilterKeepsDocumentsWhoseNotesCarryTheTag() {
        var s = Self.state()
        _ = s.press(.char("T"))
        #expect(s.catalog?.order == [0, 1, 2])          // no tags anywhere: nothing to filter by
        #expect(s.screenText.contains("No document has tagged notes yet"))
        var entries = Self.entries
        entries[0].tags = ["priority", "support"]
        entries[2].tags = ["oppose"]
        s = ReaderState(catalog: entries, width: 120, height: 30, color: false, defaultTags: ["support"])
        _ = s.press(.char("T"))                         // tags in order: oppose, priority, support
        #expect(s.catalog?.order == [2])
        #expect(s.screenText.contains("1 of 3 documents · tag oppose"))
        _ = s.press(.char("T"))
        #expect(s.catalog?.order == [0])
        _ = s.press(.char("L"))                         // and language en: still the same one
        #expect(s.catalog?.order == [0])
        #expect(s.screenText.contains("language en, tag priority"))
        _ = s.press(.escape)
        #expect(s.catalog?.order == [0, 1, 2])
    }

    @Test func openingAsksTheAppToParseAndHitsOpenAtTheirParagraph() {
        var s = Self.state()
        _ = s.press(.char("j"))
        #expect(s.press(.enter) == [.openDocument(doc: 1, paragraph: nil)])
        // The app answers with the parsed document; it replaces the placeholder and opens.
        let model = DocumentModel(path: "2020/zh/a.txt", document: Fixtures.chinese)
        _ = update(&s, .documentOpened(doc: 1, OpenedDocument(model), DocumentNotes(), paragraph: "op2"))
        #expect(s.view?.doc == 1)
        #expect(s.view.map { model.blocks[$0.current].id } == "op2")
        _ = s.press(.char("q"))
        #expect(s.view == nil)
        // A search goes to the app; its hits are listed, and Enter on a parsed one opens at once.
        _ = s.press(.char("/"))
        for c in "欢迎" { _ = s.press(.char(c.unicodeScalars.first!)) }
        #expect(s.press(.enter) == [.searchLibrary("欢迎")])
        _ = update(&s, .libraryHits(query: "欢迎", [CatalogHit(doc: 1, paragraph: "op1", snippet: "«欢迎»并敦促"),
                                                    CatalogHit(doc: 1, paragraph: "op2", snippet: "«欢迎»所有")]))
        #expect(s.screenText.contains("2020/zh/a.txt · op2 · «欢迎»所有"))
        _ = s.press(.char("j"))
        #expect(s.press(.enter) == [])
        #expect(s.view.map { model.blocks[$0.current].id } == "op2")
    }

    @Test func aRefreshedIndexKeepsFiltersAndSelection() {
        var s = Self.state()
        _ = s.press(.char("L"), .char("j"))
        #expect(s.catalog.map { $0.order[$0.selection] } == 2)
        var fresh = Self.entries
        fresh[2].title = "Now indexed"
        _ = update(&s, .catalogUpdated(fresh))
        #expect(s.catalog?.order == [0, 2])
        #expect(s.catalog.map { $0.order[$0.selection] } == 2)
        #expect(s.screenText.contains("Now indexed"))
    }
}
