/// `show --format text`: the structure for people (stub).
public struct TextRenderer {
    public var width: Int
    public init(width: Int) { self.width = width }
    public func render(_ doc: ResolutionDocument) -> String { doc.units.map(\.text).joined(separator: "\n") }
}
