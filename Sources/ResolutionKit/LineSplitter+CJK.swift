// The line splitter's step for CJK text: a run of three-byte scalars decoded at once.

extension LineSplitter {
    /// Appends three-byte UTF-8 sequences (`isCJKRun`) to a line as scalars, and returns
    /// how many are Han (`Chars.isHan`: U+3400–U+4DBF, U+4E00–U+9FFF in these spans), the
    /// letters the general path counts for them.
    /// - Complexity: O(k) amortised in the bytes appended.
    static func appendCJK(_ run: UnsafeBufferPointer<UInt8>, to line: inout Scalars) -> Int {
        let count = run.count / 3
        let old = line.count
        var han = 0
        line.append(contentsOf: repeatElement("\0", count: count))
        line.withUnsafeMutableBufferPointer { to in
            UnsafeMutableRawBufferPointer(to).withMemoryRebound(to: UInt32.self) { values in
                for k in 0..<count {
                    let v = UInt32(run[3 * k] & 0x0F) << 12 | UInt32(run[3 * k + 1] & 0x3F) << 6 | UInt32(run[3 * k + 2] & 0x3F)
                    values[old + k] = v
                    han += (v &- 0x3400 <= 0x4DBF - 0x3400 || v &- 0x4E00 <= 0x9FFF - 0x4E00) ? 1 : 0
                }
            }
        }
        return han
    }
}

extension LineSplitter {
    /// The scalar at `j` (of `n` valid bytes) is one a CJK run takes: U+3000–U+9FFF (leads
    /// 0xE3–0xE9), or U+FF00–U+FF7F (0xEF 0xBC, 0xEF 0xBD: the full-width punctuation of
    /// Chinese text, `，` `：` `；` `（` `）`, which broke each run and went through the
    /// general path one at a time). None of them is a line break, a space the splitter
    /// trims differently, a control, a direction mark, tatweel, Arabic or a presentation
    /// form, and none counts as a letter there.
    /// - Complexity: O(1).
    @inline(__always)
    static func isCJKRun(_ utf8: UnsafeMutableBufferPointer<UInt8>, _ j: Int, _ n: Int) -> Bool {
        let b = utf8[j]
        return (b >= 0xE3 && b <= 0xE9) || (b == 0xEF && j + 1 < n && (utf8[j + 1] == 0xBC || utf8[j + 1] == 0xBD))
    }
}
