import Foundation

/// Snapshots written from docs/SNAPSHOT.md alone (its DDL read from the page), as an outside ETL would.
public enum ContractFixtures {
    /// The school days with attendance; the last is the report day.
    public static let days = ["2025-10-06", "2025-10-07", "2025-10-08", "2025-10-09", "2025-10-10"]
    /// The report day.
    public static let today = "2025-10-10"
    /// 10:00 local on the report day.
    public static let asOfText = "2025-10-10T03:00:00Z"

    /// A province with the rows real data carries besides the legitimate ones: a leaver's rows after the (back-
    /// dated) leave, a pupil's row before enrolment, a row naming another school, an unknown student, an invalid
    /// status, two schools of two communes sharing a code; a pupil who changed class (6A1 → 6A2 on 2025-10-08), one
    /// who moved from SA to SB (students 20 → 21, as the contract writes a move), and a class (10A1) absent every day.
    /// `days` are the five school days with rows (the last is the report day, and one more school day follows it);
    /// `stamp` gives each day's `recorded_at`.
    public static func integrityProvince(publishedAt: String = asOfText, days: [String] = days,
                                         stamp: (Int, String) -> String = { n, day in
                                             "\(day)T00:\(String(format: "%02d", 30 + n)):00Z"
                                         }) throws -> AnalyticsFixtures.Builder {
        var b = try AnalyticsFixtures.Builder.fromContract(publishedAt: publishedAt)
        b.unit(1, "P01", "Tỉnh Hải Thử", kind: "province", parent: nil)
        b.unit(2, "C01", "Xã Một", kind: "commune", parent: 1)
        b.unit(3, "C02", "Xã Hai", kind: "commune", parent: 1)
        b.school(1, "SA", "Trường THCS An", unit: 2, level: "lower_secondary")
        b.school(2, "SB", "Trường Tiểu học Bình", unit: 2, level: "primary")
        // Two schools of two communes with one code (the writer dropped UNIQUE).
        b.raw("CREATE TABLE schools_loose AS SELECT * FROM schools")
        b.raw("DROP TABLE schools")
        b.raw("""
            CREATE TABLE schools (id INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, unit_id INTEGER NOT NULL,
                level TEXT NOT NULL, ownership TEXT NOT NULL, status TEXT NOT NULL)
            """)
        b.raw("INSERT INTO schools SELECT * FROM schools_loose")
        b.raw("DROP TABLE schools_loose")
        b.raw("CREATE INDEX idx_schools_unit ON schools(unit_id)")
        b.school(3, "DUP", "Trường Tiểu học Đồi", unit: 3, level: "primary")
        b.school(4, "DUP", "Trường Tiểu học Vườn", unit: 2, level: "primary")
        b.schoolClass(1, school: 1, name: "6A1", grade: 6)
        b.schoolClass(2, school: 1, name: "6A2", grade: 6)
        b.schoolClass(3, school: 1, name: "10A1", grade: 10)
        b.schoolClass(4, school: 2, name: "1A1", grade: 1)
        b.schoolClass(5, school: 3, name: "1A1", grade: 1)
        b.schoolClass(6, school: 4, name: "2A1", grade: 2)
        b.schoolDays(days + ["2099-12-31"])
        let start = "2025-09-01"
        for id in 1...10 { b.student(id, school: 1, classID: 1, gender: id % 2 == 0 ? "F" : "M", enrolledOn: start) }
        for id in 11...16 { b.student(id, school: 1, classID: 2, gender: "F", enrolledOn: start) }
        b.student(17, school: 1, classID: 1, gender: "M", enrolledOn: start, leftOn: days[2], reason: "dropout")
        b.student(18, school: 1, classID: 2, gender: "M", enrolledOn: days[2])
        b.student(19, school: 1, classID: 2, gender: "F", enrolledOn: start)  // in 6A1 until 2025-10-08
        b.student(20, school: 1, classID: 1, gender: "M", enrolledOn: start, leftOn: days[2], reason: "transfer")
        b.student(21, school: 2, classID: 4, gender: "M", enrolledOn: days[2])  // pupil 20, now at SB
        b.student(22, school: 3, classID: 5, gender: "F", enrolledOn: start)
        for id in 23...25 { b.student(id, school: 1, classID: 3, gender: "M", enrolledOn: start) }
        for id in 26...30 { b.student(id, school: 2, classID: 4, gender: "F", enrolledOn: start) }
        for (n, day) in days.enumerated() {
            let at = stamp(n, day)
            func row(_ student: Int, _ classID: Int, _ school: Int, _ status: String) {
                b.attendance(day: day, student: student, classID: classID, school: school, status: status, recordedAt: at)
            }
            for id in 1...10 { row(id, 1, 1, id == 1 && n < 2 ? "unexcused" : "present") }
            for id in 11...16 { row(id, 2, 1, id == 12 && n == 4 ? "late" : "present") }
            row(17, 1, 1, "present")  // scanned by the gate after leaving (back-dated leave)
            if n != 1 { row(18, 2, 1, "present") }  // a row before enrolment on the first day
            row(19, n < 2 ? 1 : 2, 1, "present")
            if n < 2 { row(20, 1, 1, "present") } else { row(21, 4, 2, "present") }
            row(22, n == 3 ? 1 : 5, n == 3 ? 1 : 3, "present")  // one day's row names another school
            for id in 23...25 { row(id, 3, 1, "unexcused") }
            for id in 26...30 { row(id, 4, 2, id == 26 && n == 4 ? "absent" : "present") }
            if n == 4 { row(999, 1, 1, "present") }  // a student the snapshot does not have
        }
        return b
    }

}
