import Foundation
import SectorData
import Testing
import TestSupport
@testable import SampleProvince

/// The replication feed on a real sample file, checked with the sqlite3 CLI.
@Suite("Replication feed")
struct ReplicationFeedTests {
    /// 06:30 in the province on Monday 2026-11-23: before the check-in wave.
    private static let start = Date(timeIntervalSince1970: 1_795_390_200)

    private func count(_ file: URL, _ sql: String) throws -> Int { try SQLiteShell.integer(file, sql) }

    @Test(arguments: [FeedMode.inPlace, FeedMode.rename])
    func publicationsAddCheckInsCorrectionsProbesAndPublishedAt(mode: FeedMode) throws {
        let file = try SampleFixtures.freshSnapshot(schools: 12, now: Self.start)
        let today = "'2026-11-23'"
        let rowsBefore = try count(file, "SELECT count(*) FROM attendance WHERE day = \(today);")
        let unexcusedBefore = try count(file, "SELECT count(*) FROM attendance WHERE status = 'unexcused';")
        let probesBefore = try count(file, "SELECT count(*) FROM connectivity_probes;")
        // A second name for the original file keeps its inode alive (and unreusable) through the run.
        let original = file.deletingLastPathComponent().appendingPathComponent("original.sqlite")
        #expect(link(file.path, original.path) == 0)
        let inodeBefore = try FileIdentity.current(atPath: file.path)

        let feed = try ReplicationFeed(options: FeedOptions(target: file, mode: mode, speed: 60, seed: 3), start: Self.start)
        var publications: [FeedPublication] = []
        for second in 1...10 {  // ten publications, one a second at 60×: ten simulated minutes
            publications.append(try feed.publish(now: Self.start.addingTimeInterval(Double(second))))
        }
        feed.close()

        let checkIns = publications.reduce(0) { $0 + $1.checkIns }
        #expect(checkIns > 0)
        #expect(try count(file, "SELECT count(*) FROM attendance WHERE day = \(today);") == rowsBefore + checkIns)
        let last = try #require(publications.last)
        #expect(try SQLiteShell.value(file, "SELECT value FROM meta WHERE key = 'published_at';") == "2026-11-22T23:30:10Z")
        #expect(try SQLiteShell.value(file, "SELECT max(recorded_at) FROM attendance;") == "2026-11-22T23:30:10Z")
        // Probe rounds every 5 simulated minutes: two in ten minutes, one probe per probed school each.
        let probes = publications.reduce(0) { $0 + $1.probes }
        #expect(publications.filter { $0.probes > 0 }.count == 2)
        #expect(try count(file, "SELECT count(*) FROM connectivity_probes;") == probesBefore + probes)
        // Corrections turn unexcused absences excused, stamped with the publication time.
        let corrections = publications.reduce(0) { $0 + $1.corrections }
        #expect(corrections > 0)
        #expect(try count(file, """
            SELECT count(*) FROM attendance WHERE recorded_at > '2026-11-22T23:30:00Z' AND status = 'excused' AND source = 'teacher';
            """) >= corrections)
        #expect(try count(file, "SELECT count(*) FROM attendance WHERE status = 'unexcused';") <= unexcusedBefore + checkIns - corrections)
        #expect(last.pendingStudents == (try count(file, """
            SELECT count(*) FROM students st JOIN schools sc ON sc.id = st.school_id AND sc.status = 'active'
            WHERE st.enrolled_on <= \(today) AND (st.left_on IS NULL OR st.left_on > \(today))
              AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.day = \(today) AND a.student_id = st.id);
            """)))

        // Delivery: WAL in place (same file); DELETE journal and a new file by rename, no temporary left.
        let journal = try SQLiteShell.value(file, "PRAGMA journal_mode;")
        let inodeAfter = try FileIdentity.current(atPath: file.path)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
            .filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        switch mode {
        case .inPlace:
            #expect(journal == "wal")
            #expect(inodeAfter.map { inodeBefore?.isSameFile(as: $0) } == true)
        case .rename:
            #expect(journal == "delete")
            #expect(inodeAfter.map { inodeBefore?.isSameFile(as: $0) } == false)
            #expect(try SQLiteShell.value(original, "SELECT value FROM meta WHERE key = 'published_at';") == "2026-11-22T23:30:00Z")
        }
        // Still a valid snapshot.
        #expect(throws: Never.self) { _ = try Snapshot.open(at: file) }
    }

    @Test func sameSeedSameActivity() throws {
        let first = try SampleFixtures.freshSnapshot(schools: 8, now: Self.start)
        let second = try SampleFixtures.freshSnapshot(schools: 8, now: Self.start)
        for file in [first, second] {
            let feed = try ReplicationFeed(options: FeedOptions(target: file, mode: .inPlace, speed: 120, seed: 9), start: Self.start)
            for step in 1...4 { _ = try feed.publish(now: Self.start.addingTimeInterval(Double(step))) }
            feed.close()
        }
        let digest = "SELECT group_concat(student_id || status || source, ',') FROM (SELECT * FROM attendance ORDER BY day, student_id);"
        #expect(try SQLiteShell.value(first, digest) == SQLiteShell.value(second, digest))
    }

    @Test func rejectsAMissingFileAndABadSpeed() {
        let missing = URL(fileURLWithPath: "/nonexistent/eduioc/feed.sqlite")
        #expect(throws: SampleError.self) { _ = try ReplicationFeed(options: FeedOptions(target: missing)) }
        #expect(throws: SampleError.self) {
            try FeedOptions(target: missing, speed: 0).validate()
        }
    }
}
