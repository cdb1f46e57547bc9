import Analytics
import ArgumentParser
import ConsoleApp
import Foundation
import ProcessSupport
import ReportModel
import SectorData
import SnapshotSource

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

    @Option(name: .customLong("as-of"), help: "Report instant, YYYY-MM-DDTHH:MM:SSZ.")
    var asOf: String

    @Option(name: .customLong("summaries-dir"), help: "Folder of the summaries file.")
    var summariesDir: String

    @Option(name: .long, help: "Further reports after the first (profiling).")
    var again: Int = 0

    @Flag(name: .long, help: "Commit a feed batch before each further report, 10 s apart from 9 min before --as-of (profiling; writes to the snapshot).")
    var feed = false

    @Flag(name: .long, help: "Make the further reports a school's, the first school of the first commune (profiling the drill).")
    var drill = false

    func run() throws {
        guard let instant = SnapshotTime.parse(asOf) else { throw ValidationError("--as-of: not YYYY-MM-DDTHH:MM:SSZ") }
        if feed && again > 50 { throw ValidationError("--feed: at most 50 batches (they are stamped before --as-of)") }
        let clock = ContinuousClock()
        let start = clock.now
        let store = SummaryStore(directory: URL(fileURLWithPath: summariesDir, isDirectory: true))
        let source = try SnapshotDataSource(url: URL(fileURLWithPath: snapshot), config: AnalyticsConfig(), scope: nil,
                                            store: store)
        let restored = source.restoredSummaries
        let report = try source.report(for: nil, asOf: instant)
        let elapsed = start.duration(to: clock.now)
        let ms = elapsed.milliseconds
        var node: NodeRef?
        if drill, let commune = report.children.first?.node {
            node = try source.report(for: commune, asOf: instant).children.first { $0.node.level == .school }?.node
        }
        for round in 0..<again {
            if feed {
                try BenchFeed.commitBatch(path: snapshot, day: report.figures.attendance.day,
                                          stamp: SnapshotTime.format(instant.addingTimeInterval(-540 + 10 * Double(round))),
                                          batch: round)
            }
            let t = clock.now
            _ = try source.report(for: node, asOf: instant)
            FileHandle.standardError.write(Data("again: \(t.duration(to: clock.now))\n".utf8))
        }
        let peak = ProcessMemory.kilobytes("VmHWM") ?? 0
        // Unbuffered, so the parent sees the line now (it times the first dashboard to this line).
        FileHandle.standardOutput.write(Data(("{\"ms\": \(String(format: "%.1f", ms)), \"peak_kb\": \(peak), "
            + "\"restored\": \(restored), \"enrolled\": \(report.figures.attendance.enrolled)}\n").utf8))
    }
}
