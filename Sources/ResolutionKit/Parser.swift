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
        if LanguageCatalog.profiles.isEmpty {
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
        guard case let .text(text, encoding)? = reading else { return nil }
        reading = nil
        return (TextHolder(text), encoding)
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
            if ArabicLigatures.reversed(counts) {
                for i in laidOut.blocks.indices { ArabicLigatures.repair(&laidOut.blocks[i].text) }
                for i in laidOut.footnotes.indices { ArabicLigatures.repair(&laidOut.footnotes[i].text) }
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

    public static func parse(text: String, source: SourceInfo) -> ResolutionDocument {
        parse(TextHolder(text), source: source)
    }

    static func parse(_ holder: TextHolder, source: SourceInfo) -> ResolutionDocument {
        let profile = LanguageDetector.detect(holder.text)
        if DenseText.isDense(holder.text) {
            var doc = ResolutionDocument(source: source, language: profile.code)
            doc.other = DenseText.unplaced(holder.text, joinWithSpace: profile.spec.joinWithSpace)
            holder.text = ""
            return doc
        }
        let size = holder.text.utf8.count
        // Each phase's input is released as soon as the next phase has what it needs, so
        // that a large document is held in memory only a few times over. The decoded text
        // goes first, once it is split into lines (when the holder has its only copy).
        var pieces = TextPieces.take(holder)
        var lines = LineSplitter.split(taking: &pieces)
        if profile.spec.script == .arabic {
            var counts = (sound: 0, reversed: 0)
            for l in lines { ArabicLigatures.tally(l.text, into: &counts) }
            if ArabicLigatures.reversed(counts) {
                for i in lines.indices { ArabicLigatures.repair(&lines[i].text) }
            }
        }
        var layout = TextLayout.of(lines)
        // Only extracted (hard-wrapped) text has lines taken apart; measured again once mended.
        if layout.hardWrapped && SpreadWords.mend(&lines, profile: profile) { layout = TextLayout.of(lines) }
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

/// The decoded text, passed by reference so that the parse can let go of it after the
/// line phase instead of holding it (a whole copy of the input) to the end.
final class TextHolder {
    var text: String
    init(_ text: String) { self.text = text }
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
    /// The language whose script dominates, each script's letters (from the language files)
    /// counted with their weight; among the languages of that script, the one whose common
    /// words occur most. A text with no such letters goes to the script most languages share.
    /// - Complexity: O(min(n, 200,000) × letter ranges), plus the stopword count.
    static func detect(_ text: String, among profiles: [LanguageProfile] = LanguageCatalog.profiles) -> LanguageProfile {
        guard !profiles.isEmpty else { return LanguageCatalog.fallback }
        // One counter per script, in the order scripts first appear among the profiles.
        var scripts: [Script] = []
        var ranges: [(range: ClosedRange<UInt32>, script: Int)] = []
        var weights: [Int] = []
        for p in profiles {
            let k: Int
            if let i = scripts.firstIndex(of: p.spec.script) {
                k = i
                weights[k] = max(weights[k], p.spec.letterWeight)
            } else {
                k = scripts.count
                scripts.append(p.spec.script)
                weights.append(max(1, p.spec.letterWeight))
            }
            for r in p.letterRanges where !ranges.contains(where: { $0.range == r && $0.script == k }) { ranges.append((r, k)) }
        }
        var counts = [Int](repeating: 0, count: scripts.count)
        var sample = 0
        for s in text.unicodeScalars {
            sample += 1
            if sample > 200_000 { break }
            let v = s.value
            for r in ranges where r.range.contains(v) { counts[r.script] += 1; break }
        }
        let scored = counts.indices.map { counts[$0] * weights[$0] }
        let languages = scripts.map { script in profiles.filter { $0.spec.script == script } }
        var best = scored.indices.max { scored[$0] < scored[$1] || (scored[$0] == scored[$1] && $0 > $1) }!
        if scored[best] == 0 { best = languages.indices.max { languages[$0].count < languages[$1].count }! }
        let candidates = languages[best]
        if candidates.count == 1 { return candidates[0] }
        // Counted once per profile (not once per comparison); ties go to the first.
        return candidates.map { ($0, stopwordCount(text, $0)) }.max { $0.1 < $1.1 }!.0
    }

    /// How often the profile's stopwords occur among the first 60,000 scalars, words being
    /// runs of letters compared lowercase.
    /// - Complexity: O(60,000): one pass over scalars, no lowercased copy of the text and no
    ///   String per word (lowercasing and splitting into Characters was 39% of a parse).
    static func stopwordCount(_ text: String, _ profile: LanguageProfile) -> Int {
        var wanted: [[Unicode.Scalar]: Int] = [:]
        var longest = 0
        for w in profile.spec.stopwords {
            let scalars = Array(w.lowercased().unicodeScalars)
            wanted[scalars] = 0
            longest = max(longest, scalars.count)
        }
        var word: [Unicode.Scalar] = []
        word.reserveCapacity(longest + 1)
        var total = 0
        var seen = 0
        func close() {
            if !word.isEmpty, word.count <= longest, wanted[word] != nil { total += 1 }
            word.removeAll(keepingCapacity: true)
        }
        for c in text.unicodeScalars {
            seen += 1
            if seen > 60_000 { break }
            let v = c.value
            if v >= 0x61 && v <= 0x7A { word.append(c); continue }
            if v >= 0x41 && v <= 0x5A { word.append(Unicode.Scalar(v + 32)!); continue }
            if v < 0x80 || !c.properties.isAlphabetic { close(); continue }
            // Non-ASCII letters: lowercased one by one (`É` → `é`).
            if c.properties.isUppercase, let lower = c.properties.lowercaseMapping.unicodeScalars.first {
                word.append(lower)
            } else {
                word.append(c)
            }
        }
        close()
        return total
    }
}
