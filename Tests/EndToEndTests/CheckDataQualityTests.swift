import Foundation
import SectorData
import Testing
import TestSupport

/// `eduioc check` on snapshots an outside ETL wrote from the contract: it names every kind of row the figures leave
/// out, with counts the sqlite3 shell agrees with, a change-token trigger that does nothing, and says "none" only
/// for a clean file.
@Suite("eduioc check: data quality and change-token triggers")
struct CheckDataQualityTests {
    @Test("rows left out are counted by reason, with the schools that wrote them, and duplicated codes named")
    func rowsLeftOutByReason() throws {
        let path = AnalyticsFixtures.temporaryPath("dirty.sqlite")
        try ContractFixtures.integrityProvince().write(to: path)
        let result = try EduIOCRun.run(["check", "--json", "--no-integrity-check", path])
        #expect(result.status == 0, "usable: \(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let byReason = try #require(object["rowsLeftOutByReason"] as? [String: Int])
        // The shell, with the contract's rule written from docs/SNAPSHOT.md.
        let reason = """
            CASE WHEN a.status NOT IN ('present', 'late', 'excused', 'unexcused') THEN 'invalid_value'
                 WHEN NOT EXISTS (SELECT 1 FROM students s WHERE s.id = a.student_id) THEN 'unknown_student'
                 WHEN (SELECT s.school_id FROM students s WHERE s.id = a.student_id) <> a.school_id THEN 'other_school'
                 WHEN NOT EXISTS (SELECT 1 FROM students s WHERE s.id = a.student_id AND s.enrolled_on <= a.day
                                  AND (s.left_on IS NULL OR s.left_on > a.day)) THEN 'not_enrolled' END
            """
        let truth = try SQLiteCLI.counts(path, "SELECT r, count(*) FROM (SELECT \(reason) AS r FROM attendance a) WHERE r IS NOT NULL GROUP BY r")
        #expect(byReason == truth)
        #expect(Set(truth.keys) == ["invalid_value", "unknown_student", "other_school", "not_enrolled"])
        #expect(object["rowsLeftOut"] as? Int == truth.values.reduce(0, +))
        #expect(object["duplicateCodes"] as? [String] == ["DUP"])

        let text = try EduIOCRun.run(["check", "--no-integrity-check", path]).standardOutput
        #expect(text.contains("attendance rows are left out of every figure"), "\(text)")
        #expect(text.contains("SA Trường THCS An: 4 rows not_enrolled"), "\(text)")
        #expect(text.contains("code 'DUP' is written on more than one unit or school"), "\(text)")
        #expect(!text.contains("problems\n  none"))
    }

    @Test("a change-token trigger with the contract's name and an empty body is named; the clean file says none")
    func doNothingTriggerIsNamed() throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("tokens.sqlite")
            let path = url.path
            var b = try AnalyticsFixtures.Builder.fromContract(publishedAt: SnapshotTime.format(Date().addingTimeInterval(-60)))
            b.unit(1, "P01", "Tỉnh Hải Thử", kind: "province", parent: nil)
            b.unit(2, "C01", "Xã Một", kind: "commune", parent: 1)
            b.school(1, "SA", "Trường THCS An", unit: 2, level: "lower_secondary")
            b.schoolClass(1, school: 1, name: "6A1", grade: 6)
            b.student(1, school: 1, classID: 1, gender: "F", enrolledOn: "2025-09-01")
            b.schoolDays([ContractFixtures.today])
            b.attendance(day: ContractFixtures.today, student: 1, classID: 1, school: 1, status: "present",
                         recordedAt: "2025-10-10T00:30:00Z")
            b.teacher(1, school: 1, gender: "F", active: true)
            b.device(1, school: 1, kind: "laptop", status: "working", lastSeenAt: nil)
            b.probe(school: 1, at: "2025-10-10T00:30:00Z", download: 50, latency: 20)
            b.intake(school: 1, grade: 6, planned: 40)
            for statement in try ContractDDL.block(after: "## Change tokens") { b.raw(statement) }
            try b.write(to: path)
            let clean = try EduIOCRun.run(["check", "--no-integrity-check", path])
            #expect(clean.status == 0)
            #expect(clean.standardOutput.hasSuffix("problems\n  none\n"), "\(clean.standardOutput)")

            try SQLiteCLI.execute(path, script: """
                DROP TRIGGER change_tokens_students_insert;
                CREATE TRIGGER change_tokens_students_insert AFTER INSERT ON students BEGIN SELECT 1; END;
                """)
            let result = try EduIOCRun.run(["check", "--no-integrity-check", path])
            #expect(result.status == 0)
            #expect(result.standardOutput.contains("change-token trigger change_tokens_students_insert does not do what"),
                    "\(result.standardOutput)")
        }
    }
}
