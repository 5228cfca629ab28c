// The on-disk form of a sidecar (SPEC.md section 5) and the errors of reading and writing it.
// Decoding lives in SidecarFile+Decoding.swift and SidecarFile+FastParser.swift, the byte
// layout in SidecarFile+Encoding.swift.

import ResolutionKit

public let sidecarSchema = "reso.annotations/1"

/// Which document a sidecar was last written against.
struct SidecarDocumentInfo: Hashable, Sendable {
    var file: String
    var sha256: String
    var symbol: String?
    /// Fields of `document` that this version of reso does not know, kept through saves.
    var unknownFields: [String: JSONValue] = [:]

    init(file: String, sha256: String, symbol: String?) {
        self.file = file; self.sha256 = sha256; self.symbol = symbol
    }

    /// True when the fields reso writes differ (unknown fields are carried, not compared).
    func differsInKnownFields(from other: SidecarDocumentInfo) -> Bool {
        file != other.file || sha256 != other.sha256 || symbol != other.symbol
    }
}

struct SidecarFile: Hashable, Sendable {
    var schema: String
    var document: SidecarDocumentInfo
    var annotations: [Annotation]
    var orphans: [Annotation]
    /// Top-level fields that this version of reso does not know (a newer reso wrote them).
    /// Every save writes them back: an older reso must not destroy what a newer one wrote.
    var unknownFields: [String: JSONValue] = [:]

    init(document: SidecarDocumentInfo, annotations: [Annotation] = [], orphans: [Annotation] = []) {
        schema = sidecarSchema; self.document = document
        self.annotations = annotations; self.orphans = orphans
    }
}

public enum SidecarError: Error, CustomStringConvertible, Equatable {
    /// The sidecar exists but cannot be used; it is left untouched.
    case unreadable(path: String, reason: String)
    /// Reading or writing failed at the system level, or the path is not one reso may write.
    case io(path: String, reason: String)
    case unknownParagraph(reference: String, file: String, nearest: [String])
    case badTag(String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot read the sidecar: \(reason); it was left as it is and nothing was written"
        case let .io(path, reason): return "\(path): \(reason)"
        case let .unknownParagraph(reference, file, nearest):
            let hint = nearest.isEmpty ? "the document has no paragraphs" : "nearest: " + nearest.joined(separator: ", ")
            return "\(file): no paragraph '\(reference)' (\(hint))"
        case let .badTag(reason): return reason
        }
    }
}

struct SidecarDecodeFailure: Error { var reason: String }
