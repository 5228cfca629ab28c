// Structured libFuzzer target for the sidecar reader. Raw bytes rarely get past a JSON
// parser's first brace, so the fuzzer's bytes drive a generator of sidecar-shaped JSON
// (annotations, orphans, unknown fields at every level, escapes, duplicate keys, odd
// whitespace, numbers, nesting, truncation) and the result goes through the reader's
// properties (`SidecarProperties.check`). Inputs starting with `{` are also tried as they are.

import Annotations
import CFuzzDriver
import Foundation
import FuzzSupport

func runSidecar(_ bytes: [UInt8]) {
    var shaped = SidecarShaper(bytes)
    for input in [shaped.make(), bytes] where !input.isEmpty {
        if let violation = SidecarProperties.check(input) {
            fatalError("\(violation)\n--- input ---\n\(String(decoding: input, as: UTF8.self))")
        }
    }
}

@main enum FuzzMain {
    static func main() {
        let status = reso_run_fuzzer(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
            runSidecar(fuzzBytes(data, size))
            return 0
        }
        if status < 0 { replayInputs(runSidecar) } else { exit(status) }
    }
}
