// Documents built with the model's initialisers (Chinese and English), and helpers that
// drive the reader purely: state + update + render, no terminal.
import Foundation
@testable import Reader
import ResolutionKit
import Terminal

enum Fixtures {
    static let chinese: ResolutionDocument = {
        let pp1 = Paragraph(id: "pp1", kind: .preambular, index: 1, lead: "回顾", text: "回顾信息社会世界峰会成果文件，",
                            footnoteRefs: [FootnoteRef(number: 1, offset: 15)])
        let pp2 = Paragraph(id: "pp2", kind: .preambular, index: 2, lead: "又回顾",
                            text: "又回顾大会 2015 年 12 月 16 日题为“关于信息社会世界峰会成果文件执行情况全面审查的大会高级别会议成果文件”的第 70/125 号决议，其中大会重申世界峰会关于建立一个以人为本、具有包容性和着眼于发展的信息社会的愿景，",
                            footnoteRefs: [FootnoteRef(number: 2, offset: 40)], references: ["70/125"])
        let op1 = Paragraph(id: "op1", kind: .operative, index: 1, number: 1, lead: "欢迎并敦促",
                            text: "欢迎并敦促充分执行大会第 70/125 号决议第 5 段；", references: ["70/125"])
        let op2 = Paragraph(id: "op2", kind: .operative, index: 2, number: 2, lead: "欢迎",
                            text: "欢迎所有利益攸关方为全面审查信息社会世界峰会成果落实进展情况提供的各种建设性意见；",
                            footnoteRefs: [FootnoteRef(number: 1, offset: 42)])
        let op3 = Paragraph(id: "op3", kind: .operative, index: 3, number: 3, lead: "请",
                            text: "请秘书长：", subparagraphs: [
                                Subparagraph(id: "op3.a", label: "a", text: "继续支持各国政府（包括最不发达国家）的能力建设；"),
                                Subparagraph(id: "op3.b", label: "b", text: "向委员会第二十四届会议提交报告。"),
                            ])
        var ops = [op1, op2, op3]
        for n in 4...12 {
            ops.append(Paragraph(id: "op\(n)", kind: .operative, index: n, number: n, lead: "鼓励",
                                 text: "鼓励所有利益攸关方继续在可持续发展目标框架内弥合数字鸿沟，包括性别方面的数字鸿沟，并加强国际合作（第 \(n) 段）。"))
        }
        return ResolutionDocument(
            source: SourceInfo(path: "zh.txt", sha256: "", encoding: "utf-8"), language: "zh",
            meta: DocumentMeta(body: "经济及社会理事会", number: "2099/17", symbol: "E/RES/2099/17", status: .adopted,
                               title: "评估信息社会世界峰会成果落实和后续工作方面取得的进展", date: "2020-07-22"),
            preface: ["2099/17. 评估信息社会世界峰会成果落实和后续工作方面取得的进展", "经济及社会理事会，"],
            preamble: [pp1, pp2], operative: ops,
            headings: [Heading(id: "h1", text: "前进的道路", before: "op4")],
            footnotes: [Footnote(id: "fn1", number: 1, text: "见 A/C.2/59/3 和 A/60/687。", citedBy: ["pp1", "op2"]),
                        Footnote(id: "fn2", number: 2, text: "大会第 217 A(III)号决议。", citedBy: ["pp2"])],
            closing: Closing(lines: ["2020 年 7 月 22 日", "第 14 次全体会议"]))
    }()

    static let english: ResolutionDocument = {
        let pp1 = Paragraph(id: "pp1", kind: .preambular, index: 1, lead: "Recalling",
                            text: "Recalling its resolution 70/125 of 16 December 2015 on the overall review of the implementation of the outcomes of the World Summit on the Information Society,",
                            footnoteRefs: [FootnoteRef(number: 1, offset: 61)], references: ["70/125"])
        let pp2 = Paragraph(id: "pp2", kind: .preambular, index: 2, lead: "Noting with satisfaction",
                            text: "Noting with satisfaction the report of the Secretary-General on progress made in the implementation of and follow-up to the outcomes at the regional and international levels,")
        var ops: [Paragraph] = []
        let verbs = ["Welcomes", "Urges", "Reaffirms", "Encourages", "Requests", "Decides"]
        for n in 1...10 {
            ops.append(Paragraph(id: "op\(n)", kind: .operative, index: n, number: n, lead: verbs[n % verbs.count],
                                 text: "\(verbs[n % verbs.count]) all stakeholders to continue to bridge the digital divides, including the gender digital divide, through international cooperation (paragraph \(n)) and supercalifragilisticexpialidociousnesses;"))
        }
        return ResolutionDocument(
            source: SourceInfo(path: "en.txt", sha256: "", encoding: "utf-8"), language: "en",
            meta: DocumentMeta(body: "Economic and Social Council", number: "2099/17", symbol: "E/RES/2099/17", status: .adopted,
                               title: "Assessment of the progress made in the implementation of the outcomes of the World Summit", date: "2020-07-22"),
            preface: ["2099/17. Assessment of the progress made", "The Economic and Social Council,"],
            preamble: [pp1, pp2], operative: ops,
            headings: [Heading(id: "h1", text: "The way forward", before: "op5")],
            footnotes: [Footnote(id: "fn1", number: 1, text: "See A/C.2/59/3 and A/60/687.", citedBy: ["pp1"])],
            closing: Closing(lines: ["14th plenary meeting", "22 July 2020"]))
    }()

    /// The resolution that `70/125` points to, for reference-following tests.
    static let cited: ResolutionDocument = {
        let ops = (1...6).map { n in
            Paragraph(id: "op\(n)", kind: .operative, index: n, number: n, lead: "重申", text: "重申第 \(n) 段的承诺。")
        }
        return ResolutionDocument(source: SourceInfo(path: "cited.txt", sha256: "", encoding: "utf-8"), language: "zh",
                                  meta: DocumentMeta(body: "大会", number: "70/125", symbol: "A/RES/70/125",
                                                     title: "信息社会世界峰会成果文件执行情况全面审查", date: "2015-12-16"),
                                  operative: ops)
    }()

    static func state(_ docs: [ResolutionDocument], width: Int = 80, height: Int = 24, color: Bool = true,
                      notes: [DocumentNotes]? = nil) -> ReaderState {
        ReaderState(documents: docs.enumerated().map { DocumentModel(path: "/lib/\($0.offset).txt", document: $0.element) },
                    notes: notes ?? docs.map { _ in DocumentNotes() }, width: width, height: height, color: color,
                    defaultTags: ["support", "oppose", "amend", "priority", "question", "agreed-language"])
    }
}

extension ReaderState {
    /// Feeds keys (`"j"`, or named keys) and returns all effects produced.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for k in keys { effects += update(&self, .input(.key(k))) }
        return effects
    }

    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        var effects: [Effect] = []
        for u in text.unicodeScalars { effects += update(&self, .input(.key(.char(u)))) }
        return effects
    }

    var screenText: String { render(self).text }
}

/// Compares a rendered screen with `Snapshots/<name>.txt`. A missing file (or
/// RESO_RECORD_SNAPSHOTS=1) records it, so a new snapshot is reviewed in the diff.
func snapshotMatches(_ text: String, _ name: String, file: String = #filePath) -> Bool {
    let url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name).txt")
    let recording = ProcessInfo.processInfo.environment["RESO_RECORD_SNAPSHOTS"] == "1"
    if recording || !FileManager.default.fileExists(atPath: url.path) {
        try? (text + "\n").write(to: url, atomically: true, encoding: .utf8)
        return true
    }
    let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return expected == text + "\n"
}
