// The DOCX container: a ZIP archive read in memory with ZIPFoundation. Nothing is ever
// extracted to disk, so an entry named `../../etc/passwd` is merely a name we never ask for.
//
// A compressed bomb is a few KB that inflate to gigabytes. The sizes in the ZIP's central
// directory are checked before anything is inflated, and because a hostile archive can lie
// there, the bytes are also counted while inflating and the read stops at the cap.
import Foundation
import ZIPFoundation

struct DOCXArchive {
    /// Largest part inflated: 64 MB. A 16 MB resolution's `document.xml` is well under it.
    static let maxPartBytes = 64 << 20
    /// Largest total inflated over all the parts read: 256 MB.
    static let maxTotalBytes = 256 << 20

    let path: String
    private let archive: Archive
    private var budget = DOCXArchive.maxTotalBytes

    /// Opens the archive and checks that it is a Word document.
    /// - Throws: `DocumentError.corruptArchive` when the ZIP directory cannot be read,
    ///   `.notADocument` when there is no `word/document.xml`, `.tooLarge` when the
    ///   directory declares parts past the caps.
    /// - Complexity: O(entries).
    init(_ bytes: [UInt8], path: String) throws {
        self.path = path
        guard bytes.count >= 22, let archive = try? Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil) else {
            throw DocumentError.corruptArchive(path: path, reason: "no readable ZIP central directory")
        }
        self.archive = archive
        var declared: UInt64 = 0
        var hasDocument = false
        for entry in archive {
            if entry.path == "word/document.xml" { hasDocument = true }
            // Only the parts we read count against the caps; images may be large.
            guard DOCXArchive.isReadPart(entry.path) else { continue }
            if entry.uncompressedSize > UInt64(DOCXArchive.maxPartBytes) {
                throw DocumentError.tooLarge(path: path, part: entry.path, limitMB: DOCXArchive.maxPartBytes >> 20)
            }
            declared += entry.uncompressedSize
        }
        guard hasDocument else {
            throw DocumentError.notADocument(path: path, reason: "the ZIP archive has no word/document.xml")
        }
        if declared > UInt64(DOCXArchive.maxTotalBytes) {
            throw DocumentError.tooLarge(path: path, part: "the document's XML parts", limitMB: DOCXArchive.maxTotalBytes >> 20)
        }
    }

    /// The XML parts this reader may inflate: the word/ parts, never media.
    static func isReadPart(_ name: String) -> Bool {
        name.hasPrefix("word/") && name.hasSuffix(".xml") && !name.contains("/media/")
    }

    /// Part names that exist under a prefix, e.g. every `word/header*.xml`.
    func partNames(prefix: String) -> [String] {
        archive.compactMap { $0.path.hasPrefix(prefix) && DOCXArchive.isReadPart($0.path) ? $0.path : nil }.sorted()
    }

    /// Inflates one part, or returns nil when the archive has no such part.
    /// - Throws: `.tooLarge` as soon as the inflated bytes pass the per-part or total cap,
    ///   `.corruptArchive` when the data does not inflate.
    /// - Complexity: O(size of the part), stopping at the cap.
    mutating func read(_ name: String) throws -> Data? {
        guard DOCXArchive.isReadPart(name), let entry = archive[name] else { return nil }
        var out = Data()
        let budget = self.budget
        let path = self.path
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // Counted as it inflates: the directory's sizes are the sender's word only.
                if out.count + chunk.count > DOCXArchive.maxPartBytes {
                    throw DocumentError.tooLarge(path: path, part: name, limitMB: DOCXArchive.maxPartBytes >> 20)
                }
                if out.count + chunk.count > budget {
                    throw DocumentError.tooLarge(path: path, part: "the document's XML parts", limitMB: DOCXArchive.maxTotalBytes >> 20)
                }
                out.append(chunk)
            }
        } catch let error as DocumentError {
            throw error
        } catch {
            throw DocumentError.corruptArchive(path: path, reason: "\(name) cannot be inflated")
        }
        self.budget -= out.count
        return out
    }
}
