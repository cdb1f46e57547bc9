import Analytics
import Foundation
import GRDB
import Testing
import TestSupport

/// One report = one read transaction: a writer committing between the report's queries must not produce
/// figures from two database states.
@Suite struct ConsistencyTests {
    /// Stop flag shared with the writer thread.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var stopped = false
        private var commits = 0
        private var done = false
        var isStopped: Bool { lock.withLock { stopped } }
        var isFinished: Bool { lock.withLock { done } }
        func finished() { lock.withLock { done = true } }
        var count: Int { lock.withLock { commits } }
        func stop() { lock.withLock { stopped = true } }
        func committed() { lock.withLock { commits += 1 } }
    }

    @Test func reportsNeverMixTwoStates() throws {
        let path = AnalyticsFixtures.temporaryPath("consistency.sqlite")
        try AnalyticsFixtures.buildRichProvince(at: path)
        let engine = AnalyticsEngine(reader: try AnalyticsEngine.openSnapshot(path: path))
        let asOf = AnalyticsFixtures.instant(AnalyticsFixtures.richAsOf)
        let baseline = try engine.report(for: nil, asOf: asOf).figures.attendance

        // Each writer transaction adds a student AND that student's record for the day: enrolled and reported
        // grow together, so enrolled − reported (computed by different queries) is invariant in every state.
        let writer = try DatabaseQueue(path: path)
        let flag = Flag()
        // A plain thread, not a task: the cooperative pool may be saturated by parallel tests.
        let thread = Thread {
            var id = 1_000_000
            while !flag.isStopped {
                id += 1
                do {
                    try writer.write { db in
                        try db.execute(sql: "INSERT INTO students VALUES (?, 1, 1, 'F', '2025-08-15', NULL, NULL)", arguments: [id])
                        try db.execute(sql: """
                            INSERT INTO attendance VALUES ('2025-10-08', ?, 1, 1, 'present', '2025-10-08T01:00:00Z', 'gate')
                            """, arguments: [id])
                    }
                    flag.committed()
                } catch {
                    flag.stop()
                }
            }
            flag.finished()
        }
        thread.start()
        defer { flag.stop() }
        let started = Date()
        while flag.count == 0, Date().timeIntervalSince(started) < 20 { usleep(1000) }
        var seenEnrolled = Set<Int>()
        for _ in 0..<12 {
            let report = try engine.report(for: nil, asOf: asOf)
            let a = report.figures.attendance
            #expect(a.enrolled - a.reported == baseline.enrolled - baseline.reported)
            #expect(a.unreported == baseline.unreported)
            #expect(report.figures.enrollment.enrolled == a.enrolled)
            #expect(report.children.reduce(0) { $0 + $1.attendance.present } == a.present)
            seenEnrolled.insert(a.enrolled)
        }
        flag.stop()
        while !flag.isFinished { usleep(1000) }
        #expect(flag.count > 0)
        #expect(seenEnrolled.count > 1, "the writer never committed during the reports: the test proved nothing")
    }
}
