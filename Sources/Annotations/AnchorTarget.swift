// What annotations anchor to: a document's units in reading order, with the file's path, hash
// and symbol. Made from a parsed document, or from the units the library index stored for a
// file that has not changed since (so that `reso tag` on a long resolution does not parse it
// again: a 1.8 MB resolution took two thirds of the command's time to parse).

import Foundation
import ResolutionKit

public struct AnchorTarget: Sendable {
    public let path: String
    public let sha256: String
    public let symbol: String?
    let fingerprint: DocumentFingerprint
    /// The units, computed when the store's cached index of them does not fit (a parsed
    /// document walks its parts only then).
    private let makeUnits: @Sendable () -> [TextUnit]

    /// - Complexity: O(1) here; O(units) when the units are first needed.
    public init(_ document: ResolutionDocument) {
        path = document.source.path
        sha256 = document.source.sha256
        symbol = document.meta.symbol
        fingerprint = DocumentFingerprint(document)
        makeUnits = { document.units }
    }

    /// Units stored elsewhere (the library index), in the document's reading order.
    public init(path: String, sha256: String, symbol: String?, units: [TextUnit]) {
        self.path = path
        self.sha256 = sha256
        self.symbol = symbol
        fingerprint = DocumentFingerprint(path: path, sha256: sha256, units: units)
        makeUnits = { units }
    }

    /// The units in reading order (ids, kinds and texts; a parsed document's carry more).
    public var units: [TextUnit] { makeUnits() }

    /// Ids closest to a mistyped reference, for the error message.
    public func nearestIDs(to reference: String) -> [String] { TextUnit.nearestIDs(units.map(\.id), to: reference) }

    /// The id of the unit a user-typed reference names (`op24`, `pp3`, `fn2`, bare `24`), as
    /// `ResolutionDocument.resolveParagraph` resolves it; nil when there is none.
    /// - Complexity: O(units).
    public func unitID(for reference: String) -> String? {
        let r = reference.trimmingCharacters(in: .whitespaces)
        let id = Int(r).map { "op\($0)" } ?? r
        return units.contains { $0.id == id } ? id : nil
    }
}
