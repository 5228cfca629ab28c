extension StructureBuilder {
    /// The number `operativeNumber(raw)` finds, read in place: nil exactly when it finds
    /// none. For the phases that only ask whether a line is numbered (or which number it
    /// carries): `operativeNumber` copies the text after the number, an allocation for
    /// every numbered line of every pass that asks, and its callers were given the line
    /// unpacked to ask it. Here a packed line (`SourceLine.scalars`) is read as it is.
    /// - Complexity: O(k + s): the scalars up to the first one after the number's stop that
    ///   is not a space, and the spaces at the end of the text.
    static func operativeNumberValue<C: RandomAccessCollection<Unicode.Scalar>>(_ raw: C) -> Int? where C.Index == Int {
        operativeNumberBounds(raw)?.value
    }

    /// The number `operativeNumber(raw)` finds and where in `raw` the rest it returns lies:
    /// the structure phase cuts the rest out of its own copy of the text, in place, where
    /// `operativeNumber` allocated a second one.
    /// - Complexity: as `operativeNumberValue`.
    static func operativeNumberBounds<C: RandomAccessCollection<Unicode.Scalar>>(_ raw: C)
        -> (value: Int, rest: Range<Int>)? where C.Index == Int {
        var start = raw.startIndex
        var bold = false
        if raw.count >= 2 && raw[start] == "*" && raw[start + 1] == "*" { start += 2; bold = true }
        guard let (n, j) = numberAndStop(raw[start...], bold: &bold) else { return nil }
        // The rest as `operativeNumber` makes it: trimmed, then a closing `**` dropped when
        // the number opened bold and did not close it; it must not be empty.
        var lo = j, hi = raw.endIndex
        while lo < hi && Chars.isSpace(raw[lo]) { lo += 1 }
        while hi > lo && Chars.isSpace(raw[hi - 1]) { hi -= 1 }
        if bold && hi - lo >= 2 && raw[lo] == "*" && raw[lo + 1] == "*" { lo += 2 }
        return lo < hi ? (n, lo..<hi) : nil
    }

    /// The scalars of `packed` in `range`, packed as `PackedScalars` packs them, when
    /// `packed` holds a byte a scalar: the stored bytes copied as they are, without
    /// unpacking. Nil for wider text, which the caller unpacks (narrowing two-byte values
    /// one by one cost more than unpacking, copying and packing in bulk).
    /// - Complexity: O(k) in the scalars of `range`.
    static func packedSlice(_ packed: PackedScalars, _ range: Range<Int>) -> PackedScalars? {
        packed.withLatin1 { PackedScalars(latin1: UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
