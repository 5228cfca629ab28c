// The public entry point of the structured sidecar fuzzer (Sources/FuzzSidecar) and of its
// replay test: the fuzzer's bytes are a recipe — a sidecar to build and a mutation to make
// to its encoding — and the checks are the codec's promises. Not used by reso itself.

/// Turns fuzz bytes into sidecars and checks the codec on them.
public enum SidecarFuzzing {
    /// Reads the recipe, builds and mutates a sidecar, and checks that:
    /// - a sidecar reso wrote is read back by the fast parser exactly as written;
    /// - whatever the fast parser accepts, the full decoder reads the same way;
    /// - whatever decodes, encodes and decodes again to the same file;
    /// - the raw bytes themselves obey the same rules.
    /// Returns a description of the first broken promise, or nil.
    /// - Complexity: O(n) in the recipe's length.
    public static func check(recipe: [UInt8]) -> String? {
        var r = Recipe(bytes: recipe)
        let file = r.sidecar()
        let encoded = SidecarCodec.encode(file)
        guard let fast = FastSidecarParser.parse(encoded) else { return "the fast parser declined reso's own output" }
        if fast != file { return "the fast parser misread reso's own output" }
        let mutated = r.mutate(encoded)
        if let problem = agreement(mutated) { return "mutated: \(problem) in \(String(decoding: mutated, as: UTF8.self).debugDescription)" }
        return agreement(recipe).map { "raw: " + $0 }
    }

    /// The fast parser and the full decoder agree, and a decoded file survives a round trip.
    static func agreement(_ bytes: [UInt8]) -> String? {
        let full = try? SidecarCodec.fullDecode(bytes)
        // The fast parser leaves the schema to `decode`, which rejects an unknown one
        // whichever parser read the file; the full decoder checks it first.
        if let fast = FastSidecarParser.parse(bytes), SidecarCodec.schemaProblem(fast.schema) == nil, fast != full {
            return full == nil ? "the fast parser accepted what the full decoder rejects" : "the two parsers disagree"
        }
        guard let decoded = try? SidecarCodec.decode(bytes) else { return nil }
        let again = SidecarCodec.encode(decoded)
        guard let back = try? SidecarCodec.decode(again) else { return "a decoded sidecar does not decode after encoding" }
        return back == decoded ? nil : "a decoded sidecar changes in a round trip"
    }

    /// A cursor over the fuzz bytes that never fails: past the end it reads zeros.
    struct Recipe {
        let bytes: [UInt8]
        var at = 0

        mutating func byte() -> UInt8 {
            defer { at += 1 }
            return at < bytes.count ? bytes[at] : 0
        }

        mutating func int(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(byte()) % bound }

        /// Strings mixing ASCII, escapes-to-be, controls, CJK, astral and bidi scalars.
        mutating func string() -> String {
            let pool: [Unicode.Scalar] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}",
                                         "é", "中", "，", "\u{2028}", "\u{202E}", "\u{FEFF}", "😀", "𝒳", "{", "}", "[", ":"]
            var s = String.UnicodeScalarView()
            for _ in 0..<int(12) { s.append(pool[int(pool.count)]) }
            return String(s)
        }

        mutating func annotation(_ k: Int) -> Annotation {
            var a = Annotation(id: "id\(k)-" + string(), paragraph: "op\(k)" + (int(3) == 0 ? string() : ""),
                               anchor: Anchor(exact: string(), quote: int(2) == 0 ? nil : string()),
                               tags: (0..<int(3)).map { _ in string() }.sorted(), note: int(2) == 0 ? nil : string(),
                               author: string(), created: string(), modified: string())
            a.tags = Array(Set(a.tags)).sorted()
            return a
        }

        mutating func sidecar() -> SidecarFile {
            let annotations = (0..<int(4)).map { annotation($0) }
            let orphans = (0..<int(3)).map { annotation(100 + $0) }
            var file = SidecarFile(document: SidecarDocumentInfo(file: string(), sha256: string(), symbol: int(2) == 0 ? nil : string()),
                                   annotations: annotations, orphans: orphans)
            if int(3) == 0 { file.unknownFields["future" + string()] = .string(string()) }
            return file
        }

        /// One edit of the encoded bytes: a cut, a changed byte, a copied span (which can
        /// duplicate a key), an inserted escape or number, or none.
        mutating func mutate(_ encoded: [UInt8]) -> [UInt8] {
            var b = encoded
            guard !b.isEmpty else { return b }
            let i = int(256) * b.count / 256, j = int(256) * b.count / 256
            switch int(6) {
            case 0: b.removeSubrange(min(i, b.count)...)
            case 1: b[min(i, b.count - 1)] = byte()
            case 2: let (lo, hi) = (min(i, j), max(i, j)); b.insert(contentsOf: b[lo..<hi], at: hi)
            case 3: b.insert(contentsOf: Array(["\\u0000", "\\ud800", "\\uDFFF", "1e999", "-0", "\"", ",", "]"][int(8)].utf8), at: i)
            case 4: b.insert(contentsOf: Array(" \t\r\n".utf8), at: i)
            default: break
            }
            return b
        }
    }
}
