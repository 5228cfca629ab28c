// The first run of an installed `reso` with no PATH: the user's library does not exist yet,
// so reso offers to copy the bundled sample resolutions into it (issue 12 item 4).
import Foundation

enum LibrarySetup {
    /// The folder `reso` with no PATH opens. For the user's library, a missing folder is
    /// created, on a terminal after asking whether to copy in the samples; without a terminal
    /// (or when the folder holds no documents) the error says how to fill it.
    static func libraryFolder() throws -> String {
        let (path, kind) = LibraryLocation.resolve()
        guard kind == .user else { return path }
        let samples = LibraryLocation.samplesFolder()
        if !isDirectory(path) && isatty(STDIN_FILENO) != 0 && isatty(STDERR_FILENO) != 0 {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            if let samples, let names = try? sampleNames(samples), !names.isEmpty {
                ConsoleOutput.message("reso: your library is \(path) (set RESO_LIBRARY to use another folder).")
                FileHandle.standardError.write(Data("Copy the \(names.count) sample resolutions into it? [Y/n] ".utf8))
                let answer = (readLine() ?? "n").trimmingCharacters(in: .whitespaces).lowercased()
                if answer.isEmpty || answer.hasPrefix("y") {
                    for name in names {
                        try FileManager.default.copyItem(atPath: samples + "/" + name, toPath: path + "/" + name)
                    }
                    ConsoleOutput.message("reso: copied \(names.count) samples into \(path)")
                }
            }
        }
        let hasDocuments = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .contains(where: DocumentPaths.isDocumentName)
        if !hasDocuments {
            var hint = "reso: your library \(path) holds no documents yet: put resolutions there, or open files with `reso FILE…`"
            if let samples { hint += "; the samples: mkdir -p '\(path)' && cp '\(samples)'/* '\(path)'/" }
            throw UserFacingError(hint)
        }
        return path
    }

    static func sampleNames(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter(DocumentPaths.isDocumentName).sorted()
    }
}
