// libFuzzer target on the document parser: any bytes in, a document or a clear error out,
// never a crash, a sanitizer report or a hang (scripts/fuzz runs it with -timeout).
// Built only by scripts/fuzz (`-sanitize=fuzzer,address -DFUZZING`); a plain `swift build`
// gets the stub below.
#if FUZZING
import ResolutionKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    guard let doc = try? ResolutionParser.parse(bytes: bytes, path: "fuzz.txt") else { return 0 }
    // The whole pipeline as `reso show --format json` runs it.
    let json = DocumentJSON.encode(doc)
    if json.isEmpty { fatalError("empty JSON for a parsed document") }
    return 0
}
/// SwiftPM links executables with `main` aliased to `FuzzParser_main`: that entry hands
/// control to libFuzzer's driver (libFuzzer's own `main` is then not linked).
@_cdecl("FuzzParser_main")
public func fuzzParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzParser)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#else
@main enum FuzzParserStub {
    static func main() {
        print("FuzzParser is a libFuzzer target: run it with scripts/fuzz parser SECONDS")
    }
}
#endif
