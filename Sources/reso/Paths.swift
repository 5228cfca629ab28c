import Annotations
import Foundation
import LibraryIndex
import ResolutionKit

/// Where `reso` with no PATH looks (issue 12 item 4): `$RESO_LIBRARY`; else, when this binary
/// runs from a checkout's `.build` folder (`swift run reso`), the checkout's `seeds/`; else the
/// user's library, `$XDG_DATA_HOME/reso/library` (default `~/.local/share/reso/library`).
/// A `seeds/` folder in the current directory is never picked up.
enum LibraryLocation {
    enum Kind: Equatable { case environment, checkout, user }

    static func resolve(environment env: [String: String] = ProcessInfo.processInfo.environment,
                        executable: String = LibraryLocation.executablePath) -> (path: String, kind: Kind) {
        if let lib = env["RESO_LIBRARY"], !lib.isEmpty { return (lib, .environment) }
        if let root = checkoutRoot(executable: executable) { return (root + "/seeds", .checkout) }
        return (userLibrary(environment: env), .user)
    }

    static var path: String { resolve().path }

    /// `$XDG_DATA_HOME/reso/library`; a relative XDG_DATA_HOME is ignored, as the XDG spec says.
    static func userLibrary(environment env: [String: String]) -> String {
        let data: String
        if let x = env["XDG_DATA_HOME"], x.hasPrefix("/") { data = x } else {
            data = (env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.local/share"
        }
        return data + "/reso/library"
    }

    static var executablePath: String {
        (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath().path
    }

    /// The checkout this binary was built in: the folder above the `.build` folder it runs from,
    /// when that folder holds `Package.swift` and `seeds/`. nil for an installed binary.
    static func checkoutRoot(executable: String) -> String? {
        var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
        while url.path != "/" && !url.path.isEmpty {
            if url.lastPathComponent.hasPrefix(".build") {
                let root = url.deletingLastPathComponent()
                if FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path),
                   isDirectory(root.appendingPathComponent("seeds").path) {
                    return root.path
                }
                return nil
            }
            url = url.deletingLastPathComponent()
        }
        return nil
    }

    /// The sample resolutions shipped with reso: `PREFIX/share/reso/samples` beside an installed
    /// `PREFIX/bin/reso`, or the checkout's `seeds/`.
    static func samplesFolder(executable: String = LibraryLocation.executablePath) -> String? {
        if let root = checkoutRoot(executable: executable) { return root + "/seeds" }
        let prefix = URL(fileURLWithPath: executable).deletingLastPathComponent().deletingLastPathComponent()
        let samples = prefix.appendingPathComponent("share/reso/samples").path
        return isDirectory(samples) ? samples : nil
    }
}

func isDirectory(_ path: String) -> Bool {
    var dir: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
}

/// Turns the PATH arguments into document files: files as given, folders walked recursively
/// by `LibraryWalk` (sorted; hidden folders skipped, links followed once). In a folder, a
/// document is a file with one of `DocumentFormat.documentExtensions` that is not hidden, not a
/// sidecar and not an export reso wrote (`Exporter.isExport`: a brief saved among the documents
/// is not one of them).
enum DocumentPaths {
    static func expand(_ paths: [String]) throws -> [String] {
        try walk(paths).files.map(\.path)
    }

    /// `expand` with each file's size and mtime, and the folders that were walked (the index
    /// drops its rows under them whose file is gone).
    /// - Parameter known: files known to be documents (the index's rows, by absolute path, with
    ///   their size and mtime): an unchanged one is not opened to check it is no export.
    static func walk(_ paths: [String], known: [String: (size: Int64, mtime: Int64)] = [:]) throws
        -> (files: [LibraryFile], roots: [String]) {
        try walk(paths, known: { known })
    }

    /// `walk` for a library with an index: the index's rows are read on another thread while
    /// the folders are listed and stat'ed (the two take about as long at 10,000 documents),
    /// and are waited for only where a file must be told from an export.
    static func walk(_ paths: [String], index: IndexStore?) throws -> (files: [LibraryFile], roots: [String]) {
        guard let index else { return try walk(paths) }
        let known = BackgroundValue { (try? index.knownDocuments()) ?? [:] }
        return try walk(paths, known: { known.value })
    }

    private static func walk(_ paths: [String], known knownRows: () -> [String: (size: Int64, mtime: Int64)]) throws
        -> (files: [LibraryFile], roots: [String]) {
        var out: [LibraryFile] = []
        var roots: [String] = []
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else {
                throw UserFacingError("\(path): no such file or folder")
            }
            if isDirectory(path) {
                guard FileManager.default.isReadableFile(atPath: path) else {
                    throw UserFacingError("\(path): cannot read the folder")
                }
                let listed = LibraryWalk.documents(under: path)
                let known = knownRows()
                let docs = listed.filter { f in
                    if !known.isEmpty, let k = known[IndexStore.absolute(f.path)], k.size == f.size, k.mtime == f.mtime {
                        return true
                    }
                    return !isExport(f.path)
                }
                if docs.isEmpty {
                    let kinds = DocumentFormat.documentExtensions.sorted().map { "." + $0 }.joined(separator: ", ")
                    throw UserFacingError("\(path): the folder holds no documents (\(kinds))")
                }
                out += docs
                roots.append(path)
            } else {
                var st = stat()
                _ = stat(path, &st)
                let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
                out.append(LibraryFile(path: path, relativePath: (path as NSString).lastPathComponent,
                                       size: Int64(st.st_size), mtime: mtime))
            }
        }
        return (out, roots)
    }

    static func isDocumentName(_ name: String) -> Bool {
        !name.hasPrefix(".") && hasDocumentExtension(name)
    }

    static func hasDocumentExtension(_ name: String) -> Bool {
        let ext = (name as NSString).pathExtension.lowercased()
        return DocumentFormat.documentExtensions.contains(ext)
    }

    /// True when the file starts like an export reso wrote. Reads at most 512 bytes.
    static func isExport(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 512)
        let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
        return n > 0 && Exporter.isExport(head: Array(head[..<n]))
    }
}
