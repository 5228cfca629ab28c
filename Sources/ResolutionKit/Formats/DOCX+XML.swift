// Foundation's XML parser, set up for files we did not write: no DTD (a DTD is how the
// "billion laughs" entity expansion works, and WordprocessingML never needs one), no
// external entities. Handlers get qualified element names (`w:p`) and attributes.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Receives the events of one XML part.
protocol WordXMLHandler: AnyObject {
    func start(_ name: String, _ attributes: [String: String])
    func end(_ name: String)
    func text(_ s: String)
}

enum WordXML {
    /// Parses one part, refusing DTDs before the parser sees them.
    /// - Throws: `.unsafeXML` for a DTD or entity declaration, `.notADocument` when the
    ///   part is not well-formed XML.
    /// - Complexity: O(size of the part).
    static func parse(_ data: Data, part: String, path: String, handler: WordXMLHandler) throws {
        if containsDeclaration(data) {
            throw DocumentError.unsafeXML(path: path, part: part,
                                          reason: "it declares a DTD or entities (entity expansion is not allowed)")
        }
        // From a stream: libxml2 refuses a single buffer past ~10 MB ("not well-formed"),
        // and a large resolution's document.xml is bigger than that.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        let relay = Relay(handler)
        parser.delegate = relay
        if !parser.parse() {
            let reason = relay.failure ?? parser.parserError.map { "\($0)" } ?? "unknown error"
            throw DocumentError.notADocument(path: path, reason: "\(part) is not well-formed XML (line \(parser.lineNumber): \(reason))")
        }
        // A truncated part can parse "successfully" up to its end: its elements never close.
        if relay.depth != 0 || !relay.sawRoot {
            throw DocumentError.notADocument(path: path, reason: "\(part) is not well-formed XML (it ends before its elements close)")
        }
    }

    /// `<!DOCTYPE` or `<!ENTITY` anywhere in the bytes.
    /// - Complexity: O(n).
    static func containsDeclaration(_ data: Data) -> Bool {
        let doctype = Array("<!DOCTYPE".utf8), entity = Array("<!ENTITY".utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let b = raw.bindMemory(to: UInt8.self)
            var i = 0
            while i + 8 < b.count {
                if b[i] == 0x3C, b[i + 1] == 0x21 {   // "<!"
                    if matches(b, i, doctype) || matches(b, i, entity) { return true }
                }
                i += 1
            }
            return false
        }
    }

    private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ word: [UInt8]) -> Bool {
        guard at + word.count <= b.count else { return false }
        for k in 0..<word.count where b[at + k] & 0xDF != word[k] & 0xDF { return false }
        return true
    }

    /// `w:val="0"`, `"false"` and `"off"` turn a toggle off; absence or anything else turns it on.
    static func toggle(_ attributes: [String: String]) -> Bool {
        guard let v = attributes["w:val"] else { return true }
        return !(v == "0" || v == "false" || v == "off" || v == "none")
    }

    private final class Relay: NSObject, XMLParserDelegate {
        let handler: WordXMLHandler
        var failure: String?
        var depth = 0
        var sawRoot = false
        init(_ handler: WordXMLHandler) { self.handler = handler }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            depth += 1
            sawRoot = true
            handler.start(elementName, attributeDict)
        }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            depth -= 1
            handler.end(elementName)
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { handler.text(string) }
        // A DTD that slipped past the byte check still stops the parse.
        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            failure = "entity declaration"
            parser.abortParsing()
        }
        func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
            failure = "external entity declaration"
            parser.abortParsing()
        }
    }
}
