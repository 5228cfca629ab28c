// The sidecar reader's properties, as one public entry point that the fuzzer
// (Sources/FuzzSidecar) and the tests call. A fuzzer that only looks for crashes would miss
// the failures that lose notes: two readers that disagree, or a save that reads back as
// something else. So every accepted input is also checked for those.

import ResolutionKit

public enum SidecarProperties {
    /// What `check` found wrong; nil means the input held every property.
    public struct Violation: Error, CustomStringConvertible {
        public var description: String
    }

    /// Decodes `bytes` as a sidecar. When it is accepted:
    /// - the fast parser, when it takes the file, reads it exactly as the strict reader does;
    /// - writing it and reading it back gives the same sidecar (unknown fields included);
    /// - writing that again gives the same bytes (the layout is a fixed point).
    /// A rejected input must be rejected with a reason.
    /// - Complexity: O(n) in the input's bytes.
    public static func check(_ bytes: [UInt8]) -> Violation? {
        let file: SidecarFile
        do { file = try SidecarCodec.decode(bytes) } catch {
            return error.reason.isEmpty ? Violation(description: "rejected without a reason") : nil
        }
        if let fast = FastSidecarParser.parse(bytes) {
            guard let strict = try? SidecarCodec.fullDecode(bytes) else {
                return Violation(description: "the fast parser accepts what the strict reader rejects")
            }
            if fast != strict { return Violation(description: "the fast parser and the strict reader disagree") }
        }
        let written = SidecarCodec.encode(file)
        guard let again = try? SidecarCodec.decode(written) else {
            return Violation(description: "a saved sidecar cannot be read back")
        }
        if again != file { return Violation(description: "a saved sidecar reads back differently") }
        if SidecarCodec.encode(again) != written { return Violation(description: "saving twice changes the bytes") }
        return nil
    }
}
