import ArgumentParser
import Foundation
import ProcessSupport

/// The `eduioc` command: the console and its operator tools.
@main
struct EduIOC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eduioc",
        abstract: "EduIOC — operations console for a provincial education department.",
        subcommands: [ConsoleCommand.self, CheckCommand.self, ReportCommand.self, SampleCommand.self, BenchCommand.self,
                      ServeCommand.self, BenchFirstDashboardCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )

    /// Parses and runs; any failure while running is one line on stderr (`eduioc: …`, newlines flattened),
    /// exit status 1. Commands just throw: this is the one place errors are printed.
    static func main() {
        CrashGuard.ensureBacktracerOff()
        CrashGuard.install()
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch let error where error is ExitCode || error is CleanExit || error is ValidationError
                    || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
            exit(withError: error)  // help, usage and exit codes are ArgumentParser's to print
        } catch {
            let line = String(describing: error).replacingOccurrences(of: "\n", with: " ")
            FileHandle.standardError.write(Data("eduioc: \(line)\n".utf8))
            Foundation.exit(1)
        }
    }
}
