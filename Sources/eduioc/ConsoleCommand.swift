import ArgumentParser

/// `eduioc console` (stub, being built).
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "console", abstract: "(not yet built)")
    func run() throws { throw ValidationError("eduioc console is not built yet") }
}
