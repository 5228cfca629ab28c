// Reader timings for `reso bench`: start to first frame on a seed, and key-to-frame on a
// very large document. Frames are rendered into a CellGrid (what the terminal layer copies
// out), so no terminal is needed and the numbers exclude only the ncurses diff/write.
import Foundation
import Reader
import ResolutionKit
import Terminal

public enum ReaderBenchmark {
/// `seeds`: the library's documents (the first is opened alone); `longDocumentPath`: a
/// large resolution to page through (a synthetic one when nil).
public static func run(seeds: [String], longDocumentPath: String?) throws -> [String] {
    var out: [String] = []
    func ms(_ d: Duration) -> String { String(format: "%.2f ms", Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000) }
    let clock = ContinuousClock()

    // 1. Start to first frame: load + parse + prepare + render at 80×24.
    let seed = seeds.first ?? ""
    let start = clock.now
    let doc = try ResolutionDocument.load(path: seed)
    let state = ReaderState(documents: [DocumentModel(path: seed, document: doc)], notes: [DocumentNotes()],
                            width: 80, height: 24, color: true, defaultTags: [])
    _ = render(state)
    let firstFrame = clock.now - start
    out.append("reader first frame (\((seed as NSString).lastPathComponent), 80×24): \(ms(firstFrame)) (goal ≤ 50 ms)")
    let libraryStart = clock.now
    let library = try seeds.map { DocumentModel(path: $0, document: try ResolutionDocument.load(path: $0)) }
    _ = render(ReaderState(documents: library, notes: library.map { _ in DocumentNotes() }, width: 80, height: 24,
                           color: true, defaultTags: []))
    out.append("reader first frame (library of \(seeds.count) seeds, 80×24): \(ms(clock.now - libraryStart))")

    // 2. Key-to-frame on a large document.
    let big: ResolutionDocument
    let label: String
    if let path = longDocumentPath {
        big = try ResolutionDocument.load(path: path)
        label = (path as NSString).lastPathComponent
    } else {
        big = syntheticDocument(bytes: 16 << 20, sample: doc)
        label = "synthetic 16 MB"
    }
    let prep = clock.now
    let model = DocumentModel(path: longDocumentPath ?? "synthetic", document: big)
    let runtime = ReaderRuntime(state: ReaderState(documents: [model], notes: [DocumentNotes()], width: 120, height: 40,
                                                   color: true, defaultTags: []),
                                screen: NullScreen(), backend: InMemoryAnnotations(), editNote: { _ in nil })
    _ = render(runtime.state)
    out.append("reader open \(label) (\(big.operative.count + big.preamble.count) paragraphs): \(ms(clock.now - prep))")
    let keys: [Key] = Array(repeating: .char("j"), count: 100) + Array(repeating: .char(" "), count: 50)
        + [.char("G"), .char("k"), .char("k"), .char("g"), .char("o"), .char("]"), .char("["), .pageUp]
        + Array(repeating: .char("k"), count: 20)
    var times: [Duration] = []
    for k in keys {
        let t = clock.now
        runtime.send(.input(.key(k)))
        _ = render(runtime.state)
        times.append(clock.now - t)
    }
    times.sort()
    let mean = times.reduce(Duration.zero, +) / times.count
    out.append("reader key-to-frame on \(label), \(times.count) keys: mean \(ms(mean)), p95 \(ms(times[times.count * 95 / 100])), max \(ms(times.last!)) (goal ≤ 16 ms)")
    let searchStart = clock.now
    runtime.send(.input(.key(.char("/"))))
    for u in "数字鸿沟".unicodeScalars { runtime.send(.input(.key(.char(u)))) }
    runtime.send(.input(.key(.enter)))
    _ = render(runtime.state)
    out.append("reader search «数字鸿沟» over \(label) and first hit drawn: \(ms(clock.now - searchStart))")
    return out
}
}

/// A document of about `bytes` UTF-8 bytes made of the sample's paragraphs (or a fixed
/// Chinese one while the sample has none), to measure the reader on a very long text.
func syntheticDocument(bytes: Int, sample: ResolutionDocument) -> ResolutionDocument {
    let texts = (sample.preamble + sample.operative).map(\.text).filter { !$0.isEmpty }
    let pool = texts.isEmpty ? ["重申大会第 70/125 号决议所作承诺，即弥合国家之间和国家内部的数字鸿沟，包括性别方面的数字鸿沟，为此努力改善连通性、可负担性、获取信息和知识的机会、多语种内容、数字技能和数字素养。"] : texts
    var ops: [Paragraph] = []
    var headings: [Heading] = []
    var size = 0
    var n = 1
    while size < bytes {
        let t = pool[n % pool.count]
        ops.append(Paragraph(id: "op\(n)", kind: .operative, index: n, number: n, lead: String(t.prefix(2)), text: t,
                             footnoteRefs: n % 7 == 0 ? [FootnoteRef(number: 1, offset: t.unicodeScalars.count)] : []))
        if n % 500 == 0 { headings.append(Heading(id: "h\(headings.count + 1)", text: "第 \(n / 500) 部分", before: "op\(n)")) }
        size += t.utf8.count
        n += 1
    }
    return ResolutionDocument(source: SourceInfo(path: "synthetic", sha256: "", encoding: "utf-8"), language: "zh",
                              meta: DocumentMeta(title: "synthetic"), preface: sample.preface, operative: ops,
                              headings: headings, footnotes: [Footnote(id: "fn1", number: 1, text: "见 A/60/687。", citedBy: ["op7"])])
}

/// A Screen that draws nowhere: the benchmark drives the runtime by `send`.
final class NullScreen: Screen {
    var width: Int { 120 }
    var height: Int { 40 }
    var colorEnabled: Bool { true }
    func draw(_ grid: CellGrid) {}
    func nextEvent() -> InputEvent { .signal(0) }
    func suspend<T>(_ body: () throws -> T) rethrows -> T { try body() }
}
