// Issue 12 item 2: the bash completion ArgumentParser generates, driven by bash itself, offers
// documents, then the document's own paragraph ids (`reso tag FILE op<TAB>`), then tags.
import Foundation
import Testing

@Suite struct CompletionTests {
    /// COMPREPLY after completing `line` (the cursor at its end) in a bash that sourced reso's script.
    static func complete(_ line: String) throws -> [String] {
        let script = try ShowCommandTests.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reso-completion-\(UUID().uuidString).bash").path
        try script.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
        let program = """
        source '\(file)'
        COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
        _reso
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["--noprofile", "--norc", "-c", program]
        p.currentDirectoryURL = ShowCommandTests.root
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = URL(fileURLWithPath: ShowCommandTests.binary).deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return text.split(separator: "\n").map(String.init)
    }

    static func seed() throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: ShowCommandTests.root.appendingPathComponent("seeds").path)
        return "seeds/" + names.filter { $0.hasSuffix(".txt") }.sorted()[0]
    }

    @Test func afterTheFileComeItsParagraphIDs() throws {
        let seed = try Self.seed()
        let json = try ShowCommandTests.run(["show", seed, "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let operative = (doc["operative"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(!operative.isEmpty)
        let got = try Self.complete("reso tag \(seed) op")
        #expect(Set(got.filter { $0.hasPrefix("op") }) == Set(operative.filter { $0.hasPrefix("op") }).union(
            Set(Self.subparagraphIDs(doc))), "\(got.prefix(20))")
        let note = try Self.complete("reso note \(seed) pp")
        #expect(note.contains("pp1") && !note.contains { $0.hasPrefix("op") })
    }

    @Test func firstDocumentsThenTags() throws {
        let files = try Self.complete("reso tag seeds/0")
        #expect(files.contains(try Self.seed()))
        let tags = try Self.complete("reso tag \(try Self.seed()) op1 su")
        #expect(tags == ["support"])
    }

    static func subparagraphIDs(_ doc: [String: Any]) -> [String] {
        func walk(_ items: [[String: Any]]) -> [String] {
            items.flatMap { ([$0["id"] as? String].compactMap { $0 }) + walk($0["subparagraphs"] as? [[String: Any]] ?? []) }
        }
        return walk(doc["operative"] as? [[String: Any]] ?? []).filter { $0.contains(".") }
    }
}
