import Annotations
import ArgumentParser
import Foundation
import Reader

/// `reso config --show`: the configuration in effect, as TOML.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the configuration in effect ($XDG_CONFIG_HOME/reso/config.toml).",
        discussion: """
        Sections: [keys] action = "key" (actions: \(KeyActionNames.list)); [colours] role = colour; \
        [tags] default = [...]; [export] folder = "...". A mistake is reported with its line.
        """
    )

    @Flag(help: "Print the configuration in effect (the default).")
    var show = false

    @Flag(help: "Print where the config file is looked for.")
    var path = false

    func run() throws {
        if path { ConsoleOutput.line(ResoConfig.location()); return }
        let config = try ResoConfig.load()
        ConsoleOutput.write(config.rendered(defaultTags: Annotations.defaultTags))
    }
}

enum KeyActionNames {
    static var list: String { KeyBindings.actions.map(\.name).joined(separator: ", ") }
}
