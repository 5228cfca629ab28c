import ArgumentParser

// Placeholder until the annotations issue lands; replaced by the real command.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "(not built yet)")
    func run() throws { throw UserFacingError("reso note is not available yet") }
}
