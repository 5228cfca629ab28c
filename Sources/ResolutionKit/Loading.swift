import Dispatch
import Foundation

extension ResolutionDocument {
    /// Reads, decodes and parses one document file.
    public static func load(path: String) throws -> ResolutionDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
                throw DocumentError.unreadable(path: path, reason: isDir.boolValue ? "it is a folder" : "permission denied")
            }
            throw DocumentError.unreadable(path: path, reason: "no such file")
        }
        var bytes = [UInt8](data)
        _ = consume data
        defer { bytes = [] }
        return try ResolutionParser.parse(bytes: bytes, path: path)
    }
}

extension ResolutionDocument {
    /// Loads many documents using every core; the results keep the order of `paths`.
    /// A library of thousands of files opens in a fraction of the serial time.
    public static func loadAll(paths: [String]) -> [Result<ResolutionDocument, DocumentError>] {
        guard paths.count > 1 else {
            return paths.map { p in Result { try load(path: p) }.mapError { $0 as? DocumentError ?? .unreadable(path: p, reason: "\($0)") } }
        }
        let slots = UnsafeMutableBufferPointer<Result<ResolutionDocument, DocumentError>>.allocate(capacity: paths.count)
        nonisolated(unsafe) let out = slots
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            let result: Result<ResolutionDocument, DocumentError>
            do { result = .success(try load(path: paths[i])) }
            catch let e as DocumentError { result = .failure(e) }
            catch { result = .failure(.unreadable(path: paths[i], reason: "\(error)")) }
            (out.baseAddress! + i).initialize(to: result)
        }
        defer { slots.deinitialize(); slots.deallocate() }
        return Array(slots)
    }
}
