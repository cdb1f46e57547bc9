import Foundation
import SectorData
import Testing
import TestSupport

/// Invariants of a generated province, checked with SQL through the sqlite3 CLI.
@Suite("Generated sample invariants")
struct GeneratorInvariantTests {
    /// Schools in the shared sample (large enough for closed, silent, offline and never-probed schools).
    static let schoolCount = 24
    /// History days in the shared sample.
    static let historyDays = 8

    private func sample() async throws -> URL {
        try await SampleFixtures.snapshot(schools: Self.schoolCount, seed: 11, historyDays: Self.historyDays)
    }

    @Test func everyStudentsClassBelongsToTheStudentsSchool() async throws {
        let db = try await sample()
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM students;") > 1_000)
        #expect(try SQLiteShell.integer(db, """
            SELECT count(*) FROM students s LEFT JOIN classes c ON c.id = s.class_id
            WHERE c.id IS NULL OR c.school_id <> s.school_id;
            """) == 0)
    }

    @Test func attendanceOnlyOnSchoolDaysForStudentsEnrolledThatDay() async throws {
        let db = try await sample()
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM attendance;") > 10_000)
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM attendance WHERE day NOT IN (SELECT day FROM school_days);") == 0)
        #expect(try SQLiteShell.integer(db, """
            SELECT count(*) FROM attendance a LEFT JOIN students s ON s.id = a.student_id
            WHERE s.id IS NULL OR s.enrolled_on > a.day OR (s.left_on IS NOT NULL AND s.left_on <= a.day);
            """) == 0)
        #expect(try SQLiteShell.integer(db, """
            SELECT count(*) FROM attendance a JOIN students s ON s.id = a.student_id
            WHERE a.school_id <> s.school_id OR a.class_id <> s.class_id;
            """) == 0)
        #expect(try SQLiteShell.integer(db, "SELECT count(DISTINCT day) FROM attendance;") == Self.historyDays + 1)
    }

    @Test func studentsWhoLeftHaveNoAttendanceAfterLeaving() async throws {
        let db = try await sample()
        let leavers = try SQLiteShell.integer(db, "SELECT count(*) FROM students WHERE left_on IS NOT NULL;")
        #expect(leavers > 0)
        #expect(try SQLiteShell.integer(db, """
            SELECT count(*) FROM students WHERE (left_on IS NULL) <> (leave_reason IS NULL) OR left_on <= enrolled_on;
            """) == 0)
    }

    @Test func timestampsAreUTCTextNeverAfterNow() async throws {
        let db = try await sample()
        let pattern = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'"
        #expect(try SQLiteShell.value(db, "SELECT value FROM meta WHERE key = 'published_at';") == "2026-11-23T02:30:00Z")
        for (table, column) in [("attendance", "recorded_at"), ("connectivity_probes", "measured_at"), ("devices", "last_seen_at")] {
            #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM \(table) WHERE \(column) NOT GLOB \(pattern);") == 0)
            #expect(try SQLiteShell.integer(db, """
                SELECT count(*) FROM \(table) WHERE \(column) > (SELECT value FROM meta WHERE key = 'published_at');
                """) == 0)
        }
        #expect(try SQLiteShell.integer(db, """
            SELECT count(*) FROM students WHERE enrolled_on NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' OR date(enrolled_on) IS NULL;
            """) == 0)
    }

    @Test func probesEveryFiveMinutesWithinTheLast24Hours() async throws {
        let db = try await sample()
        let window = """
            (SELECT strftime('%Y-%m-%dT%H:%M:%SZ', value, '-1 day') FROM meta WHERE key = 'published_at')
            """
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM connectivity_probes;") > 1_000)
        #expect(try SQLiteShell.integer(db, """
            SELECT count(*) FROM connectivity_probes
            WHERE measured_at <= \(window) OR measured_at > (SELECT value FROM meta WHERE key = 'published_at');
            """) == 0)
        #expect(try SQLiteShell.lines(db, "SELECT DISTINCT count(*) FROM connectivity_probes GROUP BY school_id;") == ["288"])
        #expect(try SQLiteShell.integer(db, """
            SELECT count(*) FROM (SELECT school_id, measured_at,
                unixepoch(measured_at) - unixepoch(lag(measured_at) OVER (PARTITION BY school_id ORDER BY measured_at)) AS gap
                FROM connectivity_probes) WHERE gap IS NOT NULL AND gap <> 300;
            """) == 0)
    }

    @Test func someSchoolsAreOfflineNowSomeSlowSomeNeverProbed() async throws {
        let db = try await sample()
        let offlineNow = try SQLiteShell.integer(db, """
            SELECT count(*) FROM connectivity_probes p
            WHERE p.measured_at = (SELECT max(measured_at) FROM connectivity_probes q WHERE q.school_id = p.school_id)
              AND p.download_mbps IS NULL;
            """)
        #expect(offlineNow >= 1)
        #expect(try SQLiteShell.integer(db, """
            SELECT count(*) FROM schools WHERE status = 'active' AND id NOT IN (SELECT school_id FROM connectivity_probes);
            """) >= 1)
        #expect(try SQLiteShell.real(db, "SELECT max(download_mbps) FROM connectivity_probes;") <= 200)
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM connectivity_probes WHERE download_mbps >= 20;") > 0)
    }

    @Test func calendarHasNoSundaysAndSkipsTet() async throws {
        let db = try await sample()
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM school_days;") > 150)
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM school_days WHERE strftime('%w', day) = '0';") == 0)
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM school_days WHERE day BETWEEN '2027-02-01' AND '2027-02-11';") == 0)
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM school_days WHERE day IN ('2027-01-01', '2027-04-30', '2027-05-01');") == 0)
        #expect(try SQLiteShell.value(db, "SELECT min(day) FROM school_days;") == "2026-09-05")
    }

    @Test func enumeratedValuesAreWithinTheContract() async throws {
        let db = try await sample()
        let allowed = SnapshotSchema.Allowed.self
        let checks: [(table: String, column: String, values: [String])] = [
            ("admin_units", "kind", allowed.unitKinds), ("schools", "level", allowed.schoolLevels),
            ("schools", "ownership", allowed.ownerships), ("schools", "status", allowed.schoolStatuses),
            ("students", "gender", allowed.genders), ("teachers", "gender", allowed.genders),
            ("students", "leave_reason", allowed.leaveReasons), ("attendance", "status", allowed.attendanceStatuses),
            ("attendance", "source", allowed.attendanceSources), ("devices", "kind", allowed.deviceKinds),
            ("devices", "status", allowed.deviceStatuses),
        ]
        for check in checks {
            let found = try SQLiteShell.lines(db, "SELECT DISTINCT \(check.column) FROM \(check.table) WHERE \(check.column) IS NOT NULL;")
            #expect(!found.isEmpty, "\(check.table).\(check.column) is empty")
            #expect(Set(found).isSubset(of: check.values), "\(check.table).\(check.column): \(found)")
        }
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM classes WHERE grade NOT BETWEEN 0 AND 12;") == 0)
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM teachers WHERE active NOT IN (0, 1);") == 0)
    }

    @Test func sizesAreThoseOfARealProvinceScaledDown() async throws {
        let db = try await sample()
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM schools;") == Self.schoolCount)
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM admin_units WHERE parent_id IS NULL AND kind = 'province';") == 1)
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM admin_units WHERE parent_id IS NOT NULL AND parent_id <> 1;") == 0)
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM schools WHERE unit_id = 1;") == 0)
        let perSchool = try SQLiteShell.lines(db, """
            SELECT count(st.id) FROM schools s LEFT JOIN students st ON st.school_id = s.id
            WHERE s.status = 'active' GROUP BY s.id;
            """).compactMap(Int.init)
        #expect(perSchool.count == Self.schoolCount - 1)
        #expect(perSchool.allSatisfy { (60...3_000).contains($0) }, "\(perSchool)")
        let average = Double(perSchool.reduce(0, +)) / Double(perSchool.count)
        #expect((350...900).contains(average))
        let classSize = try SQLiteShell.real(db, """
            SELECT avg(n) FROM (SELECT count(*) AS n FROM students
                                WHERE class_id IN (SELECT id FROM classes WHERE grade > 0) GROUP BY class_id);
            """)
        #expect((28...45).contains(classSize))
        let femaleShare = try SQLiteShell.real(db, "SELECT avg(gender = 'F') FROM students;")
        #expect((0.45...0.53).contains(femaleShare))
        let pupilsPerTeacher = try SQLiteShell.real(db, """
            SELECT (SELECT count(*) FROM students) * 1.0 / (SELECT count(*) FROM teachers WHERE active = 1);
            """)
        #expect((12...25).contains(pupilsPerTeacher))
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM schools WHERE status = 'closed';") >= 1)
        #expect(try SQLiteShell.integer(db, """
            SELECT count(*) FROM schools WHERE status = 'closed' AND id IN (SELECT school_id FROM students);
            """) == 0)
    }

    @Test func attendanceLooksLikeARealProvince() async throws {
        let db = try await sample()
        let rate = try SQLiteShell.real(db, "SELECT avg(status IN ('present', 'late')) FROM attendance;")
        #expect((0.90...0.985).contains(rate))
        let late = try SQLiteShell.real(db, "SELECT avg(status = 'late') FROM attendance;")
        #expect((0.005...0.04).contains(late))
        #expect(try SQLiteShell.integer(db, "SELECT count(DISTINCT status) FROM attendance WHERE status IN ('excused', 'unexcused');") == 2)
        #expect(try SQLiteShell.integer(db, """
            SELECT count(*) FROM (SELECT student_id FROM attendance GROUP BY student_id
                HAVING avg(status IN ('excused', 'unexcused')) >= 0.3);
            """) >= 1)
        #expect(try SQLiteShell.integer(db, """
            SELECT count(*) FROM schools WHERE status = 'active' AND id NOT IN (SELECT DISTINCT school_id FROM attendance);
            """) >= 1)
        let gateHours = try SQLiteShell.lines(db, """
            SELECT DISTINCT strftime('%H:%M', recorded_at, '+7 hours') < '06:45' FROM attendance WHERE source = 'gate';
            """)
        #expect(gateHours == ["0"])
    }

    @Test func intakePlansAreNearEntryGradeEnrollment() async throws {
        let db = try await sample()
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM intake_plans;") >= Self.schoolCount - 1)
        #expect(try SQLiteShell.integer(db, """
            SELECT count(*) FROM intake_plans p
            WHERE abs(p.planned - (SELECT count(*) FROM students s JOIN classes c ON c.id = s.class_id
                                   WHERE s.school_id = p.school_id AND c.grade = p.grade AND s.left_on IS NULL))
                  > max(5, 0.15 * p.planned);
            """) == 0)
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM intake_plans WHERE grade NOT IN (0, 1, 6, 10);") == 0)
    }

    @Test func devicesIncludeBrokenOnesAndRecentSightings() async throws {
        let db = try await sample()
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM devices WHERE status = 'broken';") > 0)
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM devices WHERE status = 'working';") > 0)
        #expect(try SQLiteShell.integer(db, """
            SELECT count(*) FROM devices WHERE kind = 'camera'
              AND last_seen_at > strftime('%Y-%m-%dT%H:%M:%SZ', '2026-11-23T02:30:00Z', '-15 minutes');
            """) > 0)
        #expect(try SQLiteShell.integer(db, """
            SELECT count(*) FROM devices WHERE last_seen_at IS NOT NULL AND kind NOT IN ('camera', 'attendance_gate', 'router');
            """) == 0)
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM devices WHERE kind = 'attendance_gate';") >= 1)
    }

    @Test func fileFollowsTheContract() async throws {
        let db = try await sample()
        let keys = try SQLiteShell.lines(db, "SELECT key FROM meta;")
        #expect(Set(SnapshotSchema.requiredMetaKeys).isSubset(of: Set(keys)))
        #expect(try SQLiteShell.value(db, "SELECT value FROM meta WHERE key = 'schema_version';") == String(SnapshotSchema.version))
        #expect(try SQLiteShell.value(db, "SELECT value FROM meta WHERE key = 'timezone';") == "Asia/Ho_Chi_Minh")
        #expect(try SQLiteShell.value(db, "SELECT value FROM meta WHERE key = 'school_year';") == "2026-2027")
        #expect(try SQLiteShell.value(db, "PRAGMA journal_mode;") == "delete")
        #expect(try SQLiteShell.value(db, "PRAGMA integrity_check;") == "ok")
        #expect(try SQLiteShell.lines(db, "PRAGMA foreign_key_check;").isEmpty)
        let indexes = Set(try SQLiteShell.lines(db, "SELECT name FROM sqlite_schema WHERE type = 'index';"))
        for index in SnapshotSchema.requiredIndexes {
            #expect(indexes.contains(index.name), "missing \(index.name)")
        }
        let names = try SQLiteShell.lines(db, "SELECT name FROM schools;")
        #expect(names.allSatisfy { $0.hasPrefix("Trường ") || $0.hasPrefix("Trung tâm GDNN-GDTX ") })
        #expect(Set(names).count == names.count)
    }
}
