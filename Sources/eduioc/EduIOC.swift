import ArgumentParser

/// The `eduioc` command: the console and its operator tools.
@main
struct EduIOC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eduioc",
        abstract: "EduIOC — operations console for a provincial education department.",
        subcommands: [ConsoleCommand.self, CheckCommand.self, ReportCommand.self, SampleCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )
}
