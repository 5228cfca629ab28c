// Phase 0: bytes → text. Detects the encoding (BOMs, UTF-8, GB18030) and rejects
// binary or undecodable input with the byte offset where it went wrong.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum DocumentError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case binary(path: String, offset: Int)
    case undecodable(path: String, offset: Int)
    /// A format's helper tool is not installed (PDF: poppler's `pdftohtml`).
    case toolMissing(path: String, tool: String, package: String)
    case encrypted(path: String)
    /// A PDF whose pages carry no text, only images (a scan).
    case noTextLayer(path: String)
    case corrupt(path: String, reason: String)
    // Container formats (DOCX): see DOCXArchive for the limits.
    case corruptArchive(path: String, reason: String)
    case notADocument(path: String, reason: String)
    case tooLarge(path: String, part: String, limitMB: Int)
    case unsafeXML(path: String, part: String, reason: String)
    /// UTF-8 text and GB18030 text in one file: no single decoding reads it right.
    case mixedEncodings(path: String, utf8Offset: Int, gb18030Offset: Int)
    /// The installation lacks its language files: nothing can be parsed.
    case noLanguageData(detail: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): return "\(path): cannot read: \(reason)"
        case let .empty(path): return "\(path): the file is empty"
        case let .binary(path, offset): return "\(path): looks like a binary file (NUL byte at offset \(offset)), not a text document"
        case let .undecodable(path, offset): return "\(path): the text cannot be decoded as UTF-8, UTF-16 or GB18030 (bad byte at offset \(offset))"
        case let .toolMissing(path, tool, package): return "\(path): reading this format needs `\(tool)`, which is not on PATH; install the Debian package `\(package)`"
        case let .encrypted(path): return "\(path): the PDF is encrypted; remove the protection first (e.g. `qpdf --decrypt IN OUT`)"
        case let .noTextLayer(path): return "\(path): the PDF has no text layer (a scan?); run OCR first, e.g. `ocrmypdf IN OUT`"
        case let .corrupt(path, reason): return "\(path): the file is corrupt: \(reason)"
        case let .corruptArchive(path, reason): return "\(path): the ZIP archive is damaged and cannot be read (\(reason))"
        case let .notADocument(path, reason): return "\(path): not a Word document: \(reason)"
        case let .tooLarge(path, part, limit): return "\(path): \(part) would inflate past \(limit) MB; refused as a possible ZIP bomb"
        case let .unsafeXML(path, part, reason): return "\(path): \(part) is refused: \(reason)"
        case let .mixedEncodings(path, utf8, gb):
            return "\(path): the file mixes UTF-8 text (at byte \(utf8)) with GB18030 text (at byte \(gb)); convert it to one encoding"
        case let .noLanguageData(detail):
            return "reso cannot read documents: its language data is missing (\(detail)); reinstall reso or set RESO_LANGUAGES to its languages folder"
        }
    }
}

public struct DecodedText: Sendable {
    public var text: String
    /// `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` or `gb18030`.
    public var encoding: String
}

public enum TextDecoder {
    public static func decode(_ bytes: [UInt8], path: String = "<input>") throws -> DecodedText {
        if bytes.isEmpty { throw DocumentError.empty(path: path) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            if let bad = firstInvalidUTF8(body) { throw DocumentError.undecodable(path: path, offset: bad + 3) }
            return try finish(String(decoding: body, as: UTF8.self), "utf-8-bom", path)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            return try finish(try decodeUTF16(Array(bytes.dropFirst(2)), little: little, path: path),
                              little ? "utf-16le" : "utf-16be", path)
        }
        if let nul = firstNUL(bytes) { throw DocumentError.binary(path: path, offset: nul) }
        // Validated once, as the String is made: `firstInvalidUTF8` accepts exactly what the
        // standard library's validation does (well-formed UTF-8), and is asked only of a file
        // that is not, for the offset. Asked first, it was a second pass over every byte.
        if let text = String(validating: bytes, as: UTF8.self) { return try finish(text, "utf-8", path) }
        guard let bad = firstInvalidUTF8(bytes) else {
            return try finish(String(decoding: bytes, as: UTF8.self), "utf-8", path)
        }
        // GB18030 decodes almost any byte sequence, so a Latin-1 file would come out as
        // random Han characters: accept it only when it reads like Chinese text.
        switch decodeGB18030(bytes) {
        case .success(let text) where looksChinese(text):
            // Every UTF-8 character of a file that mixes the encodings also decodes as
            // GB18030, as two wrong characters: refuse rather than garble it.
            if let utf8 = utf8Run(bytes) { throw DocumentError.mixedEncodings(path: path, utf8Offset: utf8, gb18030Offset: bad) }
            return try finish(text, "gb18030", path)
        case .failure(let failure) where failure.offset > bad && prefixLooksChinese(bytes[..<failure.offset]):
            if let utf8 = utf8Run(bytes) { throw DocumentError.mixedEncodings(path: path, utf8Offset: utf8, gb18030Offset: bad) }
            // A GB18030 file with one bad byte: its offset, not that of its first Chinese character.
            throw DocumentError.undecodable(path: path, offset: failure.offset)
        default:
            throw DocumentError.undecodable(path: path, offset: bad)
        }
    }

    /// The offset of a run of UTF-8 CJK text (four 3-byte sequences in a row) in a file
    /// that is not UTF-8 as a whole. In GB18030 text such a run arises by chance about
    /// once in 10⁹ characters. - Complexity: O(n).
    static func utf8Run(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b -> Int? in
            var i = 0, run = 0, start = 0
            while i + 2 < b.count {
                if b[i] >= 0xE3 && b[i] <= 0xE9 && b[i + 1] & 0xC0 == 0x80 && b[i + 2] & 0xC0 == 0x80 {
                    if run == 0 { start = i }
                    run += 1
                    if run == 4 { return start }
                    i += 3
                } else {
                    // A GB18030 pair can hide the start of a sequence: resynchronise one byte on.
                    i += run > 0 ? 0 : 1
                    run = 0
                }
            }
            return nil
        }
    }

    /// True when the bytes before a GB18030 decoding error read like Chinese.
    static func prefixLooksChinese(_ bytes: ArraySlice<UInt8>) -> Bool {
        if case .success(let text) = decodeGB18030(Array(bytes)) { return looksChinese(text) }
        return false
    }

    private static func finish(_ text: String, _ encoding: String, _ path: String) throws -> DecodedText {
        var text = text
        let total = text.utf8.count
        let (controls, visible) = text.withUTF8(controlsAndVisible)
        if visible == 0 || (total < 65_536 && text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace })) {
            throw DocumentError.empty(path: path)
        }
        if controls * 10 > total { throw DocumentError.binary(path: path, offset: 0) }
        return DecodedText(text: text, encoding: encoding)
    }

    /// Files at least this large that are UTF-8 as they stand are parsed from their own bytes
    /// (`isPlainUTF8`), not from a String made of them. Below it the copy costs little, and
    /// `decode`'s checks for a text of whitespace alone need the scalars.
    static let inPlaceBytes = 1 << 20

    /// True when `bytes` (at least `inPlaceBytes` of them) are a text that `decode` would read
    /// as UTF-8 without a byte-order mark, unchanged: so that the parse can read the bytes
    /// themselves. False when `decode` is to read them (a byte-order mark, or not UTF-8).
    /// Throws what `decode` throws for a binary or empty file.
    /// - Complexity: O(n): a search for NUL, then the validation and the count of controls in
    ///   one pass (`validatedCounts`).
    static func isPlainUTF8(_ bytes: [UInt8], path: String) throws -> Bool {
        precondition(bytes.count >= inPlaceBytes, "a small text is decoded as a String")
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return false
        }
        if let nul = firstNUL(bytes) { throw DocumentError.binary(path: path, offset: nul) }
        let (invalid, controls, visible) = bytes.withUnsafeBufferPointer(validatedCounts)
        guard invalid == nil else { return false }
        if visible == 0 { throw DocumentError.empty(path: path) }
        if controls * 10 > bytes.count { throw DocumentError.binary(path: path, offset: 0) }
        return true
    }

    /// The offset of the first byte that is not well-formed UTF-8 (nil when there is none:
    /// exactly what the standard library's validation accepts), and `controlsAndVisible` of
    /// the bytes before it, in one pass. (Two passes, the count was a third of the time to
    /// read a large file.) `firstInvalidUTF8` is its first answer.
    /// - Complexity: O(n): a word of eight ASCII bytes at a step, other text by scalar.
    static func validatedCounts(_ b: UnsafeBufferPointer<UInt8>) -> (invalid: Int?, controls: Int, visible: Int) {
        var controls = 0, visible = 0
        @inline(__always) func control(_ x: UInt8) -> Bool { x < 0x20 && x != 0x0A && x != 0x0D && x != 0x09 && x != 0x0C && x != 0x1B }
        var i = 0
        let n = b.count
        while i < n {
            if i + 8 <= n {
                let w = ByteWords.load(b, i)
                if w & ByteWords.highs == 0 {
                    visible &+= ByteWords.countAbove0x20(w)
                    if ByteWords.hasBelow(w, 0x20) {
                        for k in i..<(i + 8) where control(b[k]) { controls &+= 1 }
                    }
                    i += 8
                    continue
                }
            }
            let c = b[i]
            if c < 0x80 {
                if c > 0x20 { visible &+= 1 } else if control(c) { controls &+= 1 }
                i += 1
                continue
            }
            // A scalar of two to four bytes, well formed: no overlong form, no surrogate,
            // nothing past U+10FFFF. Each of its bytes is visible.
            @inline(__always) func cont(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
            let length: Int
            if c >= 0xC2 && c <= 0xDF {
                guard cont(1) else { return (i, controls, visible) }
                length = 2
            } else if c >= 0xE0 && c <= 0xEF {
                guard cont(1), cont(2) else { return (i, controls, visible) }
                let c1 = b[i + 1]
                if (c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) { return (i, controls, visible) }
                length = 3
            } else if c >= 0xF0 && c <= 0xF4 {
                guard cont(1), cont(2), cont(3) else { return (i, controls, visible) }
                let c1 = b[i + 1]
                if (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90) { return (i, controls, visible) }
                length = 4
            } else {
                return (i, controls, visible)
            }
            visible &+= length
            i += length
        }
        return (nil, controls, visible)
    }

    /// The control characters (C0 but line breaks, tab, form feed and escape) and the visible
    /// bytes (above 0x20) among UTF-8 bytes. Control characters are ASCII, so they are counted
    /// on the bytes: a text file has few, and many of them means binary data.
    /// - Complexity: O(n): eight bytes at a time (`ByteWords`), visible bytes counted in the
    ///   word, and only a word with a byte below 0x20 (a line break, most often) looked at
    ///   byte by byte.
    private static func controlsAndVisible(_ bytes: UnsafeBufferPointer<UInt8>) -> (controls: Int, visible: Int) {
        var controls = 0, visible = 0
        func control(_ b: UInt8) -> Bool { b < 0x20 && b != 0x0A && b != 0x0D && b != 0x09 && b != 0x0C && b != 0x1B }
        var i = 0
        while i + 8 <= bytes.count {
            let w = ByteWords.load(bytes, i)
            visible &+= ByteWords.countAbove0x20(w)
            if ByteWords.hasBelow(w, 0x20) {
                for k in i..<(i + 8) where control(bytes[k]) { controls &+= 1 }
            }
            i += 8
        }
        for k in i..<bytes.count {
            if bytes[k] > 0x20 { visible &+= 1 } else if control(bytes[k]) { controls &+= 1 }
        }
        return (controls, visible)
    }

    /// Chinese running text always has its full-width comma or full stop, or 的.
    static func looksChinese(_ text: String) -> Bool {
        var han = 0, other = 0
        for u in text.unicodeScalars where u.value >= 0x80 {
            if u == "，" || u == "。" || u == "的" { return han + other < 50 || han * 2 >= other }
            if Chars.isHan(u) { han += 1 } else { other += 1 }
        }
        return false
    }

    /// Offset of the first byte that is not valid UTF-8 (strict: no overlong forms, no
    /// surrogates, nothing above U+10FFFF), or nil when all is valid. The package's one UTF-8
    /// validator: documents and sidecars both go through it. Runs of ASCII are skipped eight
    /// bytes at a time. - Complexity: O(n).
    /// The offset of the first NUL byte, found with the C library's `memchr` (vectorised):
    /// `firstIndex(of:)` went a byte at a time over every text read.
    /// - Complexity: O(n).
    static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b -> Int? in
            guard let base = b.baseAddress, let hit = memchr(base, 0, b.count) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
    }

    /// The offset of the first byte that is not well-formed UTF-8, or nil (`validatedCounts`).
    /// - Complexity: O(n).
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { validatedCounts($0).invalid }
    }

    static func decodeUTF16(_ bytes: [UInt8], little: Bool, path: String) throws -> String {
        if bytes.count % 2 != 0 { throw DocumentError.undecodable(path: path, offset: bytes.count + 1) }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
                                : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        // Offsets are in bytes of the file: the BOM, then two bytes per code unit (a
        // surrogate pair is two units, four bytes).
        var out = String.UnicodeScalarView()
        var u = 0
        while u < units.count {
            let unit = units[u]
            let offset = 2 + u * 2
            if unit == 0 { throw DocumentError.binary(path: path, offset: offset) }
            if unit < 0xD800 || unit > 0xDFFF {
                out.append(Unicode.Scalar(unit)!)
                u += 1
            } else if unit <= 0xDBFF, u + 1 < units.count, units[u + 1] >= 0xDC00 && units[u + 1] <= 0xDFFF {
                let value = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(units[u + 1] - 0xDC00)
                out.append(Unicode.Scalar(value)!)
                u += 2
            } else {
                throw DocumentError.undecodable(path: path, offset: offset)
            }
        }
        return String(out)
    }

    struct GB18030Failure: Error { var offset: Int }

    /// GB18030 (a superset of GBK and GB2312) through the C library's iconv (glibc's; on
    /// macOS libiconv's, untested here). On failure, the offset of the first byte it could not
    /// decode.
    static func decodeGB18030(_ bytes: [UInt8]) -> Result<String, GB18030Failure> {
        #if canImport(Glibc) || canImport(Darwin)
        let cd = iconv_open("UTF-8", "GB18030")
        if cd == iconv_t(bitPattern: -1) { return .failure(GB18030Failure(offset: 0)) }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var failedAt = 0
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if r == -1 || inLeft != 0 { failedAt = inBuf.count - inLeft; return nil }
                return outBuf.count - outLeft
            }
        }
        guard let count = produced else { return .failure(GB18030Failure(offset: failedAt)) }
        return .success(String(decoding: output[0..<count], as: UTF8.self))
        #else
        return .failure(GB18030Failure(offset: 0))
        #endif
    }
}
