// Shared helpers: synthetic documents, temporary folders, running the built `reso` binary.

import Foundation
import ResolutionKit
import TestSupport
import Testing
@testable import Annotations
#if canImport(Glibc)
import Glibc
#endif

enum Fixture {
    /// A fresh empty folder, removed by the caller with `cleanup`.
    static func folder(_ label: String = #function) -> String {
        let safe = label.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.prefix(24)
        let path = NSTemporaryDirectory() + "reso-annot-\(String(String.UnicodeScalarView(safe)))-\(getpid())-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func cleanup(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    /// A document built directly (no parser): preambular texts, operative texts, footnotes.
    static func document(path: String, preamble: [String], operative: [String], footnotes: [String] = [],
                         subparagraphs: [Int: [String]] = [:], symbol: String? = "A/RES/80/1",
                         title: String? = "Test resolution", language: String = "en") -> ResolutionDocument {
        let pp = preamble.enumerated().map { i, t in
            Paragraph(id: "pp\(i + 1)", kind: .preambular, index: i + 1, lead: t.split(separator: " ").first.map(String.init), text: t)
        }
        let op = operative.enumerated().map { i, t in
            Paragraph(id: "op\(i + 1)", kind: .operative, index: i + 1, number: i + 1,
                      lead: t.split(separator: " ").first.map(String.init), text: t,
                      subparagraphs: (subparagraphs[i + 1] ?? []).enumerated().map { j, s in
                          let label = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(j)))
                          return Subparagraph(id: "op\(i + 1).\(label)", label: label, text: s)
                      })
        }
        let fns = footnotes.enumerated().map { i, t in Footnote(id: "fn\(i + 1)", number: i + 1, text: t) }
        let all = (preamble + operative + footnotes).joined(separator: "\n")
        return ResolutionDocument(source: SourceInfo(path: path, sha256: SHA256.hex(all), encoding: "utf-8"),
                                  language: language, meta: DocumentMeta(symbol: symbol, status: .adopted, title: title),
                                  preamble: pp, operative: op, footnotes: fns)
    }

    static let preamble = [
        "Recalling its resolution 70/1 of 25 September 2015, entitled \"Transforming our world\",",
        "Reaffirming the commitment to bridge the digital divide between and within countries,",
        "Noting with concern that more than half of the world's population is still offline,",
        "Welcoming the efforts of the Commission on Science and Technology for Development,",
        "Recognizing the role of broadband connectivity in sustainable development,",
    ]
    static let operative = [
        "Decides to convene a high-level meeting on the digital divide in 2027;",
        "Requests the Secretary-General to submit a report on the implementation of the present resolution;",
        "Encourages Member States to collect data on access to information and communications technologies;",
        "Invites the regional commissions to share good practices on broadband policy;",
        "Decides to remain seized of the matter.",
    ]

    static func sample(in folder: String, name: String = "res.txt") -> ResolutionDocument {
        document(path: folder + "/" + name, preamble: preamble, operative: operative,
                 footnotes: ["See A/C.2/59/3 and A/60/687.", "General Assembly resolution 217 A (III)."],
                 subparagraphs: [3: ["in national statistics offices;", "with disaggregation by sex and age;"]])
    }

    /// The seed documents, sorted: exactly the files whose name ends in `.txt`, so that a
    /// sidecar (`….txt.reso.json`) or an export a user left in `seeds/` is never taken for one.
    static func seedNames() throws -> [String] { try documentNames(in: repositoryRoot + "/seeds") }

    /// The names of the `.txt` documents of `dir`, sorted (hidden files and other suffixes left out).
    static func documentNames(in dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }.sorted()
    }

    /// The name of the first seed in sorted order (tests never name a seed).
    static func firstSeedName() throws -> String {
        try #require(try seedNames().first, "seeds/ holds at least one .txt document")
    }

    /// The first seed copied into `folder` (documents are read-only in the repository), under
    /// its own name; returns the copy's path.
    static func seedCopy(in folder: String) throws -> String {
        let name = try firstSeedName()
        let target = folder + "/" + name
        try FileManager.default.copyItem(atPath: repositoryRoot + "/seeds/" + name, toPath: target)
        return target
    }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    /// The `reso` executable built next to this test bundle (or `$RESO_BIN`).
    static var resoBinary: String? {
        if let env = ProcessInfo.processInfo.environment["RESO_BIN"], FileManager.default.isExecutableFile(atPath: env) {
            return env
        }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("reso").path
            if FileManager.default.isExecutableFile(atPath: candidate) && !isDirectory(candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    static func isDirectory(_ path: String) -> Bool {
        var d: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &d) && d.boolValue
    }

    /// The temporary files of `store`'s saves now in its folder (random names after a prefix).
    static func temporaryFiles(of store: SidecarStore) -> [String] {
        let prefix = (store.temporaryPrefix as NSString).lastPathComponent
        let folder = store.sidecarFolder.isEmpty ? "." : store.sidecarFolder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasPrefix(prefix) }.map { folder + "/" + $0 }
    }

    static func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }
}

/// Runs a child process with posix_spawn. Swift Testing's threads block signals and a child
/// inherits that mask, so the child gets an empty mask and default dispositions.
struct Child {
    let pid: pid_t
    let stdoutPath: String
    let stderrPath: String

    static func spawn(_ executable: String, _ args: [String], environment: [String: String] = [:],
                      stdin: String? = nil, in folder: String) throws -> Child {
        let tag = UUID().uuidString.prefix(8)
        let out = folder + "/.out-\(tag)", err = folder + "/.err-\(tag)"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var env = ProcessInfo.processInfo.environment
        env["RESO_STORE"] = nil
        for (k, v) in environment { env[k] = v }
        // posix_spawn has no portable chdir action: a shell changes folder, then execs in place
        // (same pid, so signals reach the program itself).
        let pid = try CleanSpawn.start("/bin/sh", ["-c", "cd \"$1\" && shift && exec \"$@\"", "sh", folder, executable] + args,
                                       environment: env, actions: &actions).get()
        return Child(pid: pid, stdoutPath: out, stderrPath: err)
    }

    /// Waits; returns the exit status, or 128 + signal when killed.
    @discardableResult
    func wait() -> Int32 { CleanSpawn.wait(pid) }

    // Decoded by hand: String(contentsOfFile:) would silently drop a byte-order mark.
    var stdout: String { String(decoding: Fixture.bytes(stdoutPath) ?? [], as: UTF8.self) }
    var stderr: String { String(decoding: Fixture.bytes(stderrPath) ?? [], as: UTF8.self) }

    /// Runs `reso` to completion in `folder`.
    static func reso(_ args: [String], in folder: String, environment: [String: String] = [:],
                     stdin: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let bin = try #require(Fixture.resoBinary, "the reso binary is built next to the test bundle")
        let child = try spawn(bin, args, environment: environment, stdin: stdin, in: folder)
        let status = child.wait()
        defer { unlink(child.stdoutPath); unlink(child.stderrPath) }
        return (status, child.stdout, child.stderr)
    }
}

/// A strict RFC 4180 reader, to prove the CSV export parses back.
enum CSVReader {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var scalars = Array(text.unicodeScalars)[...]
        var quoted = false, fieldStarted = false
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case "\"":
                guard !fieldStarted else { throw Failure(description: "quote inside an unquoted field: \(field)") }
                quoted = true; fieldStarted = true
            case ",":
                row.append(field); field = ""; fieldStarted = false
            case "\r":
                guard scalars.popFirst() == "\n" else { throw Failure(description: "CR without LF") }
                row.append(field); rows.append(row); row = []; field = ""; fieldStarted = false
            case "\n":
                throw Failure(description: "bare LF outside quotes (RFC 4180 wants CRLF)")
            default:
                field.unicodeScalars.append(c); fieldStarted = true
            }
        }
        if quoted { throw Failure(description: "unterminated quoted field") }
        if fieldStarted || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
