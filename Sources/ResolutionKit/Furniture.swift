// Phase 2: page furniture — job numbers, barcodes, "please recycle", page numbers,
// footnote rules. It is text of the printed page, not of the resolution.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum Furniture {
    /// True for a whole line that belongs to the page rather than the resolution. Generic,
    /// so that a packed line (`SourceLine.scalars`) is asked without being unpacked: this
    /// runs on every line, several times.
    static func isFurniture<S: RandomAccessCollection<Unicode.Scalar>>(_ line: S, profile: LanguageProfile) -> Bool where S.Index == Int {
        if line.isEmpty { return false }
        // A line that opens with anything but a digit, `*`, `(`, a space or a rule's dash (most
        // lines of text: a letter, a Han character) is no job number, barcode, page number,
        // footer of tokens (each opens with a digit, `*` or `(`) nor rule: only a whole
        // furniture line or a phrase beside a job number remain to ask.
        let first = line[line.startIndex]
        let v = first.value
        // An ASCII letter (most lines of Latin text) is told first, in one comparison.
        let mayOpenToken = (v | 0x20) &- 0x61 >= 26
            && (v &- 0x30 < 10 || v == 0x2A || v == 0x28 || v == 0x5F || v == 0x2D || first == "—" || first == "─" || Chars.isSpace(first))
        if !mayOpenToken {
            for word in profile.furnitureLines where line.count == word.count && line.elementsEqual(word) { return true }
            return line.count <= 160 && isFooterWithPhrase(line, profile: profile)
        }
        if line.count <= 40 && (isJobNumber(line) || isBarcode(line) || isPageNumber(line)) { return true }
        if line.count <= 160 && isFooterLine(line) { return true }
        for word in profile.furnitureLines where line.count == word.count && line.elementsEqual(word) { return true }
        if line.count <= 160 && isFooterWithPhrase(line, profile: profile) { return true }
        if line.count >= 5 && line.allSatisfy({ $0 == "_" || $0 == "—" || $0 == "─" || $0 == "-" }) { return true }
        return false
    }

    /// `15-13833 (C)`, `02-72318 (E)`, optionally followed by a date or page.
    static func isJobNumber<S: RandomAccessCollection<Unicode.Scalar>>(_ s: S) -> Bool where S.Index == Int {
        guard s.count >= 8, s[0..<2].allSatisfy(Chars.isDigit), s[2] == "-" else { return false }
        var i = 3, digits = 0
        while i < s.count && Chars.isDigit(s[i]) { digits += 1; i += 1 }
        guard digits == 5 else { return false }
        while i < s.count && Chars.isSpace(s[i]) { i += 1 }
        if i == s.count { return true }
        if s[i] == "(" && i + 2 < s.count && s[i + 2] == ")" && s[i + 1].properties.isUppercase {
            i += 3
            while i < s.count && Chars.isSpace(s[i]) { i += 1 }
            return i == s.count || approxColumns(Array(s[i...])) <= 30
        }
        return false
    }

    /// `*1513833*`, possibly followed by a recycling note.
    static func isBarcode<S: RandomAccessCollection<Unicode.Scalar>>(_ s: S) -> Bool where S.Index == Int {
        guard s.count >= 7, s[0] == "*" else { return false }
        // Right-to-left extraction paints `*2000446*` as `**2000446`.
        if s[1] == "*", s.count <= 12, s[2...].allSatisfy(Chars.isDigit) { return true }
        var i = 1
        while i < s.count && Chars.isDigit(s[i]) { i += 1 }
        return i >= 6 && i < s.count && s[i] == "*"
    }

    /// A footer printed as one line: job number, page `n/m`, barcode, print date, in any
    /// order and at any spacing (`20-00407 (E)        2/5`, `2/5    20-00407`).
    /// - Complexity: O(n) in the line's scalars.
    /// - Complexity: O(n), and O(1) for a line of text: tokens are checked as they are found,
    ///   so the first word that is not furniture ends the scan (this runs on every line).
    static func isFooterLine<S: RandomAccessCollection<Unicode.Scalar>>(_ s: S) -> Bool where S.Index == Int {
        var i = 0
        var tokens = 0
        var anchored = false
        while i < s.count {
            while i < s.count && Chars.isSpace(s[i]) { i += 1 }
            let start = i
            guard start < s.count else { break }
            // Every footer token opens with a digit, `*` or `(`: a word of text is turned away
            // here, before its end is looked for (a line of text is asked this by every line
            // phase, and a line with no spaces, as in Chinese, is one token to its end).
            let first = s[start]
            guard Chars.isDigit(first) || first == "*" || first == "(" else { return false }
            // And each is short: a page number, a barcode, a job number, `(E)`. Read no
            // further than that.
            while i < s.count && !Chars.isSpace(s[i]) && i - start <= 12 { i += 1 }
            guard i - start <= 12 else { return false }
            tokens += 1
            // The token copied to the stack (at most 12 scalars), indexed from 0 as the token
            // tests read it: copied into an array, it was an allocation for every line that
            // opens with a digit (every numbered paragraph), in each phase that asks.
            // Copied by index: a slice of a packed line holds a reference to its text.
            let n = i - start
            let kind = withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: 12) { buffer -> FooterToken in
                for j in 0..<n { (buffer.baseAddress! + j).initialize(to: s[start + j]) }
                return footerToken(UnsafeBufferPointer(rebasing: buffer[..<n]))
            }
            switch kind {
            case .other: return false
            case .anchor: anchored = true
            case .allowed: break
            }
        }
        return tokens >= 2 && anchored
    }

    /// What a token of a footer line is.
    private enum FooterToken {
        /// Marks the line a footer: a page number, a barcode, a job number.
        case anchor
        /// May stand in a footer: a language letter `(E)`, a print date `130120`.
        case allowed
        /// Anything else: the line is no footer.
        case other
    }

    /// - Complexity: O(1): a token is at most 12 scalars.
    private static func footerToken(_ a: UnsafeBufferPointer<Unicode.Scalar>) -> FooterToken {
        if isPageNumber(a) || isBarcode(a) { return .anchor }
        if a.count == 8, a[2] == "-", a[0..<2].allSatisfy(Chars.isDigit), a[3...].allSatisfy(Chars.isDigit) { return .anchor }
        if a.count == 3, a[0] == "(", a[2] == ")", a[1].properties.isUppercase { return .allowed }
        if a.count == 6, a.allSatisfy(Chars.isDigit) { return .allowed }  // print date `130120`
        return .other
    }

    /// The job number and the recycling line side by side, as `pdftotext -layout` prints
    /// a footer (`20-07465 (R)      Просьба отправить на вторичную переработку`); right-to-left
    /// extraction also moves the parentheses (`20-02070 (A الرجاء إعادة الاستعمال)`). With the
    /// phrase and the parentheses taken out, what is left must be footer tokens only.
    /// - Complexity: O(n · p) in the line's scalars and the phrases' length, only for lines
    ///   that hold a job number; O(n) otherwise.
    static func isFooterWithPhrase<S: RandomAccessCollection<Unicode.Scalar>>(_ line: S, profile: LanguageProfile) -> Bool where S.Index == Int {
        guard hasJobNumber(line) else { return false }
        let s = Array(line)
        for phrase in profile.furnitureLines where !phrase.isEmpty {
            guard let at = s.firstIndex(of: phrase) else { continue }
            var rest = Scalars(s[..<at])
            rest.append(" ")
            rest.append(contentsOf: s[(at + phrase.count)...])
            var tokens = 0
            for token in rest.split(whereSeparator: { Chars.isSpace($0) || $0 == "(" || $0 == ")" }) {
                let t = Array(token)
                if t.count == 1 && t[0].properties.isUppercase { continue }   // the language letter of `(A)`
                guard isJobToken(t) || isBarcode(t) || isPageNumber(t) else { return false }
                tokens += 1
            }
            return tokens >= 1
        }
        return false
    }

    /// `20-07465`: two digits, a hyphen, five digits.
    static func isJobToken(_ a: [Unicode.Scalar]) -> Bool {
        a.count == 8 && a[2] == "-" && a[0..<2].allSatisfy(Chars.isDigit) && a[3...].allSatisfy(Chars.isDigit)
    }

    /// Whether a job number (`dd-ddddd`) stands somewhere in `s`.
    /// - Complexity: O(n).
    static func hasJobNumber<S: RandomAccessCollection<Unicode.Scalar>>(_ s: S) -> Bool where S.Index == Int {
        // Every line of a text is asked this, several times (the furniture test runs in each
        // line phase): the usual inputs are scanned as raw code units, without a scalar made
        // (and for packed text, a width switched on) per position.
        if let packed = s as? PackedScalars {
            if let found = packed.withLatin1({ hasJobNumber(bytes: $0) }) { return found }
            if let found = packed.withBMP({ hasJobNumber(units: $0) }) { return found }
        }
        if let array = s as? Scalars {
            return array.withUnsafeBufferPointer { UnsafeRawBufferPointer($0).withMemoryRebound(to: UInt32.self) { hasJobNumber(units: $0) } }
        }
        var i = 2
        while i + 5 < s.count {
            if s[i] == "-", Chars.isDigit(s[i - 1]), Chars.isDigit(s[i - 2]),
               s[(i + 1)...(i + 5)].allSatisfy(Chars.isDigit) { return true }
            i += 1
        }
        return false
    }

    /// `hasJobNumber` over the bytes of Latin-1 text, eight positions at a time where no
    /// hyphen is among them: most lines hold none, and every line is asked.
    /// - Complexity: O(n).
    private static func hasJobNumber(bytes s: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func digit(_ u: UInt8) -> Bool { u >= 48 && u <= 57 }
        guard s.count >= 8, let base = s.baseAddress else { return false }
        // From hyphen to hyphen (`memchr`): most lines hold none, and every line is asked.
        var i = 2
        while i + 5 < s.count {
            guard let hit = memchr(base + i, 0x2D, s.count - 5 - i) else { return false }
            i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if digit(s[i - 1]), digit(s[i - 2]),
               digit(s[i + 1]), digit(s[i + 2]), digit(s[i + 3]), digit(s[i + 4]), digit(s[i + 5]) { return true }
            i += 1
        }
        return false
    }

    /// `hasJobNumber` over scalar values (bytes of Latin-1 text, or `UInt32`s).
    /// - Complexity: O(n).
    private static func hasJobNumber<U: FixedWidthInteger>(units s: UnsafeBufferPointer<U>) -> Bool {
        @inline(__always) func digit(_ u: U) -> Bool { u >= 48 && u <= 57 }
        var i = 2
        while i + 5 < s.count {
            if s[i] == 0x2D, digit(s[i - 1]), digit(s[i - 2]),
               digit(s[i + 1]), digit(s[i + 2]), digit(s[i + 3]), digit(s[i + 4]), digit(s[i + 5]) { return true }
            i += 1
        }
        return false
    }

    /// `2/5`, `- 3 -`, `Page 4` style page numbers on their own line.
    static func isPageNumber<S: RandomAccessCollection<Unicode.Scalar>>(_ s: S) -> Bool where S.Index == Int {
        guard s.count <= 7 else { return false }
        if let slash = s.firstIndex(of: "/"), slash > 0, slash < s.count - 1, s[..<slash].allSatisfy(Chars.isDigit), s[(slash + 1)...].allSatisfy(Chars.isDigit) {
            // At most six digits in all: no overflow.
            let a = s[..<slash].reduce(0) { $0 * 10 + Int($1.value - 48) }
            let b = s[(slash + 1)...].reduce(0) { $0 * 10 + Int($1.value - 48) }
            return a >= 1 && a <= b && b < 100
        }
        return false
    }
}

extension ArraySlice where Element == Unicode.Scalar {
    /// Builds the String straight from UTF-8 bytes: much faster than appending scalars.
    /// The bytes are counted first and written into the String's own storage, so a long
    /// paragraph costs its UTF-8 size once, not a worst-case buffer of three bytes a scalar
    /// and a copy of it.
    /// - Complexity: O(n), two passes.
    var string: String {
        // ASCII (most paragraphs of most texts): a byte a scalar, each its value, in loops
        // the compiler vectorises.
        if let ascii = withContiguousStorageIfAvailable({ ScalarScan.asciiString(UnsafeRawBufferPointer($0)) }), let ascii {
            return ascii
        }
        var size = 0
        for s in self {
            let v = s.value
            size += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        guard size > 0 else { return "" }
        return String(unsafeUninitializedCapacity: size) { buffer in
            var k = 0
            for s in self {
                let v = s.value
                if v < 0x80 {
                    buffer[k] = UInt8(v); k += 1
                } else if v < 0x800 {
                    buffer[k] = UInt8(0xC0 | v >> 6); buffer[k + 1] = UInt8(0x80 | v & 0x3F); k += 2
                } else if v < 0x10000 {
                    buffer[k] = UInt8(0xE0 | v >> 12); buffer[k + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
                    buffer[k + 2] = UInt8(0x80 | v & 0x3F); k += 3
                } else {
                    buffer[k] = UInt8(0xF0 | v >> 18); buffer[k + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
                    buffer[k + 2] = UInt8(0x80 | (v >> 6) & 0x3F); buffer[k + 3] = UInt8(0x80 | v & 0x3F); k += 4
                }
            }
            return k
        }
    }
}
