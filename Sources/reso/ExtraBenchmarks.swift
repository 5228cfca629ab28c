// The sidecar and reader benchmarks, run after the parser's by `reso bench`.
func extraBenchmarks(longDocumentPath: String) throws -> [String] {
    try runSidecarBenchmark() + runReaderBenchmark(longDocumentPath: longDocumentPath)
}
