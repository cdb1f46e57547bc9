import ArgumentParser
import Foundation
import ProcessSupport
import SampleProvince

/// `eduioc sample`: tools for the fictional sample province.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Tools for the fictional sample province.",
        subcommands: [Generate.self, Feed.self]
    )

    /// `eduioc sample generate`: writes a deterministic sample province snapshot.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Generate a deterministic, realistic, fictional province snapshot (schema version 1).",
            discussion: "The same seed and options (including --now) give the same database content."
        )

        @Option(name: .long, help: "Snapshot file to write.")
        var out: String

        @Option(name: .long, help: "Number of schools.")
        var schools: Int = 850

        @Option(name: .long, help: "Seed of every random choice.")
        var seed: UInt64 = 1

        @Option(name: .customLong("history-days"), help: "Past school days that get attendance records.")
        var historyDays: Int = 30

        @Option(name: .long, help: "Publication time, ISO-8601 with offset (e.g. 2026-11-23T07:30:00+07:00). Default: now.")
        var now: String?

        @Flag(name: .customLong("force-school-day"), help: "Make today a school day even on a Sunday or holiday.")
        var forceSchoolDay = false

        @Option(name: .customLong("sample-data"), help: "Folder with the name lists (default: SampleData/ of the package).")
        var sampleData: String?

        @Flag(name: .long, help: "Replace the output file if it exists.")
        var force = false

        func run() throws {
            let target = URL(fileURLWithPath: out)
            if FileManager.default.fileExists(atPath: target.path) && !force {
                throw CLIError("\(target.path) already exists; pass --force to replace it")
            }
            let instant = try now.map(Self.parseInstant) ?? Date()
            let locator = DataFolderLocator(
                explicitDirectory: sampleData.map { URL(fileURLWithPath: $0, isDirectory: true) },
                environment: ProcessInfo.processInfo.environment,
                executableURL: Bundle.main.executableURL,
                currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            )
            let options = SampleOptions(
                now: instant,
                sampleDataDirectory: try locator.locate(),
                schools: schools,
                seed: seed,
                historyDays: historyDays,
                forceSchoolDayToday: forceSchoolDay
            )
            var display = ProgressDisplay(isTerminal: isatty(STDERR_FILENO) != 0)
            let clock = ContinuousClock()
            let started = clock.now
            let summary = try SampleGenerator(options: options).generate(to: target) { display.show($0) }
            display.finish()
            let elapsed = started.duration(to: clock.now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(Self.report(summary, seconds: seconds))
        }

        /// Parses `--now`: ISO-8601 with an offset or Z, optionally with fractional seconds.
        static func parseInstant(_ text: String) throws -> Date {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            if let date = formatter.date(from: text) { return date }
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            if let date = formatter.date(from: text) { return date }
            throw CLIError("--now '\(text)' is not ISO-8601 with an offset, e.g. 2026-11-23T07:30:00+07:00")
        }


        /// The closing summary: file, size, time, and rows per table.
        static func report(_ summary: SampleSummary, seconds: Double) -> String {
            let megabytes = Double(summary.fileBytes) / 1_048_576
            let today = summary.isSchoolDayToday ? "school day" : "no school"
            var lines = [
                "Wrote \(summary.file.path) (\(String(format: "%.1f", megabytes)) MiB) in \(String(format: "%.1f", seconds)) s",
                "School year \(summary.schoolYear), today \(summary.today) (\(today))",
            ]
            for entry in summary.tables {
                let padding = String(repeating: " ", count: max(1, 22 - entry.table.count))
                lines.append("  \(entry.table)\(padding)\(grouped(entry.rows))")
            }
            return lines.joined(separator: "\n")
        }

        private static func grouped(_ value: Int) -> String {
            let digits = Array(String(value))
            var text = ""
            for (offset, digit) in digits.enumerated() {
                if offset > 0 && (digits.count - offset) % 3 == 0 { text.append(",") }
                text.append(digit)
            }
            return String(repeating: " ", count: max(0, 12 - text.count)) + text
        }
    }
}
