import ArgumentParser

// Placeholder until the annotations issue lands; replaced by the real command.
struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notes", abstract: "(not built yet)")
    func run() throws { throw UserFacingError("reso notes is not available yet") }
}
