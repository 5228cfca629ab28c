// The seed documents of the repository, picked exactly: the `.txt` files of seeds/ in sorted
// order, so that a sidecar a user left there (`….txt.reso.json`) is never taken for one, and
// no test names a seed.
import Foundation

enum SeedFixture {
    /// The seeds' file names, sorted.
    static let names: [String] = {
        let dir = TmuxSession.repository.appendingPathComponent("seeds").path
        let all = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return all.filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }.sorted()
    }()

    /// The first seed by sorted name ("" when there is none: copying it then fails the test).
    static var first: String { names.first ?? "" }

    /// The first seed as `reso show --format json` reads it, so that tests look for what the
    /// parse says rather than for words of one particular resolution: what the reader's header
    /// names it by (its symbol, else its file name), and the first five characters of its op1.
    static let firstParsed: (symbol: String, op1Opening: String) = {
        let path = TmuxSession.repository.appendingPathComponent("seeds").path + "/" + first
        guard let r = try? spawnAndWait(TmuxSession.binary, ["show", path, "--format", "json"]),
              let json = try? JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [String: Any]
        else { return (first, "\u{FFFF}no parse") }
        let symbol = ((json["meta"] as? [String: Any])?["symbol"] as? String) ?? first
        let op1 = ((json["operative"] as? [[String: Any]])?.first?["text"] as? String) ?? "\u{FFFF}no op1"
        return (symbol, String(op1.prefix(5)))
    }()

    static var firstSymbol: String { firstParsed.symbol }
    static var firstOp1Opening: String { firstParsed.op1Opening }
}
