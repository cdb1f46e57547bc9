import Analytics
import ConsoleApp
import Foundation
import SectorData
import SnapshotSource
import Testing
import TestSupport

/// The console's data source saves its summaries after the first complete report and a new data source (a new
/// console process) starts from that file with the same figures.
@Suite struct SnapshotDataSourceStoreTests {
    @Test func aSecondConsoleStartsFromTheFirstOnesSummaries() throws {
        let url = try SampleFixtures.freshSnapshot(schools: 10, seed: 8, historyDays: 6)
        let store = SummaryStore(directory: try SampleFixtures.makeTemporaryDirectory().appendingPathComponent("summaries"))
        let asOf = SampleFixtures.mondayMorning
        let first = try SnapshotDataSource(url: url, config: AnalyticsConfig(), scope: nil, store: store)
        #expect(!first.restoredSummaries)
        let report = try first.report(for: nil, asOf: asOf)
        #expect(FileManager.default.fileExists(atPath: store.fileURL(forSnapshot: url.path).path), "saved after the first report")

        let second = try SnapshotDataSource(url: url, config: AnalyticsConfig(), scope: nil, store: store)
        #expect(second.restoredSummaries)
        #expect(try second.report(for: nil, asOf: asOf) == report)
        #expect(second.summaries.statistics.dayComputations == 0)
    }
}
