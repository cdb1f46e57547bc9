import Analytics
import ArgumentParser
import ConsoleApp
import Foundation

/// `eduioc bench-first-dashboard` (hidden): what a new console process does before its first complete dashboard
/// — open the snapshot through the console's data source, with its summaries file — for `eduioc bench` to time
/// from the outside. Prints one JSON line: report time, peak memory, whether the summaries file was used.
struct BenchFirstDashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-first-dashboard",
        abstract: "Time a new console process's first dashboard (used by eduioc bench).",
        shouldDisplay: false)

    @Option(name: .long, help: "Snapshot file.")
    var snapshot: String

    @Option(name: .customLong("as-of"), help: "Report instant, ISO-8601 UTC.")
    var asOf: String

    @Option(name: .customLong("summaries-dir"), help: "Folder of the summaries file.")
    var summariesDir: String

    @Option(name: .long, help: "Further reports after the first (profiling).")
    var again: Int = 0

    func run() throws {
        guard let instant = ISO8601DateFormatter().date(from: asOf) else { throw ValidationError("--as-of: not ISO-8601") }
        let clock = ContinuousClock()
        let start = clock.now
        let store = SummaryStore(directory: URL(fileURLWithPath: summariesDir, isDirectory: true))
        let source = try SnapshotDataSource(url: URL(fileURLWithPath: snapshot), config: AnalyticsConfig(), scope: nil,
                                            store: store)
        let restored = source.restoredSummaries
        let report = try source.report(for: nil, asOf: instant)
        let elapsed = start.duration(to: clock.now)
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        for _ in 0..<again {
            let t = clock.now
            _ = try source.report(for: nil, asOf: instant)
            FileHandle.standardError.write(Data("again: \(t.duration(to: clock.now))\n".utf8))
        }
        let peak = ProcessMemory.kilobytes("VmHWM") ?? 0
        // Unbuffered, so the parent sees the line now (it times the first dashboard to this line).
        FileHandle.standardOutput.write(Data(("{\"ms\": \(String(format: "%.1f", ms)), \"peak_kb\": \(peak), "
            + "\"restored\": \(restored), \"enrolled\": \(report.figures.attendance.enrolled)}\n").utf8))
    }
}
