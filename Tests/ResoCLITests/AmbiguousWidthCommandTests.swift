// `--ambiguous-wide` and config.toml's `ambiguous_wide = true` as a user meets them: the
// built binary's text output wraps East Asian Ambiguous characters as two columns.
import Foundation
import Testing

@Suite struct AmbiguousWidthCommandTests {
    /// A Russian resolution of the corpus (Cyrillic letters are all ambiguous-width).
    func russianSeedlessFile() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reso-amb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("ru.txt").path
        let text = """
        S/RES/2517 (2020)
        Совет Безопасности,
        подтверждая все свои предыдущие резолюции и заявления Председателя о положении в Судане и подчеркивая важность их полного выполнения,
        1. постановляет, что Смешанная операция Африканского союза — Организации Объединенных Наций в Дарфуре сохраняет нынешнюю предельную численность военнослужащих и полицейских до 31 мая 2020 года;
        """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func flagAndConfigBothWidenAmbiguousCharacters() throws {
        let file = try russianSeedlessFile()
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        let config = (file as NSString).deletingLastPathComponent + "/xdg"
        try FileManager.default.createDirectory(atPath: config + "/reso", withIntermediateDirectories: true)
        let empty = ["XDG_CONFIG_HOME": config]
        let plain = try ShowCommandTests.run(["show", file, "--width", "50"], env: empty)
        let flagged = try ShowCommandTests.run(["show", file, "--width", "50", "--ambiguous-wide"], env: empty)
        #expect(plain.status == 0 && flagged.status == 0, "\(plain.stderr)\(flagged.stderr)")
        #expect(flagged.stdout.split(separator: "\n").count > plain.stdout.split(separator: "\n").count)
        // The words are the same; only the line breaks moved.
        #expect(flagged.stdout.split(whereSeparator: \.isWhitespace) == plain.stdout.split(whereSeparator: \.isWhitespace))

        try "ambiguous_wide = true\n\n[tags]\ndefault = [\"support\"]\n".write(toFile: config + "/reso/config.toml", atomically: true, encoding: .utf8)
        let configured = try ShowCommandTests.run(["show", file, "--width", "50"], env: empty)
        #expect(configured.stdout == flagged.stdout)
        let shown = try ShowCommandTests.run(["config", "--show"], env: empty)
        #expect(shown.stdout.contains("ambiguous_wide = true"))

        try "ambiguous_wide = \"yes\"\n".write(toFile: config + "/reso/config.toml", atomically: true, encoding: .utf8)
        let bad = try ShowCommandTests.run(["show", file, "--width", "50"], env: empty)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("line 1") && bad.stderr.contains("ambiguous_wide must be true or false"), "\(bad.stderr)")
        #expect(bad.stdout.isEmpty)
    }
}
