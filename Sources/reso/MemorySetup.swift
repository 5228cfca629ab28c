import CAllocator

/// Process-wide allocator settings.
enum MemorySetup {
    /// Keeps glibc's mmap threshold at its 128 KiB default. glibc raises the threshold to the
    /// size of each large block freed (up to 32 MiB), so after the file's bytes are released,
    /// every later buffer of the parse (text pieces, line arrays, JSON chunks) came from the
    /// heap, whose freed space is not given back: peak RSS on a 16 MB text was 5–8% higher
    /// for memory the process no longer used. Pinning the threshold turns the adjustment off.
    /// One arena (instead of one per thread) lets the main thread reuse what the parse's
    /// helper threads freed. The top of the heap keeps 8 MiB of freed space (see
    /// Sources/CAllocator/allocator.c): given back at once, it came back as fresh pages.
    static func keepLargeBuffersMapped() {
        reso_keep_large_buffers_mapped()
    }
}

/// Values held until the process exits, never released. A parsed document of tens of
/// megabytes is hundreds of thousands of strings and arrays: released one by one as a
/// one-shot command returns, a 16 MB text's took 5–6 ms (strace: from the last write to
/// `exit_group`), work the kernel does in one step when it takes the process's memory back.
/// Only for commands that end once their output is written; the reader releases as it goes.
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []

    /// Holds `value` to the end of the process.
    /// - Complexity: O(1), amortised.
    static func keep(_ value: Any) { values.append(value) }
}
