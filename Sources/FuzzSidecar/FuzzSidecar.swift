// Structured libFuzzer target on the sidecar parser (see Annotations/SidecarFuzzing.swift):
// the input is a recipe for a sidecar and a mutation of it. Built only by scripts/fuzz.
#if FUZZING
import Annotations

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSidecar(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    if let problem = SidecarFuzzing.check(recipe: bytes) { fatalError(problem) }
    return 0
}
/// SwiftPM links executables with `main` aliased to `FuzzSidecar_main`: that entry hands
/// control to libFuzzer's driver (libFuzzer's own `main` is then not linked).
@_cdecl("FuzzSidecar_main")
public func fuzzSidecarMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzSidecar)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#else
@main enum FuzzSidecarStub {
    static func main() {
        print("FuzzSidecar is a libFuzzer target: run it with scripts/fuzz sidecar SECONDS")
    }
}
#endif
