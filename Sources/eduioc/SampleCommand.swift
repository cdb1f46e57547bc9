import ArgumentParser

/// `eduioc sample`: sample data tools (stub, being built).
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sample", abstract: "(not yet built)")
    func run() throws { throw ValidationError("eduioc sample is not built yet") }
}
