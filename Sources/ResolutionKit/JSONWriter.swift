// The one JSON writer of the package: the document JSON (`reso show --format json`) and the
// sidecars (Annotations) both write through it, so that escaping and layout are decided once.
// Written by hand rather than with JSONEncoder: it runs on every sidecar save and on documents
// of tens of megabytes, and Foundation's encoder is several times slower on Linux.

/// A streaming JSON writer: two-space indentation, `"key": value`, empty containers as `[]`
/// and `{}`, UTF-8 kept as is; `"`, `\`, control characters and DEL escaped. The caller
/// decides key order. A value type used through `inout`, so that appends are not checked for
/// exclusivity at run time.
public struct JSONWriter {
    public internal(set) var bytes: [UInt8] = []
    private var depth = 0
    private var first = true
    private var afterKey = false

    /// Where a streaming writer hands its output, in pieces of about `chunk` bytes.
    private var sink: (([UInt8]) -> Void)? = nil
    private var chunk = Int.max
    /// See `init(streamingTo:chunk:escapingTerminalControls:)`.
    private var escapesTerminalControls = false

    public init(reservingCapacity capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// A writer that hands its output to `sink` in pieces as it goes, so that a document of
    /// tens of megabytes is never held whole as JSON next to the document itself. Pieces end
    /// between values, never inside a string, so each is whole UTF-8. Call `flush()` last.
    /// With `escapingTerminalControls`, strings also have their C1 controls (U+0080–U+009F)
    /// and bidi controls (`Sanitizer.isBidiControl`) written as `\uXXXX` escapes, as
    /// `Sanitizer.jsonEscaped` would write them: the output is then safe for a terminal as it
    /// is made (`Sanitizer.isSafe` holds for every piece), and need not be scanned again.
    public init(streamingTo sink: @escaping ([UInt8]) -> Void, chunk: Int = 1 << 16, escapingTerminalControls: Bool = false) {
        self.sink = sink
        self.chunk = chunk
        self.escapesTerminalControls = escapingTerminalControls
        bytes.reserveCapacity(chunk + 4096)
    }

    /// Hands what is left to the sink (streaming writers only).
    public mutating func flush() {
        if let sink, !bytes.isEmpty { sink(bytes); bytes.removeAll(keepingCapacity: true) }
    }

    private mutating func flushIfFull() {
        if bytes.count >= chunk, let sink { sink(bytes); bytes.removeAll(keepingCapacity: true) }
    }

    /// A writer for one value that the caller will place at nesting `depth` of a larger
    /// document (after its own separator and indentation): inner lines are indented for that
    /// depth, and nothing is written before the value itself.
    public init(nestedAtDepth depth: Int, reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
        self.depth = depth
        afterKey = true
    }

    /// A writer for elements of the array that this writer has open (its last call was
    /// `beginArray()` or an element), written apart, on another thread say: what it writes
    /// is what this writer would have written for the same elements, to be added with
    /// `appendElements(of:)` in order. `opening` says whether its elements start the
    /// array (no comma before the first).
    /// - Complexity: O(1) besides the capacity.
    func elementWriter(opening: Bool, reservingCapacity capacity: Int = 0) -> JSONWriter {
        var w = JSONWriter(reservingCapacity: capacity)
        w.depth = depth
        w.first = opening
        w.escapesTerminalControls = escapesTerminalControls
        return w
    }

    /// Adds the elements that `other` (an `elementWriter`) wrote to the open array (a
    /// streaming writer hands what it holds to its sink, then `other`'s bytes).
    /// - Complexity: O(n) in the bytes added.
    mutating func appendElements(of other: JSONWriter) {
        guard !other.bytes.isEmpty else { return }
        if let sink {
            // Handed on as they are, not copied: they are whole elements.
            flush()
            sink(other.bytes)
        } else {
            bytes.append(contentsOf: other.bytes)
        }
        first = false
    }

    /// Empties an element writer whose elements were added, for more of the same array.
    /// - Complexity: O(1); the capacity is kept.
    mutating func removeElements() {
        bytes.removeAll(keepingCapacity: true)
        first = false
    }

    /// A newline and 32 levels of indentation, appended in one piece (a save writes about a
    /// dozen indented lines per annotation, so byte-by-byte appends showed in the benchmark).
    /// A literal, read in place: a static array cost a lazy-initialisation check, a retain
    /// and an unspecialised slice append at every key of a document's JSON.
    private static let newlineAndSpaces: StaticString = "\n                                                                "

    private mutating func newlineIndent() {
        let width = depth * 2
        if width < Self.newlineAndSpaces.utf8CodeUnitCount {
            Self.newlineAndSpaces.withUTF8Buffer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0...width])) }
        } else {
            bytes.append(0x0A)
            for _ in 0..<width { bytes.append(0x20) }
        }
    }

    private mutating func beginValue() {
        if afterKey { afterKey = false; return }
        flushIfFull()
        if depth > 0 {
            if !first { bytes.append(0x2C) }
            newlineIndent()
        }
        first = false
    }

    /// A key known when the program is written: copied as is, so it must need no escaping
    /// (no `"`, `\` or control characters; checked in debug builds).
    public mutating func key(_ k: StaticString) {
        flushIfFull()
        if !first { bytes.append(0x2C) }
        newlineIndent()
        first = false
        bytes.append(0x22)
        k.withUTF8Buffer { utf8 in
            assert(!utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F })
            bytes.append(contentsOf: utf8)
        }
        bytes.append(0x22); bytes.append(0x3A); bytes.append(0x20)
        afterKey = true
    }

    /// A key read from data (escaped as any string).
    public mutating func key(text k: String) {
        if !first { bytes.append(0x2C) }
        newlineIndent()
        first = false
        writeString(k)
        bytes.append(0x3A); bytes.append(0x20)
        afterKey = true
    }

    public mutating func beginObject() { beginValue(); bytes.append(0x7B); depth += 1; first = true }
    public mutating func endObject() { depth -= 1; if !first { newlineIndent() }; bytes.append(0x7D); first = false }
    public mutating func beginArray() { beginValue(); bytes.append(0x5B); depth += 1; first = true }
    public mutating func endArray() { depth -= 1; if !first { newlineIndent() }; bytes.append(0x5D); first = false }

    /// An array of strings, one per line.
    public mutating func strings(_ items: [String]) { beginArray(); for s in items { string(s) }; endArray() }

    /// An array of strings on one line: `["a", "b"]` (short lists such as tags read better so).
    public mutating func inlineStrings(_ items: [String]) {
        beginValue()
        bytes.append(0x5B)
        for (i, s) in items.enumerated() {
            if i > 0 { bytes.append(0x2C); bytes.append(0x20) }
            writeString(s)
        }
        bytes.append(0x5D)
    }

    public mutating func string(_ s: String) { beginValue(); writeString(s) }
    public mutating func optional(_ s: String?) { if let s { string(s) } else { null() } }
    public mutating func int(_ n: Int) { beginValue(); bytes.append(contentsOf: String(n).utf8) }
    public mutating func bool(_ b: Bool) { beginValue(); bytes.append(contentsOf: (b ? "true" : "false").utf8) }
    public mutating func null() { beginValue(); bytes.append(contentsOf: "null".utf8) }

    /// A number exactly as it was read (so that a value reso does not interpret keeps its
    /// precision and spelling). The caller guarantees it is a valid JSON number.
    public mutating func number(verbatim text: String) { beginValue(); bytes.append(contentsOf: text.utf8) }

    /// Ends the document with one newline.
    public mutating func finish() { bytes.append(0x0A) }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            let n = utf8.count
            while i < n {
                // Eight bytes with nothing to escape are passed at once (a paragraph's text
                // has a quote or a control character in few of its words).
                if i + 8 <= n {
                    let w = ByteWords.load(utf8, i)
                    if !ByteWords.hasBelow(w, 0x20) && !ByteWords.has(w, 0x22) && !ByteWords.has(w, 0x5C) && !ByteWords.has(w, 0x7F)
                        && (!escapesTerminalControls || w & ByteWords.highs == 0 || Sanitizer.noControlLead(w, last: utf8[i + 7])) {
                        i += 8
                        continue
                    }
                }
                let b = utf8[i]
                i += 1
                if b >= 0x80 {
                    // A lead byte of a terminal control: the scalar is written escaped.
                    guard escapesTerminalControls, let (v, length) = Sanitizer.terminalControl(utf8, at: i - 1) else { continue }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<(i - 1)]))
                    bytes.append(0x5C); bytes.append(0x75)
                    for shift in stride(from: 12, through: 0, by: -4) { bytes.append(JSONWriter.hex[Int(v >> UInt32(shift)) & 0xF]) }
                    i += length - 1
                    runStart = i
                    continue
                }
                guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<(i - 1)]))
                runStart = i
                switch b {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                case 0x09: bytes.append(0x5C); bytes.append(0x74)
                default:
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, JSONWriter.hex[Int(b >> 4)], JSONWriter.hex[Int(b & 0xF)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(0x22)
    }
}
