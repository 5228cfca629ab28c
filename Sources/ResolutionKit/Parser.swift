// Entry point: bytes → ResolutionDocument. (Phases are filled in below.)
public enum ResolutionParser {
    public static func parse(bytes: [UInt8], path: String) throws -> ResolutionDocument {
        let decoded = try TextDecoder.decode(bytes, path: path)
        let source = SourceInfo(path: path, sha256: SHA256.hex(bytes), encoding: decoded.encoding)
        var doc = ResolutionDocument(source: source, language: "und")
        doc.other = [OtherText(text: decoded.text, after: nil)]
        return doc
    }
}
