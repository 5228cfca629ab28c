import Foundation
import Testing
@testable import ResolutionKit

/// The held-out fixtures (Tests/Fixtures/typeset-html): the same corpus set by another
/// typesetter (Chromium, no running lines, endnotes, presentation-form Arabic). Floors as
/// reached; they say whether a change to the readers generalises beyond the LibreOffice set.
@Suite struct HeldOutTypesetTests {
    static let fixtures = Fixtures.root.appendingPathComponent("Tests/Fixtures/typeset-html").path

    static let floor: [FormatCorpusTests.Format: [String: Double]] = [
        .pdf: ["ar": 1.0, "en": 1.0, "es": 1.0, "fr": 1.0, "ru": 1.0, "zh": 1.0],
        .pdftotext: ["ar": 0.5, "en": 1.0, "es": 1.0, "fr": 1.0, "ru": 1.0, "zh": 1.0],
        .layout: ["ar": 1.0, "en": 1.0, "es": 1.0, "fr": 1.0, "ru": 0.5, "zh": 1.0],
    ]

    @Test(.enabled(if: FileManager.default.fileExists(atPath: fixtures)),
          arguments: [FormatCorpusTests.Format.pdf, .pdftotext, .layout])
    func eachLanguageStaysAtOrAboveItsFloor(_ format: FormatCorpusTests.Format) throws {
        let languages = try FormatCorpusTests.ratchet(Self.fixtures, format: format, floors: Self.floor[format] ?? [:],
                                                      suite: "HeldOutTypesetTests")
        #expect(languages >= 6)
    }

    /// Presentation forms (`ﻣﺠﻠﺲ الأﻣﻦ`, lam-alef `ﻻ`) unfold to the letters they show, in
    /// text as in PDF, so that openers and search see letters.
    @Test func arabicPresentationFormsUnfoldToLetters() {
        var text = "ﻣﺠﻠﺲ الأﻣﻦ ﻻ".scalars
        PresentationForms.unfold(&text)
        #expect(text.string == "مجلس الأمن لا")
        let lines = LineSplitter.split("وإذ ﻳﺆﻛﺪ ﻣﻦ ﺟﺪﻳﺪ،\n")
        #expect(lines.first?.text.string == "وإذ يؤكد من جديد،")
    }

    /// Latin ligatures copied from a PDF (`ﬁrst`, `beneﬁts`, `eﬀorts`) read as their letters in
    /// text too, and a line holding one is no Arabic line.
    @Test func latinLigaturesInTextReadAsLetters() {
        let doc = ResolutionParser.parse(text: "The Security Council,\n\nWelcoming the eﬀorts and the beneﬁts,\n\n1. Decides ﬁrst that the ﬂows stop;\n",
                                         source: SourceInfo(path: "t.txt", sha256: "", encoding: "utf-8"))
        #expect(doc.preamble.map(\.text) == ["Welcoming the efforts and the benefits,"])
        #expect(doc.operative.first?.text == "Decides first that the flows stop;")
        #expect(doc.language == "en")
    }
}
