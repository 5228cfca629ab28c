import ArgumentParser
import Foundation
import ResolutionKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the parsed structure of a resolution.")
    @Argument(help: "The resolution file.") var file: String
    @Option(help: "text, json or markdown") var format: String = "text"
    func run() throws {
        let doc = try ResolutionDocument.load(path: file)
        let enc = JSONEncoder(); enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try enc.encode(doc), as: UTF8.self))
    }
}
