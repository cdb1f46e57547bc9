import Analytics
import ArgumentParser
import ConsoleApp
import ConsoleCore
import Foundation
import GRDB
import ProcessSupport
import SampleProvince
import SectorData

/// `eduioc bench`: EduIOC's figures against the naive SQL, measured in the same run (issue 7).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the dashboard's data paths against the naive SQL, in the same run.",
        discussion: """
            Uses --snapshot (on a copy, so the original is untouched), or builds once and then reuses a sample \
            province under --work-dir: a full school year (170 past school days, a Monday in April; about 11 minutes \
            and 14 GB the first time) with --generate-year, else --history-days of attendance before 2026-11-23. A \
            built province is measured in place; the rows a previous run's feed added are removed first. Reports \
            median (min–max) over --runs: the first complete dashboard of a new console process (from spawn to its \
            complete dashboard data; first start ever, and with the summaries file an earlier run left), steady \
            refresh after the feed commits 1,000 attendance records, a probe per school and ten seconds of \
            heartbeats (after one unmeasured warm-up refresh), the 30-school-day trend for the province and one \
            commune, drill to a school, the console process's peak memory, and terminal output per refresh.

            With --viewers N it measures `eduioc serve` instead (run as root: the server's access file must be \
            root's): the server on the province and N console data paths connecting within one second, at 1 and at \
            N viewers — p50/p95 first complete dashboard, peak RSS per viewer and of the server, server CPU per \
            refresh after a feed commit, bytes per viewer per refresh.
            """)

    @Option(name: .long, help: ArgumentHelp("An existing snapshot to measure (a copy is used).", valueName: "file"))
    var snapshot: String?

    @Flag(name: .customLong("generate-year"), help: "Build (or reuse) a full-school-year province (170 school days).")
    var generateYear = false

    @Option(name: .customLong("history-days"), help: "School days of attendance when building a province (default 30; 170 with --generate-year).")
    var historyDays: Int?

    @Option(name: .long, help: "Repetitions of each measurement.")
    var runs: Int = 5

    @Option(name: .customLong("work-dir"), help: ArgumentHelp("Where built provinces and the working copy live.", valueName: "dir"))
    var workDir: String = "/tmp/eduioc-bench"

    @Option(name: .long, help: "Measure eduioc serve with this many viewers (and with one) instead.")
    var viewers: Int?

    func validate() throws {
        if let viewers, !(1...500).contains(viewers) { throw ValidationError("--viewers must be in 1...500") }
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
        if let days = historyDays, !SampleOptions.historyDayRange.contains(days) {
            throw ValidationError("--history-days must be in \(SampleOptions.historyDayRange)")
        }
    }

    func run() throws {
        let directory = URL(fileURLWithPath: workDir, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path: URL
        var copy: URL?
        if let snapshot {
            guard FileManager.default.isReadableFile(atPath: snapshot) else {
                throw CLIError("\(snapshot): no such file, or not readable")
            }
            let target = directory.appendingPathComponent("bench-copy-\(ProcessInfo.processInfo.processIdentifier).sqlite")
            try? FileManager.default.removeItem(at: target)
            note("copying \(snapshot) → \(target.path)")
            try FileManager.default.copyItem(at: URL(fileURLWithPath: snapshot), to: target)
            path = target
            copy = target
        } else {
            path = try buildProvince()
            try BenchRun.removeFeedRows(path: path.path)
        }
        defer {
            if let copy {
                for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: copy.path + suffix) }
            }
        }
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        if let viewers {
            print(try ViewerBench(path: path.path, viewers: viewers, executable: executable, workDirectory: directory,
                                  note: note).measure())
            return
        }
        var bench = try BenchRun(path: path.path, runs: runs, executable: executable,
                                 cacheDirectory: directory.appendingPathComponent("summaries-\(ProcessInfo.processInfo.processIdentifier)"),
                                 note: note)
        let table = try bench.measureAll()
        print(table)
    }

    private func note(_ text: String) {
        FileHandle.standardError.write(Data("bench: \(text)\n".utf8))
    }

    /// The reused or newly built sample province.
    private func buildProvince() throws -> URL {
        let days = historyDays ?? (generateYear ? 170 : 30)
        let directory = URL(fileURLWithPath: workDir, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = directory.appendingPathComponent("province-850-\(days)d\(generateYear ? "-year" : "").sqlite")
        if FileManager.default.fileExists(atPath: target.path) {
            note("reusing \(target.path)")
            try BenchProvinceUpgrade.apply(path: target.path, note: note)
            return target
        }
        note("building \(target.path) (\(days) school days; this takes a while)")
        let locator = DataFolderLocator(
            explicitDirectory: nil, environment: ProcessInfo.processInfo.environment,
            executableURL: Bundle.main.executableURL,
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
        let options = SampleOptions(now: generateYear ? BenchRun.yearNow : BenchRun.sampleNow,
                                    sampleDataDirectory: try locator.locate(),
                                    schools: SampleOptions.defaultSchools, seed: 1, historyDays: days,
                                    forceSchoolDayToday: true)
        let partial = target.appendingPathExtension("partial")
        try? FileManager.default.removeItem(at: partial)
        var display = ProgressDisplay(isTerminal: isatty(STDERR_FILENO) != 0)
        _ = try SampleGenerator(options: options).generate(to: partial) { display.show($0) }
        display.finish()
        try FileManager.default.moveItem(at: partial, to: target)
        return target
    }
}
