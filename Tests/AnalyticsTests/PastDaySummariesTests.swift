import Analytics
import Foundation
import ReportModel
import SectorData
import Testing
import TestSupport

/// The cached fast path (past-day summaries kept across refreshes) against the sqlite3 shell and against an
/// engine without cache, on a generated sample changed in place between refreshes: late corrections to past
/// days (rewriting `recorded_at`, also out of order) and new rows for today.
@Suite struct PastDaySummariesTests {
    let url: URL
    let path: String
    let asOf = SampleFixtures.mondayMorning
    let asOfText: String
    let day: String

    init() throws {
        url = try SampleFixtures.freshSnapshot(schools: 25, seed: 11, historyDays: 14)
        path = url.path
        asOfText = ISO8601DateFormatter().string(from: asOf)
        day = try SQLiteCLI.rows(path, "SELECT max(day) FROM school_days WHERE day <= '2026-11-23'")[0][0]
    }

    /// The trend as (day, attending, reported) for the active schools, from the shell.
    func truthTrend() throws -> [String: (Int, Int)] {
        var result: [String: (Int, Int)] = [:]
        for row in try SQLiteCLI.rows(path, """
            SELECT day, sum(status IN ('present', 'late')), count(*) FROM attendance a
            WHERE \(Truth.counts()) AND day IN (SELECT day FROM school_days WHERE day <= '\(day)' ORDER BY day DESC LIMIT 30)
              AND (day < '\(day)' OR recorded_at <= '\(asOfText)')
              AND school_id IN (SELECT id FROM schools WHERE status = 'active')
            GROUP BY day
            """) {
            result[row[0]] = (Int(row[1]) ?? -1, Int(row[2]) ?? -1)
        }
        return result
    }

    /// Checks a cached report against the shell and against a fresh engine without any cache.
    func verify(_ cached: AnalyticsEngine, _ label: String) throws {
        let fast = try cached.report(for: nil, asOf: asOf)
        let naive = try AnalyticsEngine(snapshot: try Snapshot.open(at: url)).report(for: nil, asOf: asOf)
        #expect(fast.figures == naive.figures, "\(label): province figures")
        #expect(fast.children == naive.children, "\(label): children")
        #expect(fast.alerts == naive.alerts, "\(label): alerts")
        let truth = Truth(path: path, day: day, asOf: asOfText, schools: "SELECT id FROM schools WHERE status = 'active'",
                          classFilter: "")
        #expect(fast.figures.attendance.chronicAbsent == (try truth.chronic()), "\(label): chronic")
        let statuses = try truth.statuses()
        #expect(fast.figures.attendance.excused == statuses["excused", default: 0], "\(label): excused")
        #expect(fast.figures.attendance.unexcused == statuses["unexcused", default: 0], "\(label): unexcused")
        let trend = try truthTrend()
        #expect(Set(trend.keys).isSubset(of: Set(fast.figures.attendance.trend.map(\.day))), "\(label): trend days")
        for point in fast.figures.attendance.trend {
            let (attending, reported) = trend[point.day] ?? (0, 0)
            let expected: Double? = reported > 0 ? Double(attending) / Double(reported) : nil
            #expect(point.rate == expected, "\(label): trend \(point.day)")
        }
        // A school drill and its trend, served from the same summaries.
        let school = try #require(fast.children.first { $0.node.level == .unit }).node
        let unitFast = try cached.report(for: school, asOf: asOf)
        let unitNaive = try AnalyticsEngine(snapshot: try Snapshot.open(at: url)).report(for: school, asOf: asOf)
        #expect(unitFast == unitNaive, "\(label): commune report")
        let first = try #require(unitFast.children.first { $0.node.level == .school })
        #expect(try cached.report(for: first.node, asOf: asOf)
                == AnalyticsEngine(snapshot: try Snapshot.open(at: url)).report(for: first.node, asOf: asOf), "\(label): school")
    }

    @Test func lateCorrectionsAndNewRowsAreReflected() throws {
        let summaries = PastDaySummaries()
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries)
        try verify(engine, "initial")
        let filled = summaries.statistics
        #expect(filled.cachedDays > 0)

        // Refreshing unchanged data recomputes nothing.
        try verify(engine, "unchanged")
        #expect(summaries.statistics.dayComputations == filled.dayComputations)

        // Late corrections on past days, stamped with the correction time: present → unexcused for some,
        // unexcused → excused for others, and one student made chronically absent.
        let pastDay = try SQLiteCLI.rows(path, "SELECT day FROM school_days WHERE day < '\(day)' ORDER BY day DESC LIMIT 1 OFFSET 2")[0][0]
        let student = try SQLiteCLI.rows(path, "SELECT student_id FROM attendance WHERE day = '\(pastDay)' AND status = 'present' LIMIT 1")[0][0]
        try SQLiteCLI.execute(path, script: """
            UPDATE attendance SET status = 'unexcused', recorded_at = '2026-11-23T02:25:00Z'
              WHERE day = '\(pastDay)' AND status = 'present' AND student_id % 7 = 0;
            UPDATE attendance SET status = 'excused', recorded_at = '2026-11-23T02:25:00Z'
              WHERE day = '\(pastDay)' AND status = 'unexcused' AND student_id % 3 = 0;
            UPDATE attendance SET status = 'unexcused', recorded_at = '2026-11-23T02:26:00Z'
              WHERE student_id = \(student) AND day < '\(day)';
            """)
        try verify(engine, "after corrections")
        #expect(summaries.statistics.studentRecounts > 0)

        // A correction delivered out of order: stamped before that day's newest row (02:26), reaching the
        // snapshot within the lag margin of its stamp (as-of is 02:30).
        let otherDay = try SQLiteCLI.rows(path, "SELECT day FROM school_days WHERE day < '\(pastDay)' ORDER BY day DESC LIMIT 1")[0][0]
        try SQLiteCLI.execute(path, script: """
            UPDATE attendance SET status = 'unexcused', recorded_at = '2026-11-23T02:20:00Z'
              WHERE day = '\(otherDay)' AND status IN ('present', 'late') AND student_id % 5 = 0;
            """)
        try verify(engine, "after an out-of-order correction")

        // New rows for today (the feed's next batch), recorded before as-of.
        try SQLiteCLI.execute(path, script: """
            INSERT INTO attendance (day, student_id, class_id, school_id, status, recorded_at, source)
            SELECT '\(day)', s.id, s.class_id, s.school_id, CASE WHEN s.id % 4 = 0 THEN 'unexcused' ELSE 'present' END,
                   '2026-11-23T02:20:00Z', 'app'
            FROM students s
            WHERE s.enrolled_on <= '\(day)' AND (s.left_on IS NULL OR s.left_on > '\(day)')
              AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.day = '\(day)' AND a.student_id = s.id)
            LIMIT 300;
            """)
        try verify(engine, "after new rows today")
        // Today's rows were read in full once, then only what was written since.
        let stats = summaries.statistics
        #expect(stats.todayFullLoads == 1)
        #expect(stats.todayRowsApplied > 0)
    }

    /// Before today's first row, the newest day with attendance is a past day: writes to it move no token (the
    /// `past_attendance` trigger fires only below the newest day), so the cache must still look at that day.
    @Test func aCorrectionToTheNewestDayIsSeenBeforeTodaysFirstRow() throws {
        try SQLiteCLI.execute(path, script: "DELETE FROM attendance WHERE day >= '\(day)';")
        let newest = try SQLiteCLI.rows(path, "SELECT max(day) FROM attendance")[0][0]
        let summaries = PastDaySummaries()
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries)
        try verify(engine, "before")
        try verify(engine, "unchanged")
        let token = { try SQLiteCLI.rows(self.path, "SELECT token FROM change_tokens WHERE table_name = 'past_attendance'")[0][0] }
        let before = try token()
        try SQLiteCLI.execute(path, script: """
            UPDATE attendance SET status = 'unexcused', recorded_at = '2026-11-23T02:24:00Z'
              WHERE day = '\(newest)' AND status = 'present' AND student_id % 4 = 0;
            """)
        #expect(try token() == before, "a write to the newest day moves no token")
        try verify(engine, "after a correction to the newest day")
        #expect(summaries.statistics.studentRecounts > 0)
    }

    /// Five students one absence short of the chronic threshold are marked absent today: the cached count of those
    /// reaching it (kept as today's rows arrive) moves with them.
    @Test func absencesTodayThatReachTheThresholdAreCounted() throws {
        let school = try SQLiteCLI.rows(path, "SELECT min(school_id) FROM attendance WHERE day = '\(day)'")[0][0]
        let students = try SQLiteCLI.rows(path, """
            SELECT a.student_id FROM attendance a JOIN students s ON s.id = a.student_id
            WHERE a.day = '\(day)' AND a.school_id = \(school) AND a.status = 'present' AND a.recorded_at <= '\(asOfText)'
              AND s.enrolled_on <= '\(day)' AND (s.left_on IS NULL OR s.left_on > '\(day)')
              AND (SELECT count(*) FROM attendance p WHERE p.student_id = a.student_id AND p.day < '\(day)') >= 10
            ORDER BY a.student_id LIMIT 5
            """).map { $0[0] }
        try #require(students.count == 5)
        let list = students.joined(separator: ",")
        // The threshold as the shell counts it: a tenth of the school days so far, rounded up.
        let schoolDays = try SQLiteCLI.int(path, "SELECT count(*) FROM school_days WHERE day <= '\(day)'")
        let short = (schoolDays + 9) / 10 - 1
        try SQLiteCLI.execute(path, script: """
            UPDATE attendance SET status = 'present', recorded_at = '2026-11-23T02:20:00Z'
              WHERE student_id IN (\(list)) AND day < '\(day)';
            """)
        for student in students {
            try SQLiteCLI.execute(path, script: """
                UPDATE attendance SET status = 'unexcused' WHERE student_id = \(student) AND day IN
                  (SELECT day FROM attendance WHERE student_id = \(student) AND day < '\(day)' ORDER BY day LIMIT \(short));
                """)
        }
        let summaries = PastDaySummaries()
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries)
        try verify(engine, "before")
        let before = try engine.report(for: nil, asOf: asOf).figures.attendance.chronicAbsent
        let mark = try SQLiteCLI.rows(path, "SELECT max(recorded_at) FROM attendance WHERE day = '\(day)'")[0][0]
        try SQLiteCLI.execute(path, script: """
            UPDATE attendance SET status = 'unexcused', recorded_at = '\(mark)' WHERE day = '\(day)' AND student_id IN (\(list));
            """)
        try verify(engine, "after today's absences")
        #expect(try engine.report(for: nil, asOf: asOf).figures.attendance.chronicAbsent == before + 5)
        // The school's drill adds up its classes' kept reaching counts: as without any cache.
        let code = try SQLiteCLI.rows(path, "SELECT code FROM schools WHERE id = \(school)")[0][0]
        let node = NodeRef(level: .school, code: code, name: "")
        let drilled = try engine.report(for: node, asOf: asOf)
        #expect(drilled == (try AnalyticsEngine(snapshot: try Snapshot.open(at: url)).report(for: node, asOf: asOf)))
        #expect(drilled.figures.attendance.chronicAbsent >= 5, "the five are the school's")
        #expect(summaries.statistics.todayFullLoads == 1, "today's rows were applied, not read again")
    }

    /// A write to today stamped before the day's newest row (delivered out of order, within the lag margin) moves
    /// `late_attendance`, and the cache then re-reads the margin instead of only what follows its mark.
    @Test func anOutOfOrderWriteTodayIsSeen() throws {
        let summaries = PastDaySummaries()
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries)
        try verify(engine, "before")
        let mark = try SQLiteCLI.rows(path, "SELECT max(recorded_at) FROM attendance WHERE day = '\(day)'")[0][0]
        let earlier = SnapshotTime.format(try #require(SnapshotTime.parse(mark)).addingTimeInterval(-300))
        let token = { try SQLiteCLI.rows(self.path, "SELECT token FROM change_tokens WHERE table_name = 'late_attendance'")[0][0] }
        let before = try token()
        try SQLiteCLI.execute(path, script: """
            UPDATE attendance SET status = 'unexcused', recorded_at = '\(earlier)'
            WHERE day = '\(day)' AND student_id IN (SELECT student_id FROM attendance WHERE day = '\(day)'
                                                  AND status = 'present' ORDER BY student_id LIMIT 7);
            """)
        #expect(try token() != before)
        try verify(engine, "after an out-of-order write today")
        #expect(summaries.statistics.todayFullLoads == 1)
    }

    /// Timestamps have one-second precision: a write stamped in the same second as today's newest row leaves
    /// the day's max(recorded_at) unchanged, and must still reach the cached figures.
    @Test func aWriteInTheSameSecondAsTheMarkIsSeen() throws {
        let summaries = PastDaySummaries()
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries)
        try verify(engine, "before")
        let mark = try SQLiteCLI.rows(path, """
            SELECT max(recorded_at) FROM attendance WHERE day = '\(day)' AND recorded_at <= '\(asOfText)'
            """)[0][0]
        try SQLiteCLI.execute(path, script: """
            UPDATE attendance SET status = 'present', recorded_at = '\(mark)'
            WHERE day = '\(day)' AND recorded_at < '\(mark)' AND status <> 'present'
              AND student_id IN (SELECT student_id FROM attendance WHERE day = '\(day)' AND recorded_at < '\(mark)'
                                 AND status <> 'present' ORDER BY student_id LIMIT 5);
            """)
        let newMark = try SQLiteCLI.rows(path, "SELECT max(recorded_at) FROM attendance WHERE day = '\(day)'")[0][0]
        #expect(newMark == mark, "the mark did not move")
        try verify(engine, "after a write in the mark's second")
    }

    @Test func aNewFileStartsAfresh() throws {
        let summaries = PastDaySummaries()
        _ = try AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries).report(for: nil, asOf: asOf)
        let other = try SampleFixtures.freshSnapshot(schools: 12, seed: 3, historyDays: 6)
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: other), summaries: summaries)
        let fast = try engine.report(for: nil, asOf: asOf)
        #expect(fast == (try AnalyticsEngine(snapshot: try Snapshot.open(at: other)).report(for: nil, asOf: asOf)))
        #expect(summaries.statistics.resets == 1)
    }

    /// Students joining, leaving and changing class (the students change token moves): enrollment, chronic
    /// absence and the trend's denominators follow on the next refresh, and unchanged students are not re-read.
    @Test func rosterChangesAreFollowed() throws {
        let summaries = PastDaySummaries()
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries)
        try verify(engine, "initial")
        try verify(engine, "unchanged")
        let loads = summaries.rosterStudentLoads
        #expect(loads == 1, "the students were read once")

        // New attendance and probes only: the students stay held.
        try SQLiteCLI.execute(path, script: """
            UPDATE attendance SET status = 'unexcused', recorded_at = '2026-11-23T02:27:00Z'
            WHERE day = '\(day)' AND student_id IN (SELECT student_id FROM attendance WHERE day = '\(day)' LIMIT 20);
            """)
        try verify(engine, "after attendance only")
        #expect(summaries.rosterStudentLoads == loads, "an attendance write does not re-read the students")

        // Leavers (one of them chronically absent), a class change and a new student.
        let chronicStudent = try SQLiteCLI.rows(path, """
            SELECT student_id FROM attendance WHERE status IN ('excused', 'unexcused') AND day < '\(day)'
            GROUP BY student_id ORDER BY count(*) DESC LIMIT 1
            """)[0][0]
        try SQLiteCLI.execute(path, script: """
            UPDATE students SET left_on = '\(day)', leave_reason = 'dropout' WHERE id = \(chronicStudent);
            UPDATE students SET left_on = '2026-11-20', leave_reason = 'transfer' WHERE id % 97 = 0 AND left_on IS NULL;
            UPDATE students SET class_id = (SELECT min(id) FROM classes c WHERE c.school_id = students.school_id)
              WHERE id % 89 = 0;
            INSERT INTO students (id, school_id, class_id, gender, enrolled_on)
              SELECT max(id) + 1, (SELECT school_id FROM classes WHERE id = 1), 1, 'F', '2026-11-20' FROM students;
            """)
        try verify(engine, "after roster changes")

        // Devices breaking, then a teacher leaving: the per-branch sums kept between refreshes follow each.
        _ = try engine.report(for: nil, asOf: asOf)  // the province's sums are held
        try SQLiteCLI.execute(path, script: "UPDATE devices SET status = 'broken' WHERE id % 7 = 0 AND status = 'working';")
        try verify(engine, "after devices broke")
        try SQLiteCLI.execute(path, script: """
            UPDATE teachers SET active = 0 WHERE id = (SELECT min(id) FROM teachers WHERE active <> 0);
            """)
        try verify(engine, "after a teacher left")
        #expect(summaries.rosterStudentLoads == loads + 1, "the students were read again once")
    }

    /// A publication by rename of the same database (same lineage) keeps the summaries and still shows what the
    /// new file changed; a file without change tokens is read correctly with every table re-read.
    @Test func renamedPublicationKeepsTheSummaries() throws {
        let summaries = PastDaySummaries()
        try verify(AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries), "initial")
        let computed = summaries.statistics.dayComputations

        let next = url.deletingLastPathComponent().appendingPathComponent("next-\(UUID().uuidString).sqlite")
        try FileManager.default.copyItem(at: url, to: next)
        let pastDay = try SQLiteCLI.rows(next.path, "SELECT max(day) FROM school_days WHERE day < '\(day)'")[0][0]
        try SQLiteCLI.execute(next.path, script: """
            UPDATE attendance SET status = 'excused', recorded_at = '2026-11-23T02:28:00Z'
            WHERE day = '\(pastDay)' AND student_id % 11 = 0;
            """)
        try FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: next, to: url)
        summaries.snapshotReopened()
        try verify(AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries), "renamed")
        #expect(summaries.statistics.resets == 0, "same lineage: nothing dropped")
        #expect(summaries.statistics.dayComputations == computed + 1, "only the corrected day was summarised again")

        try SQLiteCLI.execute(path, script: "DROP TRIGGER change_tokens_students_update;")
        summaries.snapshotReopened()
        try verify(AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries), "without change tokens")
        try SQLiteCLI.execute(path, script: "UPDATE students SET left_on = '2026-11-20' WHERE id % 5 = 0 AND left_on IS NULL;")
        try verify(AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries), "roster change without tokens")
    }

    /// Deleting attendance rows of a past day (which no recorded_at can show) drops the attendance summaries.
    @Test func deletedRowsAreNotCountedFromTheCache() throws {
        let summaries = PastDaySummaries()
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: url), summaries: summaries)
        try verify(engine, "initial")
        let pastDay = try SQLiteCLI.rows(path, "SELECT max(day) FROM school_days WHERE day < '\(day)'")[0][0]
        try SQLiteCLI.execute(path, script: """
            DELETE FROM attendance WHERE day = '\(pastDay)' AND status IN ('excused', 'unexcused') AND student_id % 2 = 0;
            """)
        try verify(engine, "after deleting rows")
    }
}
