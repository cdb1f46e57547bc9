import Analytics
import ConsoleServer
import ConsoleWire
import Foundation
import ProcessSupport
import SectorData
import Synchronization

/// `eduioc bench --viewers N`: `eduioc serve` on the snapshot and N console data paths (`eduioc-view --bench`, the
/// officials' thin client without its terminal) started within one second; then a feed commit, pushed to every one of them. Reported at 1 viewer and at N:
/// p50/p95 first complete dashboard (spawn → data), peak RSS per viewer, server CPU per refresh, bytes per viewer per
/// refresh; the server's peak RSS; and the real thin console's memory on a 200×60 terminal (peak, resident, PSS; alone and
/// five at once). The server is warmed by one unmeasured dashboard first (it is a service).
struct ViewerBench {
    let path: String
    let viewers: Int
    let executable: URL
    let workDirectory: URL
    let note: (String) -> Void

    /// One phase's figures.
    struct Phase {
        var viewers: Int
        var firstMilliseconds: [Double]
        var peakKB: [Int]
        var refreshBytes: [Int]
        var serverCPUMilliseconds: Double
    }

    /// A viewer process and what it printed, with the time of each line.
    private final class Viewer: Sendable {
        let process: Process
        let started: ContinuousClock.Instant
        let lines = Mutex<[(at: ContinuousClock.Instant, object: [String: Int])]>([])
        /// Set when its output reached the end (every line it printed is in `lines`).
        let finished = Atomic<Bool>(false)
        init(process: Process, started: ContinuousClock.Instant) {
            self.process = process
            self.started = started
        }
    }

    /// The thin client beside `executable` (`swift build` builds both).
    var thinClient: URL { executable.deletingLastPathComponent().appendingPathComponent("eduioc-view") }

    func measure() throws -> String {
        guard FileManager.default.isExecutableFile(atPath: thinClient.path) else {
            throw BenchFailure(description: "\(thinClient.path) not found: the viewers are the thin client, build it (swift build)")
        }
        let probe = try Snapshot.open(at: URL(fileURLWithPath: path))
        let asOf = probe.publishedAt.addingTimeInterval(600)
        let day = try AnalyticsEngine(snapshot: probe).report(for: nil, asOf: asOf, includeTrend: false).figures.attendance.day
        let socket = workDirectory.appendingPathComponent("viewers-\(getpid()).sock").path
        let access = try writeAccessFile()
        let log = workDirectory.appendingPathComponent("viewers-serve-\(getpid()).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let server = Process()
        server.executableURL = executable
        server.arguments = ["serve", "--snapshot", path, "--socket", socket, "--access-file", access.path,
                            "--as-of", SnapshotTime.format(asOf), "--sessions-per-account", "\(max(viewers, 1) + 2)",
                            "--summaries-dir", workDirectory.appendingPathComponent("viewers-summaries").path]
        server.standardError = try FileHandle(forWritingTo: log)
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
            try? FileManager.default.removeItem(at: access)
        }
        try waitForSocket(socket, server: server, log: log)
        note("warming the server (one unmeasured dashboard)")
        let warm = try RemoteDataSource(socketPath: socket)
        _ = try warm.report(for: nil, asOf: asOf)
        warm.close()
        var phases: [Phase] = []
        for (index, count) in [1, viewers].enumerated() {
            note("\(count) viewer\(count == 1 ? "" : "s") within one second, then a feed commit")
            phases.append(try phase(count, socket: socket, server: server, day: day,
                                    stamp: SnapshotTime.format(asOf.addingTimeInterval(-590 + Double(index * 10))), batch: index + 1))
        }
        let serverPeak = Self.statusKB(pid: server.processIdentifier, field: "VmHWM") ?? 0  // the viewers' load only
        note("the thin console on a 200×60 terminal (tmux), alone, then \(Self.consolesAtOnce) at once")
        let alone = Result { try consoleMemory(socket: socket, count: 1) }
        let together = Result { try consoleMemory(socket: socket, count: Self.consolesAtOnce) }
        return render(phases, serverPeakKB: serverPeak, consoleRows: Self.consoleRows(alone: alone, together: together))
    }

    private func phase(_ count: Int, socket: String, server: Process, day: String, stamp: String, batch: Int) throws -> Phase {
        let clock = ContinuousClock()
        var running: [Viewer] = []
        let spacing = count > 1 ? 1.0 / Double(count) : 0
        for index in 0..<count {
            let process = Process()
            process.executableURL = thinClient
            process.arguments = ["--bench", "--connect", socket]
            let output = Pipe()
            process.standardOutput = output
            let viewer = Viewer(process: process, started: clock.now)
            try process.run()
            Thread.detachNewThread {
                var buffer = Data()
                // availableData returns what has arrived (read(upToCount:) would wait for 4 KB or the end).
                while case let chunk = output.fileHandleForReading.availableData, !chunk.isEmpty {
                    buffer.append(chunk)
                    while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                        let line = buffer[buffer.startIndex..<newline]
                        buffer = Data(buffer[buffer.index(after: newline)...])
                        let object = (try? JSONSerialization.jsonObject(with: line) as? [String: Any]) ?? [:]
                        let numbers = object.compactMapValues { $0 as? Int }
                        viewer.lines.withLock { $0.append((clock.now, numbers)) }
                    }
                }
                viewer.finished.store(true, ordering: .releasing)
            }
            running.append(viewer)
            if index < count - 1 { Thread.sleep(forTimeInterval: spacing) }
        }
        try waitFor(running, lines: 1, what: "first dashboards")
        let cpuBefore = Self.cpuMilliseconds(pid: server.processIdentifier)
        try BenchFeed.commitBatch(path: path, day: day, stamp: stamp, batch: batch)
        try waitFor(running, lines: 2, what: "refreshes")
        let cpuAfter = Self.cpuMilliseconds(pid: server.processIdentifier)
        for viewer in running { viewer.process.waitUntilExit() }
        let lines = running.map { viewer in (viewer.started, viewer.lines.withLock { $0 }) }
        return Phase(viewers: count,
                     firstMilliseconds: lines.map { $0.0.duration(to: $0.1[0].at).milliseconds },
                     peakKB: lines.map { $0.1[1].object["peak_kb"] ?? 0 },
                     refreshBytes: lines.map { $0.1[1].object["bytes"] ?? 0 },
                     serverCPUMilliseconds: cpuAfter - cpuBefore)
    }

    private func waitFor(_ viewers: [Viewer], lines: Int, what: String) throws {
        let deadline = Date().addingTimeInterval(300)
        while viewers.contains(where: { $0.lines.withLock { $0.count } < lines }) {
            if let failed = viewers.first(where: { $0.finished.load(ordering: .acquiring) && $0.lines.withLock { $0.count } < lines }) {
                failed.process.waitUntilExit()
                throw BenchFailure(description: "a viewer ended (status \(failed.process.terminationStatus)) before its \(what)")
            }
            guard Date() < deadline else { throw BenchFailure(description: "timed out waiting for \(what)") }
            usleep(10_000)
        }
    }

    private func waitForSocket(_ socket: String, server: Process, log: URL) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let text = try? String(contentsOf: log, encoding: .utf8), text.contains("listening on") { return }
            if !server.isRunning { break }
            usleep(50_000)
        }
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw BenchFailure(description: "eduioc serve did not start: \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
    }

    /// An access file giving this account the province (the server holds it to sshd's StrictModes rule: run as root).
    private func writeAccessFile() throws -> URL {
        guard getuid() == 0 else {
            throw CLIError("bench --viewers runs eduioc serve, whose access file must be root's: run it as root")
        }
        let file = workDirectory.appendingPathComponent("viewers-access-\(getpid()).yaml")
        try "users:\n  root:\n    scope: province\n".write(to: file, atomically: true, encoding: .utf8)
        chmod(file.path, 0o644)
        return file
    }

    /// utime + stime of `pid` in milliseconds (from /proc/PID/stat).
    static func cpuMilliseconds(pid: Int32) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return 0 }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) * 1000 / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// A field of /proc/PID/status in kilobytes.
    static func statusKB(pid: Int32, field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    private func render(_ phases: [Phase], serverPeakKB: Int, consoleRows: [String]) -> String {
        func percentile(_ values: [Double], _ p: Double) -> Double {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
        }
        var rows = ["viewers  first dashboard p50 / p95   viewer peak RSS (max)   server CPU per refresh   bytes per viewer per refresh"]
        for phase in phases {
            let first = "\(BenchSamples.format(percentile(phase.firstMilliseconds, 0.5))) / \(BenchSamples.format(percentile(phase.firstMilliseconds, 0.95)))"
            let peak = String(format: "%.1f MB", Double(phase.peakKB.max() ?? 0) / 1024)
            let bytes = phase.refreshBytes.isEmpty ? 0 : phase.refreshBytes.reduce(0, +) / phase.refreshBytes.count
            rows.append("\(String(phase.viewers).padding(toLength: 9, withPad: " ", startingAt: 0))"
                        + "\(first.padding(toLength: 28, withPad: " ", startingAt: 0))"
                        + "\(peak.padding(toLength: 24, withPad: " ", startingAt: 0))"
                        + "\(BenchSamples.format(phase.serverCPUMilliseconds).padding(toLength: 25, withPad: " ", startingAt: 0))"
                        + "\(bytes)")
        }
        rows.append(String(format: "server peak RSS: %.1f MB", Double(serverPeakKB) / 1024))  // the viewers above
        rows += consoleRows
        if let one = phases.first, let many = phases.last, one.serverCPUMilliseconds > 0 {
            rows.append(String(format: "server CPU per refresh, %d viewers ÷ 1 viewer: %.2f×", many.viewers,
                               many.serverCPUMilliseconds / one.serverCPUMilliseconds))
        }
        rows.append("targets (issue 15, at 50 viewers): p95 first dashboard ≤ 300 ms, viewer RSS ≤ 15 MB, server RSS ≤ 150 MB, "
                    + "server CPU per refresh ≤ 2× one viewer's")
        return rows.joined(separator: "\n")
    }
}
