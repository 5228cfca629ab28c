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
}
