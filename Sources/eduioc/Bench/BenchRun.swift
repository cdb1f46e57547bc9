import Analytics
import ConsoleApp
import ConsoleCore
import Foundation
import GRDB
import ProcessSupport
import ReportModel
import SectorData

/// One benchmark run over a working copy of a snapshot: each measurement of EduIOC's path next to the naive SQL.
struct BenchRun {
    /// The instant built provinces are published at: a Monday morning in the province.
    static let sampleNow = Date(timeIntervalSince1970: 1_795_401_000)  // 2026-11-23T02:30:00Z
    /// The full school year's instant: Monday 19 April 2027, 09:30 in the province (about 180 school days in).
    static let yearNow = Date(timeIntervalSince1970: 1_808_101_800)  // 2027-04-19T02:30:00Z

    let path: String
    let runs: Int
    /// This program, run as a new console process for the first-dashboard measurements.
    let executable: URL
    /// The summaries folder those processes use (emptied for "first start ever").
    let cacheDirectory: URL
    let note: (String) -> Void
    let asOf: Date
    let day: String
    let naive: NaiveDashboard
    /// Rows committed by the simulated feed so far (each batch takes new students).
    private var batches = 0

    init(path: String, runs: Int, executable: URL, cacheDirectory: URL, note: @escaping (String) -> Void) throws {
        self.path = path
        self.runs = runs
        self.executable = executable
        self.cacheDirectory = cacheDirectory
        self.note = note
        let probe = try Snapshot.open(at: URL(fileURLWithPath: path))
        // As-of: ten minutes after publication, so the feed's batches (stamped in between) all count.
        asOf = probe.publishedAt.addingTimeInterval(600)
        let engine = AnalyticsEngine(snapshot: probe)
        day = try engine.report(for: nil, asOf: asOf, includeTrend: false).figures.attendance.day
        naive = try NaiveDashboard(path: path, day: day, asOf: SnapshotTime.format(asOf),
                                   seenFrom: SnapshotTime.format(asOf.addingTimeInterval(-15 * 60)))
    }

    /// One row of the result table.
    struct Line {
        let name: String
        let ours: BenchSamples
        let naive: BenchSamples?
        let target: String
    }

    mutating func measureAll() throws -> String {
        let url = URL(fileURLWithPath: path)
        defer { try? FileManager.default.removeItem(at: cacheDirectory) }
        let first = try measureFirstDashboards()
        var lines = first.lines

        // The console's engine: one snapshot connection and one cache kept across refreshes.
        let summaries = PastDaySummaries()
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries)
        let before = try engine.report(for: nil, asOf: asOf)

        note("steady refresh after a feed batch of 1,000 attendance records + probes")
        // One refresh after a batch first, unmeasured: the console's first refresh after it starts builds what the
        // following ones keep (the trend's sums, the per-school counts); steady state is what comes after.
        try commitFeedBatch()
        _ = try engine.report(for: nil, asOf: asOf)
        var steadyOurs = BenchSamples(), steadyNaive = BenchSamples()
        var after = before
        for _ in 0..<runs {
            try commitFeedBatch()
            try steadyOurs.time { after = try engine.report(for: nil, asOf: asOf) }
            try steadyNaive.time { _ = try naive.dashboard(schools: nil, trend: true) }
        }
        lines.append(Line(name: "steady refresh after 1,000 new records", ours: steadyOurs, naive: steadyNaive,
                          target: "≤ 10 ms, ≥ 50× naive"))

        note("30-school-day trend")
        var trendOurs = BenchSamples(), trendNaive = BenchSamples()
        for _ in 0..<runs {
            try trendOurs.time { _ = try engine.trend(for: nil, asOf: asOf) }
            try trendNaive.time { _ = try naive.trend(schools: nil) }
        }
        lines.append(Line(name: "30-day trend, province (warm)", ours: trendOurs, naive: trendNaive, target: "≤ 50 ms"))

        let commune = try largestCommune(before)
        let communeIDs = try schoolIDs(underUnit: commune.code)
        var communeOurs = BenchSamples(), communeNaive = BenchSamples()
        for _ in 0..<runs {
            try communeOurs.time { _ = try engine.trend(for: commune, asOf: asOf) }
            try communeNaive.time { _ = try naive.trend(schools: communeIDs) }
        }
        lines.append(Line(name: "30-day trend, one commune (warm)", ours: communeOurs, naive: communeNaive, target: "≤ 50 ms"))

        lines.append(try measureDrill(engine, commune: commune))
        note("the wall's check-in curve")
        lines.append(try BenchWall.checkInCurve(engine, asOf: asOf, runs: runs, naive: naive))
        return render(lines, peaks: (first.firstPeak, first.warmPeak, ProcessMemory.kilobytes("VmHWM") ?? 0),
                      terminal: terminalOutput(before: before, after: after),
                      wall: WallTerminalOutput(before: before, after: after, asOf: asOf), stats: summaries.statistics)
    }

    /// The first complete dashboard of a new console process: first start ever (no summaries file, against the
    /// naive baseline cold), then with the summaries file; with each kind's peak memory.
    mutating func measureFirstDashboards() throws -> (lines: [Line], firstPeak: Int, warmPeak: Int) {
        var lines: [Line] = []
        note("first complete dashboard of a new console process, first start ever (no summaries file)")
        var firstEver = BenchSamples(), coldNaive = BenchSamples()
        var firstPeak = 0
        for _ in 0..<runs {
            try? FileManager.default.removeItem(at: cacheDirectory)
            let child = try firstDashboardProcess()
            firstEver.milliseconds.append(child.wallMilliseconds)
            firstPeak = max(firstPeak, child.peakKB)
            try coldNaive.time { _ = try naive.dashboard(schools: nil, trend: true) }
        }
        lines.append(Line(name: "first dashboard, new process, first start ever", ours: firstEver, naive: coldNaive,
                          target: "–"))
        note("first complete dashboard of a new console process, with the summaries file")
        var warmStart = BenchSamples()
        var warmPeak = 0
        for _ in 0..<runs {
            let child = try firstDashboardProcess()
            guard child.restored else { throw BenchFailure(description: "the console process did not restore its summaries file") }
            warmStart.milliseconds.append(child.wallMilliseconds)
            warmPeak = max(warmPeak, child.peakKB)
        }
        lines.append(Line(name: "first dashboard, new process (summaries file)", ours: warmStart, naive: coldNaive,
                          target: "≤ 300 ms"))
        return (lines, firstPeak, warmPeak)
    }

    /// Drilling from the province to a school of the largest commune, against the naive SQL for that school.
    private func measureDrill(_ engine: AnalyticsEngine, commune: NodeRef) throws -> Line {
        note("drill province → school")
        let communeReport = try engine.report(for: commune, asOf: asOf)
        let schools = communeReport.children.filter { $0.node.level == .school }.map(\.node)
        var drillOurs = BenchSamples(), drillNaive = BenchSamples()
        for run in 0..<runs {
            let school = schools[run % max(1, schools.count)]
            let id = try schoolIDs(code: school.code)
            try drillOurs.time { _ = try engine.report(for: school, asOf: asOf) }
            try drillNaive.time { _ = try naive.dashboard(schools: id, trend: true) }
        }
        return Line(name: "drill province → school", ours: drillOurs, naive: drillNaive, target: "≤ 30 ms")
    }

    /// What one new console process reported.
    struct ChildResult {
        let wallMilliseconds: Double
        let peakKB: Int
        let restored: Bool
    }

    /// Runs `eduioc bench-first-dashboard` on the snapshot (the console's data source with its summaries file)
    /// and times it from spawn to the line it prints once the dashboard data is complete.
    private func firstDashboardProcess() throws -> ChildResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["bench-first-dashboard", "--snapshot", path, "--as-of", SnapshotTime.format(asOf),
                             "--summaries-dir", cacheDirectory.path]
        let output = Pipe()
        process.standardOutput = output
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        // The child prints its line as soon as the dashboard data is complete: time to that line, not to exit.
        var data = Data()
        var elapsed: Duration?
        while let chunk = try output.fileHandleForReading.read(upToCount: 4096), !chunk.isEmpty {
            data.append(chunk)
            if elapsed == nil, data.contains(UInt8(ascii: "\n")) { elapsed = start.duration(to: clock.now) }
        }
        process.waitUntilExit()
        let wall = elapsed ?? start.duration(to: clock.now)
        guard process.terminationStatus == 0,
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let peak = object["peak_kb"] as? Int, let restored = object["restored"] as? Bool else {
            throw BenchFailure(description: "bench-first-dashboard failed (status \(process.terminationStatus))")
        }
        return ChildResult(wallMilliseconds: wall.milliseconds, peakKB: peak, restored: restored)
    }

    /// Removes what earlier runs' feed batches added to a built province (rows stamped after its publication;
    /// heartbeats at or after it are set back to a minute before it), so every run starts from the same data.
    static func removeFeedRows(path: String) throws {
        let writer = try DatabaseQueue(path: path)
        try writer.write { db in
            guard let published = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'published_at'") else { return }
            let day = try String.fetchOne(db, sql: "SELECT max(day) FROM school_days WHERE day <= substr(?, 1, 10)",
                                          arguments: [published]) ?? ""
            try db.execute(sql: "DELETE FROM attendance WHERE day >= ? AND recorded_at > ?", arguments: [day, published])
            try db.execute(sql: "DELETE FROM connectivity_probes WHERE measured_at > ?", arguments: [published])
            // Set back a minute before publication: still seen, and not all in the one second a refresh re-reads.
            try db.execute(sql: """
                UPDATE devices SET last_seen_at = strftime('%Y-%m-%dT%H:%M:%SZ', ?1, '-1 minutes') WHERE last_seen_at >= ?1
                """, arguments: [published])
        }
        try writer.close()
    }

    // MARK: The feed

    /// Commits the feed's next batch (see `BenchFeed`), stamped ten seconds after the previous one.
    private mutating func commitFeedBatch() throws {
        batches += 1
        try BenchFeed.commitBatch(path: path, day: day,
                                  stamp: SnapshotTime.format(asOf.addingTimeInterval(-600 + Double(batches * 10))),
                                  batch: batches)
    }

    // MARK: Lookups

    private func largestCommune(_ report: NodeReport) throws -> NodeRef {
        guard let unit = report.children.filter({ $0.node.level == .unit })
                .max(by: { $0.attendance.schoolsTotal < $1.attendance.schoolsTotal }) else {
            throw BenchFailure(description: "the province has no admin units with schools")
        }
        return unit.node
    }

    private func schoolIDs(underUnit code: String) throws -> [Int64] {
        try naive.db.read { db in
            try Int64.fetchAll(db, sql: """
                WITH RECURSIVE sub(id) AS (SELECT id FROM admin_units WHERE code = ?
                    UNION ALL SELECT a.id FROM admin_units a JOIN sub ON a.parent_id = sub.id)
                SELECT id FROM schools WHERE status = 'active' AND unit_id IN (SELECT id FROM sub)
                """, arguments: [code])
        }
    }

    private func schoolIDs(code: String) throws -> [Int64] {
        try naive.db.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM schools WHERE code = ?", arguments: [code]) }
    }

    // MARK: Terminal

    /// Cells and bytes a refresh writes: two frames of the province dashboard (before and after the feed's
    /// batches, changed cells highlighted), then the same frame again (idle).
    struct TerminalOutput {
        let changedCells: Int
        let changedBytes: Int
        let idleCells: Int
        let idleBytes: Int
        let size: Size
    }

    private func terminalOutput(before: NodeReport, after: NodeReport) -> TerminalOutput {
        let size = Size(columns: 120, rows: 40)
        let capabilities = TerminalCapabilities(colorDepth: .full256, unicode: true)
        var state = AppState(size: size, now: asOf)
        _ = state.requestLoad()
        _ = state.update(.reportLoaded(generation: state.requestedGeneration, before))
        let first = DashboardRenderer.render(state, capabilities: capabilities)
        _ = state.requestLoad()
        _ = state.update(.reportLoaded(generation: state.requestedGeneration, after))
        let second = DashboardRenderer.render(state, capabilities: capabilities)
        let changed = FrameDiff.runs(from: first, to: second)
        let idle = FrameDiff.runs(from: second, to: second)
        return TerminalOutput(changedCells: FrameDiff.cellCount(changed), changedBytes: Self.bytes(changed),
                              idleCells: FrameDiff.cellCount(idle), idleBytes: Self.bytes(idle), size: size)
    }

    /// Bytes a terminal receives for runs: a cursor move (`ESC [ row ; col H`), one style change per run,
    /// and the cells' UTF-8.
    static func bytes(_ runs: [DiffRun]) -> Int {
        runs.reduce(0) { total, run in
            let move = "\u{1B}[\(run.row + 1);\(run.column + 1)H".utf8.count
            let style = 12
            return total + move + style + run.cells.reduce(0) { $0 + $1.grapheme.utf8.count }
        }
    }

    // MARK: Output

    private func render(_ lines: [Line], peaks: (first: Int, warm: Int, bench: Int), terminal: TerminalOutput,
                        wall: WallTerminalOutput, stats: PastDaySummaries.Statistics) -> String {
        var out: [String] = []
        let counts = (try? naive.db.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM school_days WHERE day <= ?", arguments: [day]) ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(DISTINCT day) FROM attendance") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM students") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM schools") ?? 0)
        }) ?? (0, 0, 0, 0)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        out.append("EduIOC bench — \(counts.3) schools, \(counts.2) students, \(counts.1) days with attendance, "
                   + "report day \(day), file \(bytes / 1_048_576) MiB; \(runs) runs, median (min–max)")
        out.append("")
        let header = ["measurement", "EduIOC", "naive SQL", "naive / ours", "target"]
        var rows: [[String]] = []
        for line in lines {
            let ratio = line.naive.map { $0.median / max(line.ours.median, 0.001) }
            rows.append([line.name, line.ours.text, line.naive?.text ?? "–",
                         ratio.map { String(format: $0 < 10 ? "%.1f×" : "%.0f×", $0) } ?? "–", line.target])
        }
        rows.append(["peak memory, console process, first start ever", "\(peaks.first / 1024) MB", "–", "–", "≤ 100 MB"])
        rows.append(["peak memory, console process, with summaries file", "\(peaks.warm / 1024) MB", "–", "–", "≤ 100 MB"])
        rows.append(["peak memory, this bench process (naive runs included)", "\(peaks.bench / 1024) MB", "–", "–", "–"])
        rows.append(["terminal output, refresh with changed figures", "\(terminal.changedCells) cells, \(terminal.changedBytes) B",
                     "\(terminal.size.columns * terminal.size.rows) cells (full repaint)", "–", "small"])
        rows.append(["terminal output, idle frame", "\(terminal.idleCells) cells, \(terminal.idleBytes) B", "–", "–", "0 B"])
        rows += wall.rows
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func format(_ row: [String]) -> String {
            "| " + row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: " | ") + " |"
        }
        out.append(format(header))
        out.append("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
        for row in rows { out.append(format(row)) }
        out.append("")
        out.append("past-day summaries: \(stats.cachedDays) days held, \(stats.dayComputations) day summaries computed, "
                   + "\(stats.studentRecounts) students recounted")
        return out.joined(separator: "\n")
    }
}

/// A benchmark precondition that does not hold.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
}
