import Annotations

/// Sidecar figures for `reso bench`: save and load at 10,000 annotations, and the cost of one
/// single-annotation save at that size (goal ≤ 5 ms).
func runSidecarBenchmark() throws -> [String] {
    try SidecarBenchmark.run(annotations: 10_000)
}
