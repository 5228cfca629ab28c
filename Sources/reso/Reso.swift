import ArgumentParser
import Foundation
import ResolutionKit

@main
struct Reso: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reso",
        abstract: "Read, tag and annotate United Nations resolutions in the terminal.",
        discussion: """
        With no PATH, opens the bundled sample library. PATH may be resolution files \
        (.txt, .md) or folders of them. When standard output is not a terminal, prints \
        the parsed text instead of opening the reader.
        """,
        version: "0.1.0",
        subcommands: [OpenCommand.self, ShowCommand.self, TagCommand.self, NoteCommand.self, AmendCommand.self, NotesCommand.self,
                      ExportCommand.self, SearchCommand.self, IndexCommand.self, DiffCommand.self, CarryCommand.self,
                      CompareCommand.self,
                      ConfigCommand.self, MergeSidecarCommand.self, GitSetupCommand.self, BenchCommand.self],
        defaultSubcommand: OpenCommand.self
    )

    /// ArgumentParser's own `main`, except that its messages (errors quote what the user typed,
    /// file names included) go through ConsoleOutput like everything else reso prints.
    static func main() {
        MemorySetup.keepLargeBuffersMapped()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as UserFacingError {
            ConsoleOutput.message(fullMessage(for: error))
            terminate(error.status.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { ConsoleOutput.line(message) }
            } else if !message.isEmpty {
                // (A bare exit status, as `search` gives for no match, has nothing to say: no
                // empty line after the message the command printed itself.)
                ConsoleOutput.message(message)
            }
            terminate(code.rawValue)
        }
    }
}

/// `reso [PATH…]`: the reader (the default command).
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the reader on files and folders (the default command)."
    )

    @Argument(help: "Resolution files or folders to open (default: the bundled library).")
    var paths: [String] = []

    @Flag(help: "Count East Asian ambiguous-width characters (§ ° ± “ ”, Greek, Cyrillic) as two columns, as CJK terminals draw them (config.toml: ambiguous_wide = true).")
    var ambiguousWide = false

    func run() throws {
        try ReaderLaunch.open(paths: paths, ambiguousWide: ambiguousWide)
    }
}

/// A failure the user can act on: printed as one line on stderr; exit status 1 (not found,
/// cannot read, …) or 64 for a usage error.
struct UserFacingError: Error, CustomStringConvertible {
    let description: String
    let status: ExitStatus
    init(_ message: String, status: ExitStatus = .failure) { description = message; self.status = status }
}

/// reso's exit statuses (documented in the README): 0 success; 1 failure, no match or not
/// found (as grep); 64 usage error (sysexits' EX_USAGE, what ArgumentParser uses for a bad
/// argument). A signal ends the reader with 128 + the signal's number.
enum ExitStatus: Int32 {
    case success = 0, failure = 1, usage = 64
    static let notFound: Int32 = 1
}
