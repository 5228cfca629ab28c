import Dispatch

// bytes → ResolutionDocument, in phases:
//   decode → lines (furniture out) → footnote blocks lifted → blocks (wraps joined,
//   cut paragraphs rejoined) → structure → inline pass (markers, leads, references).

public enum ResolutionParser {
    public static func parse(bytes: [UInt8], path: String) throws -> ResolutionDocument {
        var copy = bytes
        return try parse(taking: &copy, path: path)
    }

    /// Parses and empties `bytes` once they are read (decoded text or laid-out blocks hold
    /// what is needed), so that the file's bytes are not held through the later phases.
    public static func parse(taking bytes: inout [UInt8], path: String) throws -> ResolutionDocument {
        if LanguageCatalog.specs.isEmpty {
            throw DocumentError.noLanguageData(detail: LanguageCatalog.problems.first ?? "no language files")
        }
        // The hash is independent of the parse: on large inputs it runs on the other core.
        let hash = HashInBackground(bytes)
        let format = DocumentFormat.sniff(bytes)
        var doc: ResolutionDocument
        var reading: FormatReading? = try reader(for: format).read(bytes, path: path)
        bytes = []
        if let (holder, encoding) = takeText(&reading) {
            doc = parse(holder, source: SourceInfo(path: path, sha256: "", encoding: encoding, format: format))
        } else if case let .blocks(laidOut)? = reading {
            reading = nil
            doc = parse(laidOut, source: SourceInfo(path: path, sha256: "", encoding: laidOut.encoding, format: format))
        } else {
            preconditionFailure("a format reading is text or blocks")
        }
        doc.source.sha256 = hash.value()
        return doc
    }

    /// Moves decoded text out of `reading` into a holder that is its only owner, so that the
    /// line phase can release it: bound by a `case let` in the caller, the text stayed
    /// referenced by the reading (one whole copy of the input) until the parse returned.
    private static func takeText(_ reading: inout FormatReading?) -> (TextHolder, String)? {
        switch reading {
        case let .text(text, encoding)?:
            reading = nil
            return (TextHolder(text), encoding)
        case let .utf8(bytes, encoding)?:
            reading = nil
            return (TextHolder(utf8: bytes), encoding)
        default:
            return nil
        }
    }

    /// The reader for each format.
    static func reader(for format: DocumentFormat) -> FormatReader.Type {
        switch format {
        case .pdf: return PDFReader.self
        case .docx: return DOCXReader.self
        case .text: return PlainTextReader.self
        }
    }

    /// The shared phases from structure on, for formats that already know their paragraphs.
    static func parse(_ laidOut: LaidOutText, source: SourceInfo) -> ResolutionDocument {
        var laidOut = laidOut
        let profile = LanguageDetector.detect(laidOut.languageSample)
        if profile.spec.script == .arabic {
            var counts = (sound: 0, reversed: 0)
            for b in laidOut.blocks { ArabicLigatures.tally(b.text, into: &counts) }
            for n in laidOut.footnotes { ArabicLigatures.tally(n.text, into: &counts) }
            // A PDF's words as poppler spaced them; a Word file's paragraphs are the author's
            // own text (and its tracked changes point into it). Joined before the ligatures are
            // mended, which read whole words.
            if source.format == .pdf { mendWordPieces(&laidOut, ligaturesReversed: ArabicLigatures.reversed(counts)) }
            if ArabicLigatures.reversed(counts) {
                var ligatures = ReversedLigatureRepair()
                for i in laidOut.blocks.indices { ligatures.repair(&laidOut.blocks[i].text) }
                for i in laidOut.footnotes.indices { ligatures.repair(&laidOut.footnotes[i].text) }
            }
        }
        var draft = StructureBuilder.build(laidOut.blocks, profile: profile, hardWrapped: false)
        var assembler = DocumentAssembler(profile: profile, notes: laidOut.footnotes)
        laidOut.footnotes = []
        var doc = assembler.assemble(taking: &draft, hardWrapped: false)
        draft = DraftStructure()
        doc.source = source
        doc.furniture = laidOut.furniture
        let changes = TrackedChangeLocator.locate(laidOut.revisions, blocks: laidOut.blocks, in: doc)
        if !changes.isEmpty { doc.revisions = changes }
        return doc
    }

    /// Joins the pieces of Arabic words that a PDF's extraction spaced apart (`ArabicWordPieces`),
    /// in the blocks and the notes, with one lexicon for both.
    static func mendWordPieces(_ laidOut: inout LaidOutText, ligaturesReversed: Bool) {
        var counts = (pieces: 0, tokens: 0)
        for b in laidOut.blocks { ArabicWordPieces.tally(b.text, into: &counts) }
        for n in laidOut.footnotes { ArabicWordPieces.tally(n.text, into: &counts) }
        let blocks = laidOut.blocks.count
        func text(_ i: Int) -> Scalars { i < blocks ? laidOut.blocks[i].text : laidOut.footnotes[i - blocks].text }
        func removing(_ i: Int, _ spaces: [Int]) {
            if i < blocks { laidOut.blocks[i].text = ArabicWordPieces.removing(spaces, from: laidOut.blocks[i].text) }
            else { laidOut.footnotes[i - blocks].text = ArabicWordPieces.removing(spaces, from: laidOut.footnotes[i - blocks].text) }
        }
        ArabicWordPieces.mend(blocks + laidOut.footnotes.count, counts: counts, text: text, removing: removing)
        // What the document never prints whole, by how Arabic is spelled.
        ArabicWordPieces.mendByLetters(blocks + laidOut.footnotes.count, counts: counts, ligaturesReversed: ligaturesReversed,
                                       text: text, removing: removing)
    }

    public static func parse(text: String, source: SourceInfo) -> ResolutionDocument {
        parse(TextHolder(text), source: source)
    }

    static func parse(_ holder: TextHolder, source: SourceInfo) -> ResolutionDocument {
        let profile = LanguageDetector.detect(holder.detectionSample)
        if holder.utf8.withUnsafeBufferPointer(DenseText.isDense(utf8:)) {
            var doc = ResolutionDocument(source: source, language: profile.code)
            doc.other = holder.utf8.withUnsafeBufferPointer { DenseText.unplaced(utf8: $0, joinWithSpace: profile.spec.joinWithSpace) }
            holder.utf8 = []
            return doc
        }
        let size = holder.utf8.count
        // Each phase's input is released as soon as the next phase has what it needs, so
        // that a large document is held in memory only a few times over. The decoded text
        // goes first, once it is split into lines (when the holder has its only copy).
        var pieces = TextPieces.take(holder)
        // Decided before the lines are made: the line phase reads brackets and commas (digit
        // runs in visual order, commas printed before their word), so a kashida written as
        // one must be gone by then.
        let kashida = profile.spec.script == .arabic ? ArabicKashida.standIn(sampling: pieces, phrases: profile.spec.months) : nil
        var lines = LineSplitter.split(taking: &pieces, kashida: kashida)
        if profile.spec.script == .arabic {
            var counts = (sound: 0, reversed: 0)
            var pieceCounts = (pieces: 0, tokens: 0)
            for l in lines {
                ArabicLigatures.tally(l.text, into: &counts)
                ArabicWordPieces.tally(l, into: &pieceCounts)
            }
            // Line by line: a word is taken apart inside a printed line. Each line keeps its
            // width, the room it took on the page. Joined before the ligatures are mended,
            // which read whole words.
            ArabicWordPieces.mend(&lines, counts: pieceCounts)
            ArabicWordPieces.mendByLetters(&lines, counts: pieceCounts, ligaturesReversed: ArabicLigatures.reversed(counts))
            if ArabicLigatures.reversed(counts) { ReversedLigatureRepair.repair(&lines) }
        }
        var layout = TextLayout.of(lines, measuringOpenings: profile.opensWithoutCapital)
        // Only extracted (hard-wrapped) text has lines taken apart; measured again once mended.
        if layout.hardWrapped && SpreadWords.mend(&lines, profile: profile) {
            layout = TextLayout.of(lines, measuringOpenings: profile.opensWithoutCapital)
        }
        if layout.hardWrapped && profile.spec.script == .arabic { RightToLeftPieces.restore(&lines, measure: layout.measure, blockGap: layout.blockGap) }
        layout.normalise(&lines)
        var bodyLines = lines
        lines = []
        var rawNotes = FootnoteExtractor.extract(taking: &bodyLines, layout: layout)
        // Page furniture, for the phases that pass over it: running lines and the profile's own.
        let running = layout.repeatedFurniture
        let isFurniture = { (line: SourceLine) in running.contains(line.index) || Furniture.isFurniture(line.scalars, profile: profile) }
        // Page-foot notes are a thing of PDF text: hard-wrapped, or a short text (one page, too
        // few lines to show its wrapping) that ends with a page's footer.
        if layout.hardWrapped || bodyLines.suffix(60).contains(where: isFurniture) {
            rawNotes += FootnoteExtractor.liftPageFootNotes(&bodyLines, after: rawNotes, profile: profile, isFurniture: isFurniture)
        }
        if layout.hardWrapped { NumberColumn.restorePageOrder(&bodyLines, isFurniture: isFurniture) }
        NumberColumn.reattach(&bodyLines, layout: layout, profile: profile, isFurniture: isFurniture)
        NumberColumn.reattachScattered(&bodyLines, layout: layout, profile: profile, isFurniture: isFurniture)
        if layout.hardWrapped {
            NumberAfterFirstLine.reattach(&bodyLines, profile: profile, isFurniture: isFurniture)
            LabelColumn.reattach(&bodyLines, profile: profile, isFurniture: isFurniture)
        }
        var furniture: [(line: Int, text: String)] = []
        var blocks = BlockBuilder.build(taking: &bodyLines, layout: layout, footnoteNumbers: Set(rawNotes.map(\.number)),
                                        profile: profile, furniture: &furniture)
        bodyLines = []
        if DenseText.isDense(blocks: blocks, bytes: size) {
            var doc = ResolutionDocument(source: source, language: profile.code)
            doc.other = DenseText.unplaced(taking: &blocks, notes: rawNotes, joinWithSpace: profile.spec.joinWithSpace)
            doc.furniture = furniture.sorted { $0.line < $1.line }.map(\.text)
            return doc
        }
        var draft = StructureBuilder.build(taking: &blocks, profile: profile, hardWrapped: layout.hardWrapped)
        blocks = []
        var assembler = DocumentAssembler(profile: profile, notes: rawNotes)
        rawNotes = []
        var doc = assembler.assemble(taking: &draft, hardWrapped: layout.hardWrapped)
        draft = DraftStructure()
        doc.source = source
        doc.furniture = furniture.sorted { $0.line < $1.line }.map(\.text)
        return doc
    }
}

/// The decoded text as its UTF-8 bytes (valid UTF-8), passed by reference so that the parse
/// can let go of it after the line phase instead of holding it (a whole copy of the input)
/// to the end.
final class TextHolder {
    var utf8: [UInt8]
    init(_ text: String) { utf8 = Array(text.utf8) }
    init(utf8: [UInt8]) { self.utf8 = utf8 }

    /// The text's beginning as a String, for language detection, which reads at most its
    /// first 200,000 scalars: those, and the rest of the text only when it is short.
    /// - Complexity: O(min(n, 800,000)).
    var detectionSample: String {
        if utf8.count <= LanguageDetector.sampleScalars { return String(decoding: utf8, as: UTF8.self) }
        // The bytes that start a scalar (not UTF-8 continuation bytes, 10xxxxxx), counted up
        // to one past the sample: the sample ends right before that one.
        var end = 0, scalars = 0
        while end < utf8.count {
            if utf8[end] & 0xC0 != 0x80 {
                if scalars == LanguageDetector.sampleScalars { break }
                scalars += 1
            }
            end += 1
        }
        return String(decoding: utf8[..<end], as: UTF8.self)
    }
}

/// Text files: decoded here, laid out by the line phases.
enum PlainTextReader: FormatReader {
    static func read(_ bytes: [UInt8], path: String) throws -> FormatReading {
        // A large file that is UTF-8 as it stands is read from its own bytes: made into a
        // String, it was copied and its pages touched once more only to be cut into pieces.
        if bytes.count >= TextDecoder.inPlaceBytes, try TextDecoder.isPlainUTF8(bytes, path: path) {
            return .utf8(bytes, encoding: "utf-8")
        }
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
