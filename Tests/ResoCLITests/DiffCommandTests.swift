import Foundation
import Testing

/// `reso diff` and `reso carry` as a user meets them: the built binary on files.
@Suite struct DiffCommandTests {
    static func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reso-diffcli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static let old = """
    The General Assembly,

    Recalling its resolution 70/1 of 25 September 2015 on the 2030 Agenda for Sustainable Development,

    1. Decides to convene a high-level meeting on the digital divide in 2027 at United Nations Headquarters;

    2. Requests the Secretary-General to submit a report on the implementation of the present resolution;

    3. Decides to remain seized of the matter.

    """
    /// op1 reworded, op2 removed (op3 renumbered), a new op2 added; a control character in it.
    static let new = """
    The General Assembly,

    Recalling its resolution 70/1 of 25 September 2015 on the 2030 Agenda for Sustainable Development,

    1. Decides to convene a high-level plenary meeting on the digital divide in 2028 at United Nations Headquarters;

    2. Invites Member States to share \u{1B}[2J good practices on broadband policy and regulation;

    3. Decides to remain seized of the matter.

    """

    @Test func textRedlineMarksChangesAndFoldsTheRest() throws {
        let dir = try Self.folder(); defer { try? FileManager.default.removeItem(at: dir) }
        let a = try Self.write(Self.old, "old.txt", in: dir), b = try Self.write(Self.new, "new.txt", in: dir)
        let r = try ShowCommandTests.run(["diff", a, b])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("high-level {+plenary +}meeting") || r.stdout.contains("{+plenary+}"), "\(r.stdout)")
        #expect(r.stdout.contains("[-2027-]{+2028+}"))
        #expect(r.stdout.contains("- op2 → ·") && r.stdout.contains("[-Requests the Secretary-General"))
        #expect(r.stdout.contains("+ ·   → op2") && r.stdout.contains("{+Invites Member States"))
        #expect(r.stdout.contains("= op3 → op3"))
        #expect(!r.stdout.contains("\u{1B}"), "a raw escape reached the output")
        #expect(r.stdout.contains("␛[2J"))
    }

    @Test func jsonFollowsTheSchema() throws {
        let dir = try Self.folder(); defer { try? FileManager.default.removeItem(at: dir) }
        let a = try Self.write(Self.old, "old.txt", in: dir), b = try Self.write(Self.new, "new.txt", in: dir)
        let r = try ShowCommandTests.run(["diff", a, b, "--format", "json"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "reso.diff/1" && json["mode"] as? String == "versions")
        let pairs = try #require(json["pairs"] as? [[String: Any]])
        let summary = pairs.map { "\($0["old"] as? String ?? "·")→\($0["new"] as? String ?? "·") \($0["status"] as! String)" }
        #expect(summary == ["pp1→pp1 unchanged", "op1→op1 changed", "op2→· removed", "·→op2 added", "op3→op3 unchanged"])
    }

    @Test func markdownStrikesAndBolds() throws {
        let dir = try Self.folder(); defer { try? FileManager.default.removeItem(at: dir) }
        let a = try Self.write(Self.old, "old.txt", in: dir), b = try Self.write(Self.new, "new.txt", in: dir)
        let r = try ShowCommandTests.run(["diff", a, b, "--format", "markdown"])
        #expect(r.stdout.contains("~~2027~~**2028**"), "\(r.stdout)")
        #expect(r.stdout.contains("removed: ~~Requests the Secretary-General"))
    }

    @Test func carryTwiceThenAMissingFileIsOneLine() throws {
        let dir = try Self.folder(); defer { try? FileManager.default.removeItem(at: dir) }
        let a = try Self.write(Self.old, "old.txt", in: dir), b = try Self.write(Self.new, "new.txt", in: dir)
        #expect(try ShowCommandTests.run(["note", a, "op2", "ask the Secretariat"]).status == 0)
        #expect(try ShowCommandTests.run(["tag", a, "op1", "priority"]).status == 0)
        let first = try ShowCommandTests.run(["carry", a, b])
        #expect(first.status == 0 && first.stdout.contains("1 to review") && first.stdout.contains("1 orphaned"), "\(first.stdout)\(first.stderr)")
        let second = try ShowCommandTests.run(["carry", a, b])
        #expect(second.stdout.contains("0 moved, 0 to review, 0 orphaned, 2 already there"), "\(second.stdout)")
        let missing = try ShowCommandTests.run(["diff", a, dir.appendingPathComponent("nope.txt").path])
        #expect(missing.status != 0 && missing.stderr.split(separator: "\n").count == 1)
    }
}
