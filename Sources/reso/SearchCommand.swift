import ArgumentParser

// Placeholder until the annotations issue lands; replaced by the real command.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "(not built yet)")
    func run() throws { throw UserFacingError("reso search is not available yet") }
}
