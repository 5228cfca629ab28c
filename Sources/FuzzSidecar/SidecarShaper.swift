/// Turns fuzzer bytes into sidecar-shaped JSON text. Each byte read is a choice; when the
/// bytes run out every choice is 0, which yields the smallest valid sidecar, so short inputs
/// are valid files and the fuzzer spends its time near the format rather than outside it.
struct SidecarShaper {
    private let bytes: [UInt8]
    private var at = 0
    private var out: [UInt8] = []

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private mutating func choice(_ n: Int) -> Int {
        guard at < bytes.count, n > 1 else { return 0 }
        defer { at += 1 }
        return Int(bytes[at]) % n
    }

    private mutating func emit(_ s: String) { out.append(contentsOf: s.utf8) }

    private mutating func space() {
        switch choice(8) {
        case 1: emit(" ")
        case 2: emit("\n  ")
        case 3: emit("\t")
        default: break
        }
    }

    /// A JSON string: plain words, CJK, escapes, control characters escaped, surrogate pairs,
    /// and (rarely) a lone surrogate or a raw control byte, which a reader must reject.
    private mutating func string(_ base: String) {
        emit("\"")
        emit(base)
        for _ in 0..<choice(6) {
            switch choice(12) {
            case 0: emit("a")
            case 1: emit("决议")
            case 2: emit("\\n")
            case 3: emit("\\\"")
            case 4: emit("\\u001b]0;x\\u0007")
            case 5: emit("\\ud83d\\ude00")
            case 6: emit("\\u00e9")
            case 7: emit("\\\\")
            case 8: emit("\\ud800")          // lone surrogate
            case 9: out.append(0x1B)          // raw control character: invalid JSON
            case 10: emit("\\u202e")
            default: emit(" ")
            }
        }
        emit("\"")
    }

    private mutating func value(depth: Int) {
        switch choice(depth > 3 ? 5 : 8) {
        case 0: string("")
        case 1: emit(["0", "-1", "1.5e3", "12345678901234567890", "-0.0", "1E-7"][choice(6)])
        case 2: emit(["true", "false", "null"][choice(3)])
        case 3: emit("[]")
        case 4: emit("{}")
        case 5:
            emit("[")
            for i in 0..<choice(4) { if i > 0 { emit(",") }; space(); value(depth: depth + 1) }
            emit("]")
        default:
            emit("{")
            for i in 0..<choice(4) {
                if i > 0 { emit(",") }
                string(["x", "color", "future", "note"][choice(4)]); emit(":"); space(); value(depth: depth + 1)
            }
            emit("}")
        }
    }

    /// Known fields in a shuffled order, sometimes one left out or given twice, plus unknown ones.
    private mutating func object(_ fields: [(String, (inout SidecarShaper) -> Void)]) {
        var order = fields
        for i in order.indices.reversed() where i > 0 { order.swapAt(i, choice(i + 1)) }
        if choice(16) == 1 { order.removeLast() }
        if choice(16) == 1, let first = order.first { order.append(first) }   // a duplicate key
        for _ in 0..<choice(3) { order.append((["future", "color", "x-team"][choice(3)], { $0.value(depth: 1) })) }
        emit("{"); space()
        for (i, (key, body)) in order.enumerated() {
            if i > 0 { emit(","); space() }
            string(key); space(); emit(":"); space()
            body(&self)
        }
        space(); emit("}")
    }

    private mutating func annotation(_ n: Int) {
        object([
            ("id", { $0.string("id-\(n)") }),
            ("paragraph", { $0.string(["op1", "pp2", "op3.a", "h1", "fn2"][n % 5] + ($0.choice(4) == 1 ? "\(n)" : "")) }),
            ("anchor", { s in s.object([
                ("exact", { $0.string("text") }),
                ("textHash", { $0.string("ab") }),
                ("quote", { $0.choice(2) == 0 ? $0.emit("null") : $0.string("q") }),
            ]) }),
            ("tags", { s in
                s.emit("[")
                for i in 0..<s.choice(4) { if i > 0 { s.emit(",") }; s.string(["support", "amend", "Priority", ""][s.choice(4)]) }
                s.emit("]")
            }),
            ("note", { $0.choice(3) == 0 ? $0.emit("null") : $0.string("") }),
            ("author", { $0.string("ana") }),
            ("created", { $0.string("2026-11-23T10:00:00Z") }),
            ("modified", { $0.string("2026-11-23T10:05:00Z") }),
        ])
    }

    mutating func make() -> [UInt8] {
        out = []
        object([
            ("schema", { $0.string(["reso.annotations/1", "reso.annotations/2", "other"][$0.choice(8) == 1 ? 1 + $0.choice(2) : 0]) }),
            ("document", { s in s.object([
                ("file", { $0.string("doc.txt") }),
                ("sha256", { $0.string("00") }),
                ("symbol", { $0.choice(2) == 0 ? $0.emit("null") : $0.string("S/RES/1") }),
            ]) }),
            ("annotations", { s in
                s.emit("[")
                for i in 0..<s.choice(5) { if i > 0 { s.emit(","); s.space() }; s.annotation(i) }
                s.emit("]")
            }),
            ("orphans", { s in
                s.emit("[")
                for i in 0..<s.choice(3) { if i > 0 { s.emit(",") }; s.annotation(10 + i) }
                s.emit("]")
            }),
        ])
        if choice(8) == 1 { emit("\n") }
        if choice(32) == 1, !out.isEmpty { out.removeLast(1 + choice(out.count)) }   // truncated file
        return out
    }
}
