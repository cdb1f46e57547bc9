import Foundation
import Testing
import TestSupport

/// `eduioc bench` run as a real process on a small generated sample: it measures every row of its table against the
/// naive SQL, leaves the given snapshot untouched and cleans up its working copy. (The figures themselves are the
/// machine's; the full-year run is in the README.)
@Suite("eduioc bench, run as a real process")
struct BenchCommandTests {
    @Test func measuresEveryRowOnACopyAndLeavesTheSnapshotAlone() throws {
        let snapshot = try SampleFixtures.freshSnapshot(schools: 12, seed: 3, historyDays: 5)
        let work = try TestScratch.makeDirectory("bench")
        let before = try Data(contentsOf: snapshot)

        let result = try EduIOCRun.run(["bench", "--snapshot", snapshot.path, "--runs", "2", "--work-dir", work.path])

        #expect(result.status == 0, "\(result.standardError)")
        let rows = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("| ") }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        func row(_ name: String) -> [String]? { rows.first { $0.first == name } }
        for name in ["first dashboard, new process, first start ever", "first dashboard, new process (summaries file)",
                     "steady refresh after 1,000 new records", "30-day trend, province (warm)",
                     "30-day trend, one commune (warm)", "drill province → school"] {
            let cells = try #require(row(name), "no row \"\(name)\" in:\n\(result.standardOutput)")
            // name, ours, naive, ratio, target: both sides measured, as median (min–max) in milliseconds.
            #expect(cells.count == 5, "\(cells)")
            for side in cells.dropFirst().prefix(2) {
                #expect(side.range(of: #"^[0-9.]+ ms \([0-9.]+ ms–[0-9.]+ ms\)$"#, options: .regularExpression) != nil,
                        "\(name): \"\(side)\"")
            }
        }
        let idle = try #require(row("terminal output, idle frame"))
        #expect(idle.count > 1 && idle[1] == "0 cells, 0 B", "an idle screen writes nothing: \(idle)")
        // The wall: "N cells, M B" for each row; an idle second writes only the clock's changed digits.
        func cost(_ name: String) throws -> (cells: Int, bytes: Int) {
            let cells = try #require(row(name), "no row \"\(name)\" in:\n\(result.standardOutput)")
            let numbers = cells[1].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            return (numbers.first ?? -1, numbers.last ?? -1)
        }
        let rotation = try cost("terminal output, wall page rotation (200×60, mean of 5)")
        #expect(rotation.cells > 0 && rotation.cells < 200 * 60, "a rotation redraws less than the whole screen: \(rotation)")
        let second = try cost("terminal output, idle wall second (clock only)")
        #expect(second.cells >= 1 && second.cells <= 6 && second.bytes < 80, "an idle wall second: \(second)")
        #expect(try cost("terminal output, wall refresh with highlighted changes").cells > 0)
        #expect(try cost("terminal output, wall highlight running out").cells > 0)
        #expect(try Data(contentsOf: snapshot) == before, "the bench works on a copy")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix("bench-copy") }.isEmpty,
                "the working copy is removed")
    }

    @Test func viewersRunsTheServerWithOneAndNViewersAndReportsEachFigure() throws {
        guard getuid() == 0 else { throw ConsoleSessionError("bench --viewers runs eduioc serve with a root-owned access file: run as root") }
        let snapshot = try SampleFixtures.freshSnapshot(schools: 12, seed: 3, historyDays: 3)
        let work = try TestScratch.makeDirectory("bench")
        let before = try Data(contentsOf: snapshot)

        let result = try EduIOCRun.run(["bench", "--snapshot", snapshot.path, "--viewers", "4", "--work-dir", work.path])

        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        for viewers in ["1", "4"] {
            let row = try #require(lines.first { $0.hasPrefix(viewers + " ") }, "no row for \(viewers):\n\(result.standardOutput)")
            // viewers, p50 / p95 first dashboard, peak RSS, server CPU per refresh, bytes per viewer per refresh.
            #expect(row.range(of: #"^\d+ +[0-9.]+ ms / [0-9.]+ ms +[0-9.]+ MB +[0-9.]+ ms +[1-9]\d*$"#,
                              options: .regularExpression) != nil, "\(row)")
        }
        #expect(lines.contains { $0.hasPrefix("server peak RSS: ") && !$0.hasSuffix(" 0.0 MB") }, "\(result.standardOutput)")
        if ExternalTool.shouldRun("tmux") {  // the real thin console in 200×60 tmux windows: alone, then five at once
            let figure = #"[1-9][0-9]*\.[0-9] MB"#
            #expect(lines.contains { $0.range(of: #"^thin console \(eduioc-view, 200×60, dashboard and search index loaded\), alone: "#
                                                + "peak \\(VmHWM\\) \(figure), resident \\(VmRSS\\) \(figure), PSS \(figure)$",
                                              options: .regularExpression) != nil }, "\(result.standardOutput)")
            #expect(lines.contains { $0.range(of: "^5 thin consoles at once: PSS per console \(figure) \\(mean\\), peak \\(VmHWM\\) "
                                                + "\(figure) and resident \\(VmRSS\\) \(figure) \\(largest\\)$",
                                              options: .regularExpression) != nil }, "\(result.standardOutput)")
        }
        #expect(try Data(contentsOf: snapshot) == before, "the bench works on a copy")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasSuffix(".sock") || $0.hasSuffix(".yaml") }.isEmpty,
                "the socket and the access file are removed")
    }

    @Test func aMissingSnapshotIsAClearError() throws {
        let work = try TestScratch.makeDirectory("bench")
        let missing = work.appendingPathComponent("nowhere.sqlite").path
        let result = try EduIOCRun.run(["bench", "--snapshot", missing, "--runs", "1", "--work-dir", work.path])
        #expect(result.status != 0)
        #expect(result.standardError.contains("nowhere.sqlite: no such file"), "\(result.standardError)")
    }
}
