// numbering.xml: automatic numbering resolved to the numbers Word shows. A paragraph's
// `w:numPr` names a `w:num`, which points to an `w:abstractNum` whose `w:lvl` says how
// each level is printed (`%1.`, `(%2)`) and in which format. Counters run per list and
// level; a deeper level restarts when a shallower one advances.
import Foundation

struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = "%1."
    }
    struct Num {
        var abstractID: Int
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }
    var abstracts: [Int: [Int: Level]] = [:]
    var nums: [Int: Num] = [:]
    /// Counters per list: lists that share an abstract definition without overrides
    /// continue one another, as in Word.
    private var counters: [String: [Int?]] = [:]

    func level(numID: Int, level: Int) -> Level? {
        guard let num = nums[numID] else { return nil }
        if let l = num.levelOverrides[level] { return l }
        return abstracts[num.abstractID]?[level]
    }

    /// The label Word shows for the next paragraph of list `numID` at `level`, advancing
    /// the counters; nil for bullets and unknown lists.
    /// - Complexity: O(levels).
    mutating func next(numID: Int, level rawLevel: Int) -> String? {
        let lvl = min(max(rawLevel, 0), 8)
        guard numID != 0, let num = nums[numID], let def = level(numID: numID, level: lvl) else { return nil }
        let key = num.startOverrides.isEmpty && num.levelOverrides.isEmpty ? "a\(num.abstractID)" : "n\(numID)"
        var c = counters[key] ?? Array(repeating: nil, count: 9)
        let start = num.startOverrides[lvl] ?? def.start
        c[lvl] = c[lvl].map { min($0, Int(Int32.max)) + 1 } ?? start
        for deeper in (lvl + 1)..<9 { c[deeper] = nil }
        counters[key] = c
        if def.format == "bullet" {
            // Symbol and Wingdings bullets are private-use code points: show the usual bullet.
            let mark = def.text.unicodeScalars.filter { !(0xF000...0xF0FF).contains($0.value) && !Chars.isSpace($0) }
            return mark.isEmpty ? "•" : String(String.UnicodeScalarView(mark))
        }
        // `%1.%2.` — each placeholder is that level's counter in that level's format.
        var out = ""
        var chars = Array(def.text)
        var i = 0
        while i < chars.count {
            if chars[i] == "%", i + 1 < chars.count, let d = chars[i + 1].wholeNumberValue, d >= 1, d <= 9 {
                let k = d - 1
                let kDef = self.level(numID: numID, level: k) ?? def
                let value = c[k] ?? (num.startOverrides[k] ?? kDef.start)
                if def.format != "none" { out += WordNumbering.format(value, kDef.format) }
                i += 2
                continue
            }
            out.append(chars[i])
            i += 1
        }
        chars = []
        let trimmedLabel = out.trimmingCharacters(in: .whitespaces)
        return trimmedLabel.isEmpty ? nil : trimmedLabel
    }

    /// Word accepts start values 0…32767; a file we did not write may say anything.
    static func clampStart(_ v: Int) -> Int { min(max(v, 0), 32_767) }

    static func format(_ n: Int, _ format: String) -> String {
        switch format {
        case "lowerLetter": return letters(n, upper: false)
        case "upperLetter": return letters(n, upper: true)
        case "lowerRoman": return roman(n).lowercased()
        case "upperRoman": return roman(n)
        case "decimalZero": return n < 10 ? "0\(n)" : String(n)
        case "arabicAbjad": return cyclic(n, arabicAbjad)
        case "arabicAlpha": return cyclic(n, arabicAlpha)
        case "russianLower": return cyclic(n, russian)
        case "russianUpper": return cyclic(n, russian).uppercased()
        case "ideographTraditional": return cyclic(n, "甲乙丙丁戊己庚辛壬癸".map(String.init))
        case "chineseCounting", "chineseCountingThousand", "ideographDigital": return chinese(n)
        default: return String(n)   // decimal, and formats we do not spell out
        }
    }

    /// Word's letters: a…z, then aa…zz, aaa… (the letter repeated).
    static func letters(_ n: Int, upper: Bool) -> String {
        // Past 8 repeats (`hhhhhhhh`) a hostile start value would make labels run away: digits.
        guard n > 0, (n - 1) / 26 < 8 else { return String(n) }
        let letter = Character(Unicode.Scalar((upper ? 65 : 97) + UInt8((n - 1) % 26)))
        return String(repeating: letter, count: (n - 1) / 26 + 1)
    }

    // The letter sequences Word uses (Russian skips ё й ъ ы ь; Arabic heh is written هـ).
    static let arabicAbjad = ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص",
                              "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ"]
    static let arabicAlpha = ["أ", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط", "ظ", "ع",
                              "غ", "ف", "ق", "ك", "ل", "م", "ن", "هـ", "و", "ي"]
    static let russian = "абвгдежзиклмнопрстуфхцчшщэюя".map(String.init)

    /// Past the end of the sequence the letter repeats (as Word does for a…z, aa…).
    static func cyclic(_ n: Int, _ letters: [String]) -> String {
        guard n > 0, (n - 1) / letters.count < 8 else { return String(n) }
        return String(repeating: letters[(n - 1) % letters.count], count: (n - 1) / letters.count + 1)
    }

    /// 一 … 九十九, as Chinese counting numbers are written; larger numbers stay digits.
    static func chinese(_ n: Int) -> String {
        let digits = Array("〇一二三四五六七八九")
        guard n > 0, n < 100 else { return String(n) }
        if n < 10 { return String(digits[n]) }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : String(digits[tens])) + "十" + (ones == 0 ? "" : String(digits[ones]))
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n, out = ""
        for (v, s) in table { while rest >= v { out += s; rest -= v } }
        return out
    }

    static func parse(_ data: Data, path: String) throws -> WordNumbering {
        let handler = NumberingHandler()
        try WordXML.parse(data, part: "word/numbering.xml", path: path, handler: handler)
        return handler.result
    }

    private final class NumberingHandler: WordXMLHandler {
        var result = WordNumbering()
        var abstractID: Int?
        var numID: Int?
        var overrideLevel: Int?
        var levelIndex: Int?
        var level = Level()

        func start(_ name: String, _ a: [String: String]) {
            let val = a["w:val"]
            switch name {
            case "w:abstractNum": abstractID = a["w:abstractNumId"].flatMap { Int($0) }
            case "w:num":
                numID = a["w:numId"].flatMap { Int($0) }
            case "w:abstractNumId":
                if let n = numID, let v = val.flatMap({ Int($0) }) { result.nums[n] = Num(abstractID: v) }
            case "w:lvlOverride": overrideLevel = a["w:ilvl"].flatMap { Int($0) }
            case "w:startOverride":
                if let n = numID, let l = overrideLevel, let v = val.flatMap({ Int($0) }) { result.nums[n]?.startOverrides[l] = WordNumbering.clampStart(v) }
            case "w:lvl":
                levelIndex = a["w:ilvl"].flatMap { Int($0) }
                level = Level()
            case "w:start": if levelIndex != nil, let v = val.flatMap({ Int($0) }) { level.start = WordNumbering.clampStart(v) }
            case "w:numFmt": if levelIndex != nil, let v = val { level.format = v }
            case "w:lvlText": if levelIndex != nil { level.text = val ?? "" }
            default: break
            }
        }

        func end(_ name: String) {
            switch name {
            case "w:lvl":
                guard let l = levelIndex else { return }
                if let n = numID, overrideLevel != nil { result.nums[n]?.levelOverrides[l] = level }
                else if let a = abstractID { result.abstracts[a, default: [:]][l] = level }
                levelIndex = nil
            case "w:lvlOverride": overrideLevel = nil
            case "w:abstractNum": abstractID = nil
            case "w:num": numID = nil
            default: break
            }
        }

        func text(_ s: String) {}
    }
}
