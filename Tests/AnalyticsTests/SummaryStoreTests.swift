import Analytics
import Foundation
import ReportModel
import SectorData
import Testing
import TestSupport

/// The summaries' warm-start file: a new set of summaries restored from it reports exactly what an engine without
/// any cache reports — also after the snapshot changed since the file was written — and a damaged or foreign file
/// is ignored or recomputed, never trusted.
@Suite struct SummaryStoreTests {
    let url: URL
    let store: SummaryStore
    let asOf = SampleFixtures.mondayMorning
    let day: String

    init() throws {
        url = try SampleFixtures.freshSnapshot(schools: 16, seed: 21, historyDays: 12)
        store = SummaryStore(directory: try SampleFixtures.makeTemporaryDirectory())
        day = try SQLiteCLI.rows(url.path, "SELECT max(day) FROM school_days WHERE day <= '2026-11-23'")[0][0]
    }

    func naive() throws -> NodeReport {
        try AnalyticsEngine(snapshot: try Snapshot.open(at: url)).report(for: nil, asOf: asOf)
    }

    /// Summaries filled by one province report and saved.
    func savedSummaries() throws -> PastDaySummaries {
        let summaries = PastDaySummaries()
        _ = try AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries).report(for: nil, asOf: asOf)
        #expect(try store.save(summaries, snapshotPath: url.path))
        return summaries
    }

    @Test func restoredSummariesNeedNoRecomputation() throws {
        _ = try savedSummaries()
        let attributes = try FileManager.default.attributesOfItem(atPath: store.fileURL(forSnapshot: url.path).path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let restored = PastDaySummaries()
        #expect(store.restore(restored, snapshotPath: url.path))
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: restored)
        let report = try engine.report(for: nil, asOf: asOf)
        #expect(report == (try naive()))
        let stats = restored.statistics
        #expect(stats.dayComputations == 0, "no past day summarised again")
        #expect(stats.todayFullLoads == 0, "today's rows not read in full")
        #expect(restored.rosterStudentLoads == 0, "students not read")
        #expect(stats.resets == 0)
    }

    @Test func changesSinceTheFileWasWrittenAreApplied() throws {
        _ = try savedSummaries()
        let pastDay = try SQLiteCLI.rows(url.path, "SELECT max(day) FROM school_days WHERE day < '\(day)'")[0][0]
        try SQLiteCLI.execute(url.path, script: """
            UPDATE attendance SET status = 'unexcused', recorded_at = '2026-11-23T02:29:00Z'
              WHERE day = '\(pastDay)' AND student_id % 3 = 0;
            UPDATE attendance SET status = 'late', recorded_at = '2026-11-23T02:29:30Z'
              WHERE day = '\(day)' AND student_id % 13 = 0;
            UPDATE students SET left_on = '2026-11-20', leave_reason = 'dropout' WHERE id % 31 = 0 AND left_on IS NULL;
            """)
        let restored = PastDaySummaries()
        #expect(store.restore(restored, snapshotPath: url.path))
        let report = try AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: restored).report(for: nil, asOf: asOf)
        #expect(report == (try naive()))
        // Which rows count depends on the students (a leave dated back takes the leaver's rows out): with their
        // token moved every past day is summarised again from the rows.
        #expect(restored.statistics.dayComputations == restored.statistics.cachedDays, "every past day summarised again")
        #expect(restored.statistics.cachedDays > 1)
        #expect(restored.rosterStudentLoads == 1, "the students were read again (their token moved)")
    }

    /// A file written on an earlier school day: the restored absences (still in the file's columns) are extended
    /// by the days since, and yesterday's "today" becomes a past day like any other.
    @Test func aFileFromAnEarlierDayIsExtended() throws {
        let yesterday = try SQLiteCLI.rows(url.path, "SELECT max(day) FROM school_days WHERE day < '\(day)'")[0][0]
        let earlier = try #require(ISO8601DateFormatter().date(from: "\(yesterday)T09:00:00Z"))
        // The snapshot as it was published yesterday (an as-of before publication is a replay, which the caches
        // do not serve).
        let published = try SQLiteCLI.rows(url.path, "SELECT value FROM meta WHERE key = 'published_at'")[0][0]
        try SQLiteCLI.execute(url.path, script: "UPDATE meta SET value = '\(yesterday)T08:00:00Z' WHERE key = 'published_at';")
        let summaries = PastDaySummaries()
        _ = try AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries).report(for: nil, asOf: earlier)
        #expect(try store.save(summaries, snapshotPath: url.path))
        try SQLiteCLI.execute(url.path, script: "UPDATE meta SET value = '\(published)' WHERE key = 'published_at';")

        let restored = PastDaySummaries()
        #expect(store.restore(restored, snapshotPath: url.path))
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: restored)
        #expect(try engine.report(for: nil, asOf: asOf) == (try naive()))
        let unit = try #require(try naive().children.first { $0.node.level == .unit }).node
        #expect(try engine.report(for: unit, asOf: asOf)
                == AnalyticsEngine(snapshot: try Snapshot.open(at: url)).report(for: unit, asOf: asOf))
    }

    @Test func aDamagedFileIsIgnored() throws {
        _ = try savedSummaries()
        let file = store.fileURL(forSnapshot: url.path)
        let bytes = try Data(contentsOf: file)
        // A valid header followed by a length far beyond the file (must not be allocated).
        let headerLength = 8 + 16 + 8 + 8 + URL(fileURLWithPath: url.path).standardizedFileURL.path.utf8.count
        var hugeCount = bytes.prefix(headerLength)
        withUnsafeBytes(of: Int64(1 << 40).littleEndian) { hugeCount.append(contentsOf: $0) }
        for damaged in [bytes.prefix(bytes.count / 2), Data("not a summaries file".utf8), bytes + Data([0]), hugeCount] {
            try damaged.write(to: file)
            let summaries = PastDaySummaries()
            #expect(!store.restore(summaries, snapshotPath: url.path))
            #expect(summaries.statistics.cachedDays == 0, "nothing installed")
        }
    }

    @Test func aFileForAnotherDatabaseIsRecomputed() throws {
        _ = try savedSummaries()
        // Another province takes the path: its lineage differs, so the restored summaries are dropped.
        let other = try SampleFixtures.freshSnapshot(schools: 9, seed: 4, historyDays: 5)
        try FileManager.default.removeItem(at: url)
        try FileManager.default.copyItem(at: other, to: url)
        let restored = PastDaySummaries()
        #expect(store.restore(restored, snapshotPath: url.path))
        let report = try AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: restored).report(for: nil, asOf: asOf)
        #expect(report == (try naive()))
        #expect(restored.statistics.resets == 1, "the restored summaries were dropped")
    }
}
