import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Counts the work the parser does, in scalars touched or copied, so that tests can check
/// that every phase is linear without timing anything. The phases report per operation
/// (not per scalar) the size of what they scan or copy; a copy of a growing buffer is
/// reported at its full size, so a quadratic join shows up as quadratic work.
///
/// Only the measuring thread's work counts: tests in other suites parse at the same time,
/// and their work must not inflate a measurement. While the meter is on, the assembler
/// stays on one thread so that all of a measured parse is seen.
///
/// Off by default: a disabled meter costs one load of a global flag per report.
public enum WorkMeter {
    nonisolated(unsafe) static var enabled = false
    nonisolated(unsafe) static var owner = pthread_self()
    static let counter = Atomic<Int>(0)
    static let oneAtATime = Mutex(())

    /// Runs `body` with the meter on and returns the work it reported on this thread.
    /// Measurements are taken one at a time.
    public static func measure(_ body: () throws -> Void) rethrows -> Int {
        try oneAtATime.withLock { _ in
            owner = pthread_self()
            counter.store(0, ordering: .relaxed)
            enabled = true
            defer { enabled = false }
            try body()
            return counter.load(ordering: .relaxed)
        }
    }

    /// Reports `n` units of work (ResolutionDiff reports its own through this too).
    @inline(__always) public static func add(_ n: Int) {
        if enabled, pthread_equal(pthread_self(), owner) != 0 { counter.wrappingAdd(n, ordering: .relaxed) }
    }
}
