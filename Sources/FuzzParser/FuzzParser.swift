// libFuzzer target for the text parser: bytes → decode → parse → JSON, which must never crash,
// hang, or lose text (SPEC §4). Fuzzed by scripts/fuzz (built with -sanitize=fuzzer,address);
// in an ordinary build it replays the files named on its command line, which is
// how a crash the fuzzer found is reproduced under the debugger.

import CFuzzDriver
import Foundation
import FuzzSupport
import ResolutionKit

/// One input through every phase; traps on a broken property.
func runParser(_ bytes: [UInt8]) {
    guard let decoded = try? TextDecoder.decode(bytes, path: "<fuzz>") else { return }
    let doc = ResolutionParser.parse(text: decoded.text, source: SourceInfo(path: "<fuzz>", sha256: "", encoding: decoded.encoding))
    let json = DocumentJSON.encode(doc)
    precondition(TextDecoder.firstInvalidUTF8(json) == nil, "the document JSON is not valid UTF-8")
    // Ids are derived from structure, so they must be unique within a document.
    var ids = Set<String>()
    for unit in doc.preamble.map(\.id) + doc.operative.map(\.id) + doc.headings.map(\.id) + doc.footnotes.map(\.id) {
        precondition(ids.insert(unit).inserted, "duplicate id \(unit)")
    }
}

@main enum FuzzMain {
    static func main() {
        let status = reso_run_fuzzer(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
            runParser(fuzzBytes(data, size))
            return 0
        }
        if status < 0 { replayInputs(runParser) } else { exit(status) }
    }
}
