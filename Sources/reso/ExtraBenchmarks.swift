// The sidecar and reader benchmarks, when their modules provide them.
func extraBenchmarks(longDocumentPath: String) throws -> [String] { [] }
