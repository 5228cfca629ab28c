// PDF in: poppler's `pdftohtml -xml` gives each page's text fragments with their
// position, size and style; `PDFLayout` turns them into the resolution's blocks,
// footnotes and page furniture. Nothing is guessed from flattened text.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

enum PDFReader: FormatReader {
    static func read(_ bytes: [UInt8], path: String) throws -> FormatReading {
        if isEncrypted(bytes) { throw DocumentError.encrypted(path: path) }
        let (file, temporary) = try fileForTool(bytes, path: path)
        defer { if temporary { unlink(file) } }
        // -i: no images; -q: no messages (the exit status says what went wrong); -nodrm is
        // left out so that poppler refuses what the author forbade to copy.
        let (status, xml) = try PopplerTool.run("pdftohtml", ["-xml", "-i", "-q", "-stdout", "-enc", "UTF-8", file], file: path)
        switch status {
        case 0: break
        case 3: throw DocumentError.encrypted(path: path)
        default: throw DocumentError.corrupt(path: path, reason: "poppler cannot open it as a PDF (pdftohtml exit status \(status))")
        }
        let pages = PDFXML.parse(xml)
        if pages.isEmpty { throw DocumentError.corrupt(path: path, reason: "poppler finds no pages in it") }
        if !pages.contains(where: { $0.fragments.contains { f in f.runs.contains { r in r.text.contains { !Chars.isSpace($0) } } } }) {
            throw DocumentError.noTextLayer(path: path)
        }
        return .blocks(layOut(pages))
    }

    /// The shared phases' input from the pages.
    /// - Complexity: O(n log n) in the fragments.
    static func layOut(_ pages: [PDFPage]) -> LaidOutText {
        var detected: LanguageProfile? = nil
        let layout = PDFLayout(pages) { sample in
            let p = LanguageDetector.detect(sample)
            detected = p
            return p
        }
        let spaced = detected?.spec.joinWithSpace ?? true
        let blocks = layout.blocks(spaced: spaced)
        var sample: Scalars = []
        for b in blocks where sample.count < 60_000 { sample += b.text; sample.append("\n") }
        return LaidOutText(blocks: blocks, footnotes: layout.footnotes, furniture: layout.furniture,
                           encoding: "pdf", languageSample: sample.string)
    }

    /// An encryption dictionary in the trailer (or in a cross-reference stream, which PDF
    /// 1.5 files put at the end or, when linearised, at the start). Streams are compressed,
    /// so the name seldom appears elsewhere as text.
    /// - Complexity: O(1): looks at the first and last 64 KB.
    static func isEncrypted(_ bytes: [UInt8]) -> Bool {
        let needle = Array("/Encrypt".utf8)
        let window = 1 << 16
        func scan(_ range: Range<Int>) -> Bool {
            guard range.count >= needle.count else { return false }
            var i = range.lowerBound
            while i + needle.count <= range.upperBound {
                if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) {
                    // `/Encrypt 12 0 R` or `/Encrypt <<…`, not `/EncryptMetadata`.
                    var j = i + needle.count
                    while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x0D { j += 1 }
                    if j < bytes.count, (bytes[j] >= 0x30 && bytes[j] <= 0x39) || bytes[j] == UInt8(ascii: "<") { return true }
                }
                i += 1
            }
            return false
        }
        let head = 0..<min(window, bytes.count)
        let tail = max(head.upperBound, bytes.count - window)..<bytes.count
        return scan(head) || scan(tail)
    }

    /// The tool reads a file: the document's own when it holds these bytes, else a private copy.
    static func fileForTool(_ bytes: [UInt8], path: String) throws -> (String, Bool) {
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == bytes.count { return (path, false) }
        var template = Array((NSTemporaryDirectory() + "/reso-pdf-XXXXXX.pdf").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard fd >= 0 else { throw DocumentError.unreadable(path: path, reason: "cannot create a temporary copy for poppler") }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let name = String(cString: template)
        guard written == bytes.count else { unlink(name); throw DocumentError.unreadable(path: path, reason: "cannot write a temporary copy for poppler") }
        return (name, true)
    }
}
