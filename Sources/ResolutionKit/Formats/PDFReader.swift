// PDF in: poppler's `pdftohtml -xml` gives each page's text fragments with their
// position, size and style; `PDFLayout` turns them into the resolution's blocks,
// footnotes and page furniture. Nothing is guessed from flattened text.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum PDFReader: FormatReader {
    static func read(_ bytes: [UInt8], path: String) throws -> FormatReading {
        if isEncrypted(bytes) { throw DocumentError.encrypted(path: path) }
        let (file, temporary) = try fileForTool(bytes, path: path)
        defer { if temporary { unlink(file) } }
        let pages = try extractPages(file, path: path, pageCount: pageCount(bytes, file: file, path: path))
        if pages.isEmpty { throw DocumentError.corrupt(path: path, reason: "poppler finds no pages in it") }
        if !pages.contains(where: { $0.fragments.contains { f in f.runs.contains { r in r.text.contains { !Chars.isSpace($0) } } } }) {
            throw DocumentError.noTextLayer(path: path)
        }
        return .blocks(layOut(pages))
    }

    /// Poppler's pages, in two halves on two cores when the document is long: the layout
    /// work in poppler costs more than everything after it.
    static func extractPages(_ file: String, path: String, pageCount: Int) throws -> [PDFPage] {
        // -i: no images; -q: no messages (the exit status says what went wrong); -nodrm is
        // left out so that poppler refuses what the author forbade to copy.
        let base = ["-xml", "-i", "-q", "-stdout", "-enc", "UTF-8"]
        func check(_ status: Int32) throws {
            switch status {
            case 0: return
            case 3: throw DocumentError.encrypted(path: path)
            default: throw DocumentError.corrupt(path: path, reason: "poppler cannot open it as a PDF (pdftohtml exit status \(status))")
            }
        }
        if pageCount >= 12 {
            let middle = pageCount / 2
            let ranges = [["-l", String(middle)], ["-f", String(middle + 1)]]
            nonisolated(unsafe) var parts: [Result<(Int32, [PDFPage]), Error>?] = [nil, nil]
            let lock = NSLock()
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                let r = Result { () throws -> (Int32, [PDFPage]) in
                    let (status, xml) = try PopplerTool.run("pdftohtml", base + ranges[k] + [file], file: path)
                    return (status, status == 0 ? PDFXML.parse(xml) : [])
                }
                lock.lock(); parts[k] = r; lock.unlock()
            }
            let first = try parts[0]!.get(), second = try parts[1]!.get()
            // A page count read wrong from the bytes: read the whole file at once instead.
            if first.0 == 0 && second.0 == 0 { return first.1 + second.1 }
        }
        let (status, xml) = try PopplerTool.run("pdftohtml", base + [file], file: path)
        try check(status)
        return PDFXML.parse(xml)
    }

    /// The page count that splits the work: page objects seen in the bytes, or, when a
    /// large file shows none (they sit in compressed object streams, as in the PDFs that
    /// browsers and most current producers write), what `pdfinfo` says. A file that small
    /// has too few pages to split, and `pdfinfo` costs a process (4 ms). Never used to
    /// decide what is read.
    static func pageCount(_ bytes: [UInt8], file: String, path: String, minimumBytes: Int = 200_000) -> Int {
        let seen = countPages(bytes)
        guard seen == 0, bytes.count >= minimumBytes,
              let (status, output) = try? PopplerTool.run("pdfinfo", [file], file: path), status == 0 else { return seen }
        return infoPages(output)
    }

    /// `Pages:           133` in `pdfinfo`'s output; 0 when it is not there.
    /// - Complexity: O(n) in the output.
    static func infoPages(_ output: [UInt8]) -> Int {
        for line in output.split(separator: 0x0A) {
            let text = String(decoding: line, as: UTF8.self)
            guard text.hasPrefix("Pages:") else { continue }
            return Int(text.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        return 0
    }

    /// Page objects (`/Type /Page`) visible in the file; 0 when they sit in compressed
    /// object streams. Only used to split the work, never to decide what is read.
    /// - Complexity: O(n).
    static func countPages(_ bytes: [UInt8]) -> Int {
        let key = Array("/Type".utf8), page = Array("/Page".utf8)
        var count = 0, i = 0
        let n = bytes.count
        while i + 12 < n {
            if bytes[i] == 0x2F, bytes[i + 1] == 0x54, bytes[i..<(i + 5)].elementsEqual(key) {
                var j = i + 5
                while j < n, bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x0D { j += 1 }
                if j + 5 < n, bytes[j..<(j + 5)].elementsEqual(page), !(bytes[j + 5] >= 0x61 && bytes[j + 5] <= 0x7A) { count += 1 }
                i = j
                continue
            }
            i += 1
        }
        return count
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
        let blocks = layout.blocks(spaced: spaced, profile: detected)
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
        let name = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard written == bytes.count else { unlink(name); throw DocumentError.unreadable(path: path, reason: "cannot write a temporary copy for poppler") }
        return (name, true)
    }
}
