import ArgumentParser

/// `eduioc report` (stub, being built).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "(not yet built)")
    func run() throws { throw ValidationError("eduioc report is not built yet") }
}
