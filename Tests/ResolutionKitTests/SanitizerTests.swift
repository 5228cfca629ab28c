// What reaches the terminal: every control shown as a placeholder, layout kept where asked,
// and text that needs nothing returned as it came (the fast path must not let anything by).
import ResolutionKit
import Testing

@Suite struct SanitizerTests {
    @Test func layoutIsKeptAndEverythingElseShown() {
        #expect(Sanitizer.visibleKeepingLayout("决议\n第二行\tend\r\n") == "决议\n第二行\tend\r\n")
        #expect(Sanitizer.visibleKeepingLayout("a\rb\n") == "a␍b\n")           // a lone CR overwrites
        #expect(Sanitizer.visibleKeepingLayout("x\u{1B}]52;c;aGk=\u{07}y\n").contains("\u{1B}") == false)
        #expect(Sanitizer.visibleKeepingLayout("abc\u{202E}cba\n").contains("\u{202E}") == false)
        #expect(Sanitizer.visibleKeepingLayout("ok\u{85}\n").contains("\u{85}") == false)   // C1 NEL
        #expect(Sanitizer.visibleKeepingLayout("\u{2067}rtl\u{2069}\n").unicodeScalars.allSatisfy { $0.value != 0x2067 && $0.value != 0x2069 })
        #expect(Sanitizer.visible("one\ntwo") == "one␊two")
    }

    @Test func longCleanOutputIsReturnedUnchanged() {
        let line = "S/RES/2532 (2020):op1: 决定 «terrorism» — مجلس الأمن\n"
        let text = String(repeating: line, count: 5_000)
        #expect(Sanitizer.visibleKeepingLayout(text) == text)
        let bad = text + "\u{1B}[2J"
        #expect(Sanitizer.visibleKeepingLayout(bad).hasSuffix("[2J"))
        #expect(!Sanitizer.visibleKeepingLayout(bad).contains("\u{1B}"))
    }
}
