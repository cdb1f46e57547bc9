import Analytics
import ConsoleApp
import Dispatch
import Foundation
import SnapshotSource
import Testing
import TestSupport

/// The console's data source on a real file held by a writer: busy beyond the short retry is a snapshot
/// fault worded for the operator, and the source recovers by itself once the lock is gone.
@Suite("Snapshot data source faults", .serialized, .enabled(if: ExternalTool.shouldRun("sqlite3")))
struct SnapshotDataSourceFaultTests {
    @Test func lockedBeyondTheRetryIsAFaultAndRecovers() throws {
        let file = try SampleFixtures.freshSnapshot(schools: 6)
        let asOf = SampleFixtures.mondayMorning
        let source = try SnapshotDataSource(url: file, config: AnalyticsConfig(), scope: nil)
        let good = try source.report(for: nil, asOf: asOf)

        // A writer (the sqlite3 CLI) takes the exclusive lock, changes a row and holds it for 2 s.
        let sqlite = try ExternalTool.require("sqlite3")
        let path = file.path
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = try? ProcessRunner.run(sqlite, [path], stdin: """
                BEGIN EXCLUSIVE;
                UPDATE meta SET value = 'held' WHERE key = 'province_name';
                .system sleep 2
                ROLLBACK;
                """, timeout: 30)
            finished.signal()
        }
        let journal = path + "-journal"
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: journal) && Date() < deadline { usleep(10_000) }
        #expect(FileManager.default.fileExists(atPath: journal), "the writer holds the lock")

        var failure = ""
        do {
            _ = try source.report(for: nil, asOf: asOf)
        } catch {
            failure = String(describing: error)
        }
        #expect(failure.contains("locked by a writer for more than 250 ms"), "error while locked: \(failure)")

        #expect(finished.wait(timeout: .now() + 30) == .success)
        // The snapshot and its caches were kept for the retry (the console retries each second while the
        // banner shows): once the lock is gone the same source reads again, nothing to reopen.
        #expect(source.pollForChange() == .unchanged, "the writer rolled back: nothing changed")
        let again = try source.report(for: nil, asOf: asOf)
        #expect(again.figures.attendance.present == good.figures.attendance.present)
    }
}
