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
