// `reso merge-sidecar` (git's merge driver for sidecars) and `reso git-setup` (registers it).
import Annotations
import ArgumentParser
import Foundation

struct MergeSidecarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-sidecar",
        abstract: "Merge three versions of a sidecar (git merge driver); writes the result to OURS.",
        discussion: """
        git calls it as `reso merge-sidecar %O %A %B` once `reso git-setup` has run. Annotations \
        added on either side are kept; edits to different fields are both kept; tags merge as a \
        set; when both sides changed the same field, the later `modified` wins and the other \
        value is kept in the annotation's `conflicts` list. A deletion stands unless the other \
        side edited the annotation. Exit status 0 when the merge was written; 1 when a version \
        cannot be read (OURS is then left as it was and git reports a conflict).
        """
    )

    @Argument(help: "The common ancestor (git's %O; may be empty).") var base: String
    @Argument(help: "Our version (git's %A); the merge is written here.") var ours: String
    @Argument(help: "Their version (git's %B).") var theirs: String

    func run() throws {
        do {
            let settled = try SidecarMerge.mergeFiles(base: base, ours: ours, theirs: theirs)
            if settled > 0 {
                ConsoleOutput.message("reso merge-sidecar: \(settled) field(s) edited on both sides; the later edit won "
                                      + "and the other is kept in the annotation's `conflicts`")
            }
        } catch let e as SidecarError {
            throw UserFacingError("reso merge-sidecar: \(e)")
        }
    }
}

struct GitSetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git-setup",
        abstract: "Make git merge sidecars with reso (writes .gitattributes and the merge driver's config).",
        discussion: """
        Run inside a git repository. Adds `*.reso.json merge=reso` to .gitattributes at the top \
        of the work tree (once) and sets `merge.reso.name` and `merge.reso.driver` in the \
        repository's config (--global: in your global config). Each clone runs it once: git does \
        not copy config between clones.
        """
    )

    @Flag(help: "Write the driver to your global git config instead of the repository's.")
    var global = false

    func run() throws {
        let top = try Git.run(["rev-parse", "--show-toplevel"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let attributes = (top as NSString).appendingPathComponent(".gitattributes")
        let line = "*.reso.json merge=reso"
        let existing = (try? String(contentsOfFile: attributes, encoding: .utf8)) ?? ""
        if !existing.split(whereSeparator: \.isNewline).contains(where: { $0.trimmingCharacters(in: .whitespaces) == line }) {
            let text = existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + line + "\n"
            do { try ExportFile.write(text, to: attributes, force: true) } catch {
                throw UserFacingError("\(attributes): cannot write: \(error)")
            }
            ConsoleOutput.line("\(attributes): added \(line)")
        } else {
            ConsoleOutput.line("\(attributes): already has \(line)")
        }
        let scope = global ? ["--global"] : []
        let driver = "\(Git.shellQuoted(Git.resoCommand())) merge-sidecar %O %A %B"
        _ = try Git.run(["config"] + scope + ["merge.reso.name", "reso sidecar merge"])
        _ = try Git.run(["config"] + scope + ["merge.reso.driver", driver])
        ConsoleOutput.line("git config\(global ? " --global" : ""): merge.reso.driver = \(driver)")
    }
}

enum Git {
    /// Runs git with `arguments` in the current folder; its standard output, or an error with
    /// git's own message.
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out; process.standardError = err
        do { try process.run() } catch { throw UserFacingError("cannot run git: \(error)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let why = String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw UserFacingError("git \(arguments.joined(separator: " ")): \(why.isEmpty ? "failed" : why)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// `reso` when the `reso` found on PATH is this program, else this program's full path (so
    /// that `swift run reso git-setup` registers a driver that works).
    static func resoCommand() -> String {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let exe = Bundle.main.executableURL?.resolvingSymlinksInPath().path ?? me
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("reso").resolvingSymlinksInPath().path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate == exe ? "reso" : exe }
        }
        return exe
    }

    /// Quoted for the shell git runs the driver with, when it needs to be.
    static func shellQuoted(_ s: String) -> String {
        let plain = s.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "/._-+".unicodeScalars.contains($0) }
        return plain ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
