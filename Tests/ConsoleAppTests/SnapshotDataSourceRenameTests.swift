import Analytics
import ConsoleApp
import Foundation
import SectorData
import SnapshotSource
import Testing
import TestSupport

/// A publication renamed over the path is shown even when a request other than the dashboard's finds it first.
///
/// Found by the live-feed end-to-end test (a rename feed left the console one publication behind, for good): the
/// search index, a trend or a drill asked after the dashboard opened the new file silently, the watcher then
/// started from it, and no poll ever said the dashboard was out of date.
@Suite(.enabled(if: ExternalTool.shouldRun("sqlite3")))
struct SnapshotDataSourceRenameTests {
    @Test func aRenameFoundByAnotherRequestIsStillAnnouncedByTheNextPoll() throws {
        let url = try SampleFixtures.freshSnapshot(schools: 6, seed: 4)
        let asOf = SampleFixtures.mondayMorning
        let source = try SnapshotDataSource(url: url, config: AnalyticsConfig(), scope: nil)
        let before = try source.report(for: nil, asOf: asOf)
        #expect(source.pollForChange() == .unchanged)

        // The next publication, as a replicator makes it: a copy, changed (absences corrected to present, stamped
        // as corrections are), then renamed over the path.
        let day = before.figures.attendance.day
        let next = url.deletingLastPathComponent().appendingPathComponent("next-\(UUID().uuidString.prefix(6)).sqlite")
        try FileManager.default.copyItem(at: url, to: next)
        try SQLiteCLI.execute(next.path, script: """
            UPDATE attendance SET status = 'present', recorded_at = '\(SnapshotTime.format(asOf.addingTimeInterval(-60)))'
            WHERE day = '\(day)' AND status IN ('excused', 'unexcused');
            """)
        let absentBefore = try SQLiteCLI.rows(url.path, """
            SELECT count(*) FROM attendance WHERE day = '\(day)' AND status IN ('excused', 'unexcused')
            """)
        #expect(absentBefore != [["0"]], "the sample has absences today to correct")
        #expect(rename(next.path, url.path) == 0)

        _ = try source.searchIndex()  // the first request after the rename: it opens the new file
        #expect(source.pollForChange() == .changed, "the poll after it must still say the dashboard is out of date")
        #expect(source.pollForChange() == .unchanged, "and say it once")

        let after = try source.report(for: nil, asOf: asOf)
        let truth = try SnapshotDataSource(url: url, config: AnalyticsConfig(), scope: nil).report(for: nil, asOf: asOf)
        #expect(after.figures.attendance.present == truth.figures.attendance.present)
        #expect(after.figures.attendance.present > before.figures.attendance.present, "the corrections show")
        #expect(after.figures.attendance.excused + after.figures.attendance.unexcused == 0)
    }
}
