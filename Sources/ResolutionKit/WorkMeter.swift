import Synchronization

/// Counts the work the parser does, in scalars touched or copied, so that tests can check
/// that every phase is linear without timing anything. The phases report per operation
/// (not per scalar) the size of what they scan or copy; a copy of a growing buffer is
/// reported at its full size, so a quadratic join shows up as quadratic work.
///
/// Off by default: a disabled meter costs one load of a global flag per report.
public enum WorkMeter {
    nonisolated(unsafe) static var enabled = false
    static let counter = Atomic<Int>(0)

    /// Runs `body` with the meter on and returns the work it reported.
    /// Not reentrant: tests that use it run their measured parses one at a time.
    public static func measure(_ body: () throws -> Void) rethrows -> Int {
        enabled = true
        counter.store(0, ordering: .relaxed)
        defer { enabled = false }
        try body()
        return counter.load(ordering: .relaxed)
    }

    @inline(__always) static func add(_ n: Int) {
        if enabled { counter.wrappingAdd(n, ordering: .relaxed) }
    }
}
