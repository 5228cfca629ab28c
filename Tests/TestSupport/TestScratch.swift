import Foundation

/// One folder per test process for the files tests write, removed when the process exits.
///
/// Files written straight into the system's temporary folder were never removed, since a
/// file may be read by the binary after the test that wrote it has returned; one folder
/// removed at exit keeps them for the whole run and leaves nothing behind.
public enum TestScratch {
    private static let made: Result<String, Error> = Result {
        let path = NSTemporaryDirectory() + "/reso-tests-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        atexit { try? FileManager.default.removeItem(atPath: TestScratch.path) }
        return path
    }
    private static var path: String { (try? made.get()) ?? "" }

    /// The folder, made on first use.
    public static func folder() throws -> String { try made.get() }
}
