import Analytics
import ConsoleApp
import Foundation
import SectorData
import SnapshotSource
import Testing
import TestSupport

/// The console's data source keeps its past-day summaries across refreshes: a refresh of unchanged data
/// recomputes no past day, and a late correction written in place shows on the next refresh after the poll.
@Suite struct SnapshotDataSourceCacheTests {
    @Test func summariesSurviveRefreshesAndFollowCorrections() throws {
        let url = try SampleFixtures.freshSnapshot(schools: 12, seed: 5, historyDays: 8)
        let asOf = SampleFixtures.mondayMorning
        let source = try SnapshotDataSource(url: url, config: AnalyticsConfig(), scope: nil)
        let first = try source.report(for: nil, asOf: asOf)
        let filled = source.summaries.statistics
        #expect(filled.cachedDays > 0)
        _ = try source.report(for: nil, asOf: asOf)
        #expect(source.summaries.statistics.dayComputations == filled.dayComputations, "nothing recomputed")

        let day = first.figures.attendance.day
        let pastDay = try SQLiteCLI.rows(url.path, "SELECT max(day) FROM attendance WHERE day < '\(day)'")[0][0]
        try SQLiteCLI.execute(url.path, script: """
            UPDATE attendance SET status = 'unexcused', recorded_at = '2026-11-23T02:29:00Z'
            WHERE day = '\(pastDay)' AND status IN ('present', 'late');
            """)
        #expect(source.pollForChange() == .changed)
        let after = try source.report(for: nil, asOf: asOf)
        let point = try #require(after.figures.attendance.trend.first { $0.day == pastDay })
        #expect(point.rate == 0, "every row of \(pastDay) is now an absence")
        let naive = try AnalyticsEngine(snapshot: try Snapshot.open(at: url)).report(for: nil, asOf: asOf)
        #expect(after.figures == naive.figures)
        #expect(source.summaries.statistics.resets == 0, "an in-place write keeps the cache, only the day is redone")
    }
}
