import Foundation
import Testing
@testable import ResolutionDiff
import ResolutionKit

enum DiffFixtures {
    /// The repository root (Tests/ResolutionDiffTests/DiffFixtures.swift → ../..).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/sc-2020").path

    /// Every seed document (`seeds/*.txt`), parsed.
    static func seeds() throws -> [ResolutionDocument] {
        let dir = root.appendingPathComponent("seeds").path
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { try ResolutionDocument.load(path: dir + "/" + $0) }
    }

    static func parse(_ text: String, path: String = "test.txt") -> ResolutionDocument {
        ResolutionParser.parse(text: text, source: SourceInfo(path: path, sha256: "", encoding: "utf-8"))
    }
}
