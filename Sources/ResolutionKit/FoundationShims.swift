import Foundation

enum NSRangeShim {
    static func whole(_ s: String) -> NSRange { NSRange(location: 0, length: (s as NSString).length) }
}

extension NSRegularExpression {
    /// The capture groups of the first match, as strings ("" for a group that did not take part).
    func groups(in s: String) -> [String]? {
        guard let m = firstMatch(in: s, range: NSRangeShim.whole(s)) else { return nil }
        let ns = s as NSString
        return (0..<m.numberOfRanges).map { i in
            let r = m.range(at: i)
            return r.location == NSNotFound ? "" : ns.substring(with: r)
        }
    }
}
