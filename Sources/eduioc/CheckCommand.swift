import ArgumentParser

/// `eduioc check` (stub, being built).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "(not yet built)")
    func run() throws { throw ValidationError("eduioc check is not built yet") }
}
