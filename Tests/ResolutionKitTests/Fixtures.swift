import Foundation
import Testing
@testable import ResolutionKit

enum Fixtures {
    /// The repository root (Tests/ResolutionKitTests/Fixtures.swift → ../..).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The seed documents in sorted order: exactly the files of seeds/ whose name ends in
    /// `.txt`, so that a sidecar (`….txt.reso.json`) or an export a user left there after
    /// trying the README's commands is never taken for a document.
    static let seedPaths: [String] = documents(in: root.appendingPathComponent("seeds").path)

    /// The `.txt` documents of `dir`, sorted (hidden files and every other suffix left out).
    static func documents(in dir: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }.sorted().map { dir + "/" + $0 }
    }

    /// The seed at `ordinal` in sorted order ("000" is the first, "001" the second…), never
    /// picked by file name. A missing one fails the calling test (not the whole run): the path
    /// returned then does not exist, so loading it throws.
    static func seedPath(_ ordinal: String) -> String {
        guard let n = Int(ordinal), n >= 0, n < seedPaths.count else {
            Issue.record("there is no seed number \(ordinal) (seeds/ holds \(seedPaths.count) .txt files)")
            return root.appendingPathComponent("seeds/missing-seed-\(ordinal)").path
        }
        return seedPaths[n]
    }

    /// The seed's bytes; a seed that cannot be read fails the calling test and gives no bytes.
    static func seedBytes(_ ordinal: String) -> [UInt8] {
        let path = seedPath(ordinal)
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("cannot read \(path)")
            return []
        }
        return [UInt8](data)
    }

    static func seedText(_ ordinal: String) -> String { String(decoding: seedBytes(ordinal), as: UTF8.self) }

    static func seed(_ ordinal: String) throws -> ResolutionDocument { try ResolutionDocument.load(path: seedPath(ordinal)) }

    /// A pdftotext extraction in Tests/Fixtures/pdftotext-shapes, loaded as a user opens it.
    static func pdftotextShape(_ name: String) throws -> ResolutionDocument {
        try ResolutionDocument.load(path: root.appendingPathComponent("Tests/Fixtures/pdftotext-shapes/" + name).path)
    }

    static func parse(_ text: String) -> ResolutionDocument {
        ResolutionParser.parse(text: text, source: SourceInfo(path: "test.txt", sha256: "", encoding: "utf-8"))
    }

    /// What must not change when the same resolution is presented differently.
    static func shape(_ doc: ResolutionDocument) -> [String] {
        doc.units.map { "\($0.id)|\($0.text)|\($0.footnoteRefs.map { "\($0.number)@\($0.offset)" })" }
    }
}
