// `$VISUAL` / `$EDITOR` (default `vi`) on a note, for `reso note FILE PARA` and the reader's `E`.
import Foundation

enum EditorLauncher {
    /// Opens the editor on `text` through a private temporary file (mkstemps: created with
    /// O_EXCL and mode 0600, so no planted link is followed and no one else reads the note).
    /// - Returns: the edited text without the one line break editors add at the end, or nil
    ///   when the user left it unchanged.
    static func edit(_ text: String) throws -> String? {
        let env = ProcessInfo.processInfo.environment
        let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty }
        if editor == nil && isatty(STDIN_FILENO) == 0 {
            throw UserFacingError("no TEXT given and no terminal to open an editor: pass the note as TEXT, or '-' to read it from standard input")
        }
        let command = editor ?? "vi"
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("reso-note-XXXXXX.md").utf8CString)
        let fd = mkstemps(&template, 3)
        guard fd >= 0 else { throw UserFacingError("cannot create a temporary file for the editor: \(String(cString: strerror(errno)))") }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let original = text.isEmpty ? "" : text + "\n"
        let written = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        try written.write(contentsOf: Data(original.utf8))
        try written.close()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor may carry flags (`code -w`), hence the shell; the path is passed as an
        // argument, never spliced into the command.
        p.arguments = ["-c", "\(command) \"$1\"", "reso-editor", path]
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw UserFacingError("\(command) exited with status \(p.terminationStatus); note unchanged")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserFacingError("the editor removed \(path); note unchanged")
        }
        var edited = String(decoding: data, as: UTF8.self)
        if edited == original || edited == text { return nil }
        if let last = edited.last, last == "\n" || last == "\r\n" { edited.removeLast() }
        return edited
    }
}
