// Who is writing: the `author` of new annotations and the byline of a brief.
// `$RESO_AUTHOR` (read on every call, so a caller can change it), else `git config user.name`
// (people who keep their notes in git have set it), else the login name; "unknown" only when
// none of these is set.

import Foundation

enum AuthorName {
    static func current(environment env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let v = clean(env["RESO_AUTHOR"]) { return v }
        return fallback
    }

    /// Looked up once per process: running git costs a few milliseconds.
    static let fallback: String = {
        let env = ProcessInfo.processInfo.environment
        if let name = gitUserName() { return name }
        for key in ["USER", "LOGNAME"] { if let v = clean(env[key]) { return v } }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name, let v = clean(String(cString: name)) { return v }
        return "unknown"
    }()

    static func clean(_ value: String?) -> String? {
        guard let v = value?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
        // One line, no control characters: it goes into headings and CSV cells.
        let flat = String(String.UnicodeScalarView(v.unicodeScalars.filter { $0.properties.generalCategory != .control }))
        return flat.isEmpty ? nil : flat
    }

    /// `git config user.name`, or nil when git is missing or has no name set.
    static func gitUserName() -> String? {
        let candidates = ["/usr/bin/git", "/usr/local/bin/git", "/bin/git"]
        guard let git = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: git)
        p.arguments = ["config", "--get", "user.name"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        return clean(String(decoding: data, as: UTF8.self))
    }
}
