// The one way `reso` commands print. Data on stdout and messages on stderr both pass through
// here, so no control character, escape sequence or bidi override from a document, a note, a tag
// or a file name reaches the terminal raw (SPEC §9). Stdout is made safe even when it is a pipe:
// `reso notes | less -R` and `reso export | cat` end on a terminal too. Exact bytes are what
// `-o FILE` writes.
import Foundation
import ResolutionKit

enum ConsoleOutput {
    /// How to make a text safe without changing what it means.
    enum Content {
        /// Text for people: controls become visible placeholders (`␛`); LF and TAB stay.
        case text
        /// JSON: controls become `\uXXXX` escapes, so the output stays valid JSON of the same value.
        case json
    }

    /// Writes `text` to standard output, made safe for its kind of content.
    static func write(_ text: String, as content: Content = .text) {
        switch content {
        case .text: writeAll(STDOUT_FILENO, Sanitizer.visibleKeepingLayout(text))
        case .json: writeAll(STDOUT_FILENO, Sanitizer.jsonEscaped(text))
        }
    }

    /// UTF-8 bytes (the document JSON) to standard output, made safe like a string; written
    /// as they are, without a copy, when nothing in them needs it (the usual case).
    static func write(_ bytes: [UInt8], as content: Content) {
        if bytes.withUnsafeBufferPointer(Sanitizer.isSafe(utf8:)) {
            bytes.withUnsafeBufferPointer { writeAll(STDOUT_FILENO, $0) }
        } else {
            write(String(decoding: bytes, as: UTF8.self), as: content)
        }
    }

    /// JSON whose writer escaped every control already (`DocumentJSON.stream(_:terminalSafe:to:)`):
    /// written as it is, without the scan `write(_:as:)` makes of other bytes, which was a
    /// fifth of the JSON phase of a 16 MB document. Checked in debug builds.
    static func write(terminalSafeJSON bytes: [UInt8]) {
        assert(bytes.withUnsafeBufferPointer(Sanitizer.isSafe(utf8:)), "JSON from a terminal-safe writer held a control")
        bytes.withUnsafeBufferPointer { writeAll(STDOUT_FILENO, $0) }
    }

    /// One line of text on standard output.
    static func line(_ text: String) { write(text + "\n") }

    /// Text whose `open` … `close` marks become reverse video. The marks are swapped for escape
    /// sequences only after the text was made safe, so every escape byte reso sends is its own.
    static func write(_ text: String, highlighting open: String, _ close: String) {
        let safe = Sanitizer.visibleKeepingLayout(text)
        writeAll(STDOUT_FILENO, safe.replacingOccurrences(of: open, with: "\u{1B}[1;7m")
            .replacingOccurrences(of: close, with: "\u{1B}[0m"))
    }

    /// How a piece of `write(styled:)` looks on a terminal.
    enum Style {
        case plain, dim, removed, added
        var sgr: String? {
            switch self {
            case .plain: return nil
            case .dim: return "\u{1B}[2m"
            case .removed: return "\u{1B}[9;31m"
            case .added: return "\u{1B}[4;32m"
            }
        }
    }

    /// Pieces of text, each made safe on its own and then wrapped in its style's escape
    /// sequence: the only escapes written are reso's, whatever the text holds. Style ends at
    /// each line break, so a pager cut mid-piece does not leave a colour on.
    static func write(styled pieces: [(text: String, style: Style)]) {
        var out = ""
        for (text, style) in pieces {
            let safe = Sanitizer.visibleKeepingLayout(text)
            guard let sgr = style.sgr else { out += safe; continue }
            out += safe.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : sgr + $0 + "\u{1B}[0m" }.joined(separator: "\n")
        }
        writeAll(STDOUT_FILENO, out)
    }

    /// A message line on standard error (`reso: …` by convention of the caller).
    static func message(_ line: String) {
        writeAll(STDERR_FILENO, Sanitizer.visibleKeepingLayout(line.hasSuffix("\n") ? line : line + "\n"))
    }

    /// A progress line on standard error, rewritten in place (carriage return, then erase to the
    /// end of the line); an empty `line` erases it. Callers show it only when stderr is a terminal.
    static func progress(_ line: String) {
        writeAll(STDERR_FILENO, "\r" + Sanitizer.visibleKeepingLayout(line) + "\u{1B}[K")
    }

    /// True when standard output is a terminal that wants colour and styling.
    static var stylesStandardOutput: Bool {
        let env = ProcessInfo.processInfo.environment
        return isatty(STDOUT_FILENO) != 0 && (env["NO_COLOR"] ?? "").isEmpty && env["TERM"] != "dumb"
    }

    /// Writes every byte, retrying on EINTR; a closed pipe (`reso show … | head`) just stops.
    private static func writeAll(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { writeAll(fd, $0) }
    }

    private static func writeAll(_ fd: Int32, _ buf: UnsafeBufferPointer<UInt8>) {
        var offset = 0
        while offset < buf.count {
            let n = systemWrite(fd, buf.baseAddress! + offset, buf.count - offset)
            if n <= 0 { if errno == EINTR { continue }; break }
            offset += n
        }
    }
}

/// write(2); a top-level function so that `write` is not taken for ConsoleOutput's own.
func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }

/// exit(3), for the same reason as `systemWrite` (ParsableCommand has an `exit` of its own).
func terminate(_ status: Int32) -> Never { exit(status) }
