import Analytics
import Foundation
import SectorData
import Testing
import TestSupport

/// A snapshot that stopped updating is reported as stale; it does not turn every school offline.
@Suite struct StaleSnapshotTests {
    @Test func freshnessIsJudgedAtPublicationNotAtTheWallClock() async throws {
        let published = SampleFixtures.mondayMorning
        let url = try await SampleFixtures.snapshot(schools: 30, seed: 7, historyDays: 12)
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url))
        let atPublication = try engine.report(for: nil, asOf: published, includeTrend: false)
        let hourLater = try engine.report(for: nil, asOf: published.addingTimeInterval(3600), includeTrend: false)

        // Independent truth: schools whose latest probe succeeded within 15 min of publication.
        let publishedText = SnapshotTime.format(published)
        let freshFrom = SnapshotTime.format(published.addingTimeInterval(-15 * 60))
        let online = try SQLiteCLI.int(url.path, """
            SELECT count(*) FROM schools s JOIN connectivity_probes p ON p.school_id = s.id
            WHERE s.status = 'active' AND p.measured_at = (SELECT max(measured_at) FROM connectivity_probes
                                                           WHERE school_id = s.id AND measured_at <= '\(publishedText)')
              AND p.measured_at >= '\(freshFrom)' AND p.download_mbps IS NOT NULL
            """)
        #expect(online > 0)
        let c1 = atPublication.figures.connectivity, c2 = hourLater.figures.connectivity
        #expect(c1.good + c1.moderate == online)
        #expect(c2.good + c2.moderate == online, "an hour without new data must not make schools offline")
        #expect(c2.offline == c1.offline)
        #expect(hourLater.figures.devices.camerasOnline == atPublication.figures.devices.camerasOnline)
        #expect(hourLater.alerts.contains { $0.kind == .snapshotStale }, "the staleness is reported instead")
        #expect(!atPublication.alerts.contains { $0.kind == .snapshotStale })
    }
}
