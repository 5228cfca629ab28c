import ArgumentParser

// Placeholder until the annotations issue lands; replaced by the real command.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "(not built yet)")
    func run() throws { throw UserFacingError("reso export is not available yet") }
}
