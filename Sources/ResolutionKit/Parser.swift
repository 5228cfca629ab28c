import Dispatch

// bytes → ResolutionDocument, in phases:
//   decode → lines (furniture out) → footnote blocks lifted → blocks (wraps joined,
//   cut paragraphs rejoined) → structure → inline pass (markers, leads, references).

public enum ResolutionParser {
    public static func parse(bytes: [UInt8], path: String) throws -> ResolutionDocument {
        if LanguageCatalog.profiles.isEmpty {
            throw DocumentError.noLanguageData(detail: LanguageCatalog.problems.first ?? "no language files")
        }
        // The hash is independent of the parse: on large inputs it runs on the other core.
        let hash = HashInBackground(bytes)
        let format = DocumentFormat.sniff(bytes)
        var doc: ResolutionDocument
        switch try reader(for: format).read(bytes, path: path) {
        case let .text(text, encoding):
            doc = parse(text: text, source: SourceInfo(path: path, sha256: "", encoding: encoding, format: format))
        case let .blocks(laidOut):
            doc = parse(laidOut, source: SourceInfo(path: path, sha256: "", encoding: laidOut.encoding, format: format))
        }
        doc.source.sha256 = hash.value()
        return doc
    }

    /// The reader for each format. PDF and DOCX readers register here as they land.
    static func reader(for format: DocumentFormat) -> FormatReader.Type {
        switch format {
        case .text, .pdf, .docx: return PlainTextReader.self
        }
    }

    /// The shared phases from structure on, for formats that already know their paragraphs.
    static func parse(_ laidOut: LaidOutText, source: SourceInfo) -> ResolutionDocument {
        let profile = LanguageDetector.detect(laidOut.languageSample)
        var draft = StructureBuilder.build(laidOut.blocks, profile: profile, hardWrapped: false)
        var doc = DocumentAssembler(profile: profile, notes: laidOut.footnotes).assemble(draft, hardWrapped: false)
        draft = DraftStructure()
        doc.source = source
        doc.furniture = laidOut.furniture
        return doc
    }

    public static func parse(text: String, source: SourceInfo) -> ResolutionDocument {
        let profile = LanguageDetector.detect(text)
        // Each phase's input is released as soon as the next phase has what it needs, so
        // that a large document is held in memory only a few times over.
        var lines = LineSplitter.split(text)
        let measure = LineSplitter.measure(lines)
        let hardWrapped = LineSplitter.isHardWrapped(lines, measure: measure)
        var (bodyLines, rawNotes) = FootnoteExtractor.extract(lines, hardWrapped: hardWrapped, measure: measure)
        lines = []
        var furniture: [(line: Int, text: String)] = []
        var blocks = BlockBuilder.build(bodyLines, hardWrapped: hardWrapped, measure: measure,
                                        footnoteNumbers: Set(rawNotes.map(\.number)), profile: profile,
                                        furniture: &furniture)
        bodyLines = []
        var draft = StructureBuilder.build(taking: &blocks, profile: profile, hardWrapped: hardWrapped)
        blocks = []
        var doc = DocumentAssembler(profile: profile, notes: rawNotes).assemble(draft, hardWrapped: hardWrapped)
        draft = DraftStructure()
        doc.source = source
        doc.furniture = furniture.sorted { $0.line < $1.line }.map(\.text)
        return doc
    }
}

/// Text files: decoded here, laid out by the line phases.
enum PlainTextReader: FormatReader {
    static func read(_ bytes: [UInt8], path: String) throws -> FormatReading {
        let decoded = try TextDecoder.decode(bytes, path: path)
        return .text(decoded.text, encoding: decoded.encoding)
    }
}

/// SHA-256 computed on a background queue for inputs big enough to be worth it.
final class HashInBackground: @unchecked Sendable {
    private var result = ""
    private let group = DispatchGroup()

    init(_ bytes: [UInt8]) {
        if bytes.count < 1 << 20 { result = SHA256.hex(bytes); return }
        group.enter()
        DispatchQueue.global().async {
            self.result = SHA256.hex(bytes)
            self.group.leave()
        }
    }

    func value() -> String {
        group.wait()
        return result
    }
}

enum LanguageDetector {
    /// The language whose script dominates; among Latin-script languages, the one whose
    /// common words occur most.
    static func detect(_ text: String, among profiles: [LanguageProfile] = LanguageCatalog.profiles) -> LanguageProfile {
        var han = 0, arabic = 0, cyrillic = 0, latin = 0
        var sample = 0
        for s in text.unicodeScalars {
            sample += 1
            if sample > 200_000 { break }
            switch s.value {
            case 0x4E00...0x9FFF, 0x3400...0x4DBF: han += 1
            case 0x0600...0x06FF: arabic += 1
            case 0x0400...0x04FF: cyrillic += 1
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
            default: break
            }
        }
        func first(_ script: String) -> LanguageProfile? { profiles.first { $0.spec.script == script } }
        let best = max(han * 3, arabic, cyrillic, latin)
        if best == han * 3, han > 0, let p = first("cjk") { return p }
        if best == arabic, arabic > 0, let p = first("arabic") { return p }
        if best == cyrillic, cyrillic > 0, let p = first("cyrillic") { return p }
        let latinProfiles = profiles.filter { $0.spec.script == "latin" }
        guard !latinProfiles.isEmpty else { return profiles.first ?? LanguageCatalog.fallback }
        let head = String(text.unicodeScalars.prefix(60_000)).lowercased()
        var counts: [String: Int] = [:]
        for word in head.split(whereSeparator: { !$0.isLetter }) { counts[String(word), default: 0] += 1 }
        return latinProfiles.max { a, b in
            a.spec.stopwords.reduce(0) { $0 + (counts[$1] ?? 0) } < b.spec.stopwords.reduce(0) { $0 + (counts[$1] ?? 0) }
        }!
    }
}
