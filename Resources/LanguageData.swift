// Gives the parser the language files in `languages/` (one JSON file per UN language).
// Kept as data so that a language can be added or corrected without touching the parser.
import Foundation

public enum LanguageDataFiles {
    /// Where the language files were looked for, in order: `$RESO_LANGUAGES`, the resource
    /// bundle beside the executable, the resource bundle of the build, the source tree.
    /// `Bundle.module` is not used: it stops the process when its bundle is missing, and a
    /// missing bundle must give a clear error instead.
    public static var searchPath: [String] {
        var out: [String] = []
        if let env = ProcessInfo.processInfo.environment["RESO_LANGUAGES"], !env.isEmpty { return [env] }
        let bundleName = "Reso_LanguageData.resources"
        out.append(Bundle.main.bundleURL.appendingPathComponent(bundleName).appendingPathComponent("languages").path)
        if let exe = Bundle.main.executableURL?.deletingLastPathComponent() {
            out.append(exe.appendingPathComponent(bundleName).appendingPathComponent("languages").path)
        }
        out.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("languages").path)
        return out
    }

    /// The folder the language files are read from: the first of `searchPath` that exists.
    public static var directory: String? {
        searchPath.first { path in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
        }
    }

    /// The raw bytes of every language file, keyed by language code (`zh`, `en` …), and
    /// the files that could not be read. Empty when there is no language folder at all.
    public static func load() -> (files: [String: Data], unreadable: [String]) {
        guard let dir = directory, let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
            return ([:], [])
        }
        var out: [String: Data] = [:]
        var unreadable: [String] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let path = (dir as NSString).appendingPathComponent(name)
            if let data = FileManager.default.contents(atPath: path) {
                out[String(name.dropLast(5))] = data
            } else {
                unreadable.append(path)
            }
        }
        return (out, unreadable)
    }

    /// The raw bytes of every readable language file, keyed by language code.
    public static func all() -> [String: Data] { load().files }
}
