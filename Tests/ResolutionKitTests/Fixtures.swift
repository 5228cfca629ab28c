import Foundation
@testable import ResolutionKit

enum Fixtures {
    /// The repository root (Tests/ResolutionKitTests/Fixtures.swift → ../..).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func seedPath(_ prefix: String) -> String {
        let dir = root.appendingPathComponent("seeds").path
        let name = (try? FileManager.default.contentsOfDirectory(atPath: dir))?.first { $0.hasPrefix(prefix) } ?? prefix
        return dir + "/" + name
    }

    static func seedBytes(_ prefix: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: seedPath(prefix))!)
    }

    static func seedText(_ prefix: String) -> String { String(decoding: seedBytes(prefix), as: UTF8.self) }

    static func seed(_ prefix: String) throws -> ResolutionDocument { try ResolutionDocument.load(path: seedPath(prefix)) }

    static func parse(_ text: String) -> ResolutionDocument {
        ResolutionParser.parse(text: text, source: SourceInfo(path: "test.txt", sha256: "", encoding: "utf-8"))
    }

    /// What must not change when the same resolution is presented differently.
    static func shape(_ doc: ResolutionDocument) -> [String] {
        doc.units.map { "\($0.id)|\($0.text)|\($0.footnoteRefs.map { "\($0.number)@\($0.offset)" })" }
    }
}
