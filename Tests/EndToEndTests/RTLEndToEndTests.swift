// The built reader in tmux on a real Arabic resolution (Tests/Fixtures/rtl, from the corpus):
// paragraphs drawn right to left and right-aligned, a phrase selected in visual mode and
// tagged (stored as its quote), and `--ambiguous-wide` wrapping.
import Foundation
import Testing

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
struct RTLEndToEndTests {
    static let arabicName = "S_RES_2517_2020-ar.txt"

    func scratchArabic() throws -> String {
        let dir = try scratchLibrary([])
        try FileManager.default.copyItem(atPath: TmuxSession.repository.appendingPathComponent("Tests/Fixtures/rtl/\(Self.arabicName)").path,
                                         toPath: dir + "/" + Self.arabicName)
        return dir
    }

    @Test func arabicIsDrawnRightToLeftAndAPhraseIsTagged() throws {
        let dir = try scratchArabic()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let width = 100
        let t = try TmuxSession(width: width, height: 30, args: [Self.arabicName], directory: dir)
        try t.waitFor(text: "S/RES/2517 (2020)")
        try t.send("o")
        // op1 as painted: its number at the right edge, then يقرر with its letters reversed.
        let screen = try t.waitFor(text: "ررقي .1")
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let op1 = try #require(rows.first { $0.contains("op1") && $0.contains("ررقي .1") })
        // Right-aligned: the row's last letter is in the last column (one column per scalar on
        // this row but for the combining marks; glibc's wcwidth needs a UTF-8 locale here).
        let trimmed = op1.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        #expect(trimmed.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }.count == width, "\(op1)")
        // The date reads right to left: 31, then أيار/مايو, then 2020.
        #expect(screen.contains("ويام/رايأ 31"))
        // No bidi control characters were sent to the terminal.
        let raw = try t.screen(escapes: true)
        #expect(!raw.unicodeScalars.contains { [0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                                0x2066, 0x2067, 0x2068, 0x2069].contains($0.value) })

        // Visual mode: the paragraph's first word (after "1. "), then tag 1 → the quote is stored.
        try t.send("v")
        try t.waitFor(text: "VISUAL")
        try t.send("e", "w", "e")
        try t.send("1")
        try t.waitFor(text: "[support]")
        try waitForFile("\(dir)/\(Self.arabicName).reso.json", containing: "\"quote\": \"يقرر أن\"")
        // At the paragraph's start there is no prefix; the suffix is the context after it.
        try waitForFile("\(dir)/\(Self.arabicName).reso.json", containing: "\"suffix\": \" تحافظ العملية")
        // The quoted words stay highlighted (underlined, in the mono and colour themes).
        let styled = try t.screen(escapes: true)
        #expect(styled.contains("\u{1B}[4m") || styled.contains(";4m") || styled.contains("[4;"), "no underline on the quote")
        try t.send("q")
        try t.waitFor("exit 0", history: true) { $0.contains("EXITED rc=0") }
    }

    @Test func ambiguousWideWrapsCyrillicShorter() throws {
        let dir = try scratchLibrary([])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let ru = dir + "/ru.txt"
        try """
        S/RES/2517 (2020)
        Совет Безопасности,
        1. постановляет, что Смешанная операция Африканского союза — Организации Объединенных Наций в Дарфуре сохраняет нынешнюю предельную численность военнослужащих и полицейских до 31 мая 2020 года;
        """.write(toFile: ru, atomically: true, encoding: .utf8)
        func rowsOfOp1(_ args: [String]) throws -> Int {
            let t = try TmuxSession(width: 80, height: 30, args: args, directory: dir)
            try t.waitFor(text: "S/RES/2517")
            try t.send("o")
            let screen = try t.waitFor(text: "▌op1")
            try t.send("q")
            try t.waitFor("exit 0", history: true) { $0.contains("EXITED rc=0") }
            return screen.split(separator: "\n").filter { $0.contains("▌") }.count
        }
        let narrow = try rowsOfOp1(["ru.txt"])
        let wide = try rowsOfOp1(["--ambiguous-wide", "ru.txt"])
        #expect(narrow >= 2)
        #expect(wide > narrow)
    }
}
