import Foundation
import ResolutionKit

// Placeholder until the reader issue lands: prints each document's text view.
enum ReaderLaunch {
    static func open(paths: [String]) throws {
        let files = try DocumentPaths.expand(paths.isEmpty ? [BundledLibrary.path] : paths)
        for file in files {
            let doc = try ResolutionDocument.load(path: file)
            print(TextRenderer(width: 80).render(doc))
        }
    }
}
