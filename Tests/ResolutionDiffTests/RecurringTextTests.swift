import Foundation
import Testing
@testable import ResolutionDiff
import ResolutionKit

/// Versions whose paragraphs recur (a long text built by repeating a few paragraphs, as a
/// compilation or a benchmark input is): no text is unique, so patience anchoring finds
/// nothing, and every shingle is too common to propose a candidate. The pairing must still be
/// the true one, not everything removed and added.
@Suite struct RecurringTextTests {
    /// Operative paragraphs of one English corpus resolution.
    static func paragraphs() throws -> [String] {
        let dir = DiffFixtures.corpus + "/en"
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".plain.txt") }.sorted()
        for name in names {
            let text = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            let ops = text.split(separator: "\n").compactMap { line -> String? in
                guard let dot = line.firstIndex(of: "."), !line[..<dot].isEmpty, line[..<dot].allSatisfy(\.isNumber) else { return nil }
                let body = line[line.index(after: dot)...].trimmingCharacters(in: .whitespaces)
                return body.count > 60 && body.contains(" the ") ? body : nil
            }
            if ops.count >= 6 { return Array(ops.prefix(6)) }
        }
        throw DiffTestError.noCorpus
    }
    enum DiffTestError: Error { case noCorpus }

    static func text(_ paragraphs: [String]) -> String {
        "The Security Council,\n\n" + paragraphs.enumerated().map { "\($0.offset + 1).\t\($0.element)" }.joined(separator: "\n\n") + "\n"
    }

    @Test(arguments: [300, 600])
    func repeatedParagraphsPairInOrder(count: Int) throws {
        let base = try Self.paragraphs()
        let old = (0..<count).map { base[$0 % base.count] }
        var new: [String] = []
        var removed = 0, reworded = 0, added = 0
        for (i, p) in old.enumerated() {
            if i % 25 == 7 { removed += 1; continue }
            if i % 17 == 3 { new.append(p.replacingOccurrences(of: " the ", with: " the relevant ", options: [], range: p.range(of: " the "))); reworded += 1 }
            else { new.append(p) }
            if i % 31 == 5 { new.append("Requests the Secretary-General to report on the implementation of paragraph \(i) within ninety days;"); added += 1 }
        }
        let diff = Differ.compare(DiffFixtures.parse(Self.text(old)), DiffFixtures.parse(Self.text(new)))
        let c = diff.counts
        #expect(c[.removed, default: 0] == removed)
        #expect(c[.added, default: 0] == added)
        #expect(c[.changed, default: 0] == reworded)
        #expect(c[.unchanged, default: 0] == count - removed - reworded)
    }
}
