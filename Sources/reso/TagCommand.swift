import ArgumentParser

// Placeholder until the annotations issue lands; replaced by the real command.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tag", abstract: "(not built yet)")
    func run() throws { throw UserFacingError("reso tag is not available yet") }
}
