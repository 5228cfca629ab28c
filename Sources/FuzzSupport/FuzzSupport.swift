// What the two fuzz targets share: replaying saved inputs in an ordinary build. In a fuzz
// build (scripts/fuzz) libFuzzer supplies `main` and calls each target's
// `LLVMFuzzerTestOneInput`; this file is then unused.

import Foundation

/// Runs `body` on each file named on the command line (a crash input, a corpus folder's files),
/// printing one line per input, so that a fuzzer finding is reproduced without libFuzzer.
public func replayInputs(_ body: ([UInt8]) -> Void) {
    var files: [String] = []
    for arg in CommandLine.arguments.dropFirst() {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: arg, isDirectory: &isDir) else {
            FileHandle.standardError.write(Data("\(arg): no such file\n".utf8)); exit(2)
        }
        if isDir.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: arg)) ?? []
            files += names.sorted().map { arg + "/" + $0 }
        } else { files.append(arg) }
    }
    if files.isEmpty { print("usage: \(CommandLine.arguments[0]) INPUT… (replays inputs; build with scripts/fuzz to fuzz)") }
    for file in files {
        guard let data = FileManager.default.contents(atPath: file) else { continue }
        body([UInt8](data))
        print("ok \(file)")
    }
}

/// The bytes libFuzzer hands over, as an array.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}
