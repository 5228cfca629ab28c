import ArgumentParser
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Measure parsing, sidecar and reader speed.")
    func run() throws {}
}
