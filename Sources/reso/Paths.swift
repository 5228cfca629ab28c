import Foundation

/// The sample library shipped in the repository's `seeds/` folder.
enum BundledLibrary {
    static var path: String {
        if let env = ProcessInfo.processInfo.environment["RESO_LIBRARY"], !env.isEmpty { return env }
        let cwdSeeds = FileManager.default.currentDirectoryPath + "/seeds"
        if isDirectory(cwdSeeds) { return cwdSeeds }
        // Sources/reso/Paths.swift → repository root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent("seeds").path
    }
}

func isDirectory(_ path: String) -> Bool {
    var dir: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
}

/// Turns the PATH arguments into document files: files as given, folders expanded to
/// their `.txt`/`.md` documents (sorted, sidecars skipped).
enum DocumentPaths {
    static func expand(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else {
                throw UserFacingError("\(path): no such file or folder")
            }
            if isDirectory(path) {
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                    throw UserFacingError("\(path): cannot read the folder")
                }
                let docs = names.filter { isDocumentName($0) }.sorted()
                if docs.isEmpty { throw UserFacingError("\(path): the folder holds no documents (.txt, .md)") }
                out += docs.map { (path as NSString).appendingPathComponent($0) }
            } else {
                out.append(path)
            }
        }
        return out
    }

    static func isDocumentName(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".txt") || name.hasSuffix(".md"))
    }
}
