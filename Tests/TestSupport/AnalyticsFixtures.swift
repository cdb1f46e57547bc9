import Foundation
import SectorData

/// Hand-built snapshot files for analytics tests: schema from `SnapshotSchema`, rows chosen to hit edge cases.
/// Files are written through the sqlite3 shell (`SQLiteCLI`), so fixtures share no code with the engine.
public enum AnalyticsFixtures {
    /// The rich fixture's main as-of: Wednesday 2025-10-08 09:30 in Asia/Ho_Chi_Minh.
    public static let richAsOf = "2025-10-08T02:30:00Z"
    /// A Sunday as-of (10:00 local): the last school day is Friday 2025-10-10.
    public static let sundayAsOf = "2025-10-12T03:00:00Z"
    /// A holiday Monday (2025-09-29, not in school_days): the last school day is Friday 2025-09-26.
    public static let holidayAsOf = "2025-09-29T03:00:00Z"
    /// Before the school year's first school day (2025-09-08).
    public static let beforeYearAsOf = "2025-09-01T03:00:00Z"

    /// Parses an ISO-8601 instant (test input only).
    public static func instant(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: text) else { preconditionFailure("bad test instant \(text)") }
        return date
    }

    /// A fresh path in the test process's scratch folder (the file does not exist yet).
    public static func temporaryPath(_ name: String) -> String {
        guard let directory = try? TestScratch.makeDirectory("fixture") else {
            preconditionFailure("cannot create a scratch folder in \(TestScratch.root.path)")
        }
        return directory.appendingPathComponent(name).path
    }

    /// Collects SQL for one snapshot file, then writes it in one transaction through the sqlite3 shell.
    public struct Builder {
        /// The statements so far (schema first).
        public private(set) var statements: [String]

        /// Starts a snapshot with the v1 schema, required indexes and meta rows.
        public init(provinceCode: String = "P01", provinceName: String = "Tỉnh Hải Thử",
                    timezone: String = "Asia/Ho_Chi_Minh", schoolYear: String = "2025-2026",
                    publishedAt: String = "2025-10-08T02:20:00Z") {
            statements = SnapshotSchema.tablesDDL.map { $0 + ";" } + SnapshotSchema.requiredIndexes.map { $0.ddl + ";" }
            for (key, value) in [("schema_version", "\(SnapshotSchema.version)"), ("province_code", provinceCode),
                                 ("province_name", provinceName), ("school_year", schoolYear),
                                 ("timezone", timezone), ("published_at", publishedAt)] {
                statements.append("INSERT INTO meta VALUES (\(Self.q(key)), \(Self.q(value)));")
            }
        }

        /// Starts a snapshot with the tables and indexes as docs/SNAPSHOT.md writes them (an outside writer's
        /// view of the contract), and the meta rows.
        public static func fromContract(provinceCode: String = "P01", provinceName: String = "Tỉnh Hải Thử",
                                        publishedAt: String) throws -> Builder {
            var b = Builder(provinceCode: provinceCode, provinceName: provinceName, publishedAt: publishedAt)
            let meta = b.statements.filter { $0.hasPrefix("INSERT INTO meta") }
            b.statements = try ContractDDL.tablesAndIndexes() + meta
            return b
        }

        /// Adds a statement as written (rows an ETL writes that the helpers above would not).
        public mutating func raw(_ sql: String) {
            statements.append(sql.hasSuffix(";") ? sql : sql + ";")
        }

        /// SQL literal for text, or NULL.
        public static func q(_ text: String?) -> String {
            guard let text else { return "NULL" }
            return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        }

        /// SQL literal for a number, or NULL.
        public static func n<T: Numeric>(_ value: T?) -> String {
            guard let value else { return "NULL" }
            return "\(value)"
        }

        /// Adds an admin unit.
        public mutating func unit(_ id: Int, _ code: String, _ name: String, kind: String, parent: Int?) {
            statements.append("INSERT INTO admin_units VALUES (\(id), \(Self.q(code)), \(Self.q(name)), \(Self.q(kind)), \(Self.n(parent)));")
        }

        /// Adds a school.
        public mutating func school(_ id: Int, _ code: String, _ name: String, unit: Int, level: String,
                                    ownership: String = "public", status: String = "active") {
            statements.append("INSERT INTO schools VALUES (\(id), \(Self.q(code)), \(Self.q(name)), \(unit), \(Self.q(level)), \(Self.q(ownership)), \(Self.q(status)));")
        }

        /// Adds a class.
        public mutating func schoolClass(_ id: Int, school: Int, name: String, grade: Int) {
            statements.append("INSERT INTO classes VALUES (\(id), \(school), \(Self.q(name)), \(grade));")
        }

        /// Adds a student.
        public mutating func student(_ id: Int, school: Int, classID: Int, gender: String, enrolledOn: String,
                                     leftOn: String? = nil, reason: String? = nil) {
            statements.append("INSERT INTO students VALUES (\(id), \(school), \(classID), \(Self.q(gender)), \(Self.q(enrolledOn)), \(Self.q(leftOn)), \(Self.q(reason)));")
        }

        /// Adds a teacher.
        public mutating func teacher(_ id: Int, school: Int, gender: String, active: Bool) {
            statements.append("INSERT INTO teachers VALUES (\(id), \(school), \(Self.q(gender)), \(active ? 1 : 0));")
        }

        /// Adds school days.
        public mutating func schoolDays(_ days: [String]) {
            for day in days { statements.append("INSERT INTO school_days VALUES (\(Self.q(day)));") }
        }

        /// Adds an attendance record.
        public mutating func attendance(day: String, student: Int, classID: Int, school: Int, status: String,
                                        recordedAt: String, source: String = "gate") {
            statements.append("INSERT INTO attendance VALUES (\(Self.q(day)), \(student), \(classID), \(school), \(Self.q(status)), \(Self.q(recordedAt)), \(Self.q(source)));")
        }

        /// Adds a device.
        public mutating func device(_ id: Int, school: Int, kind: String, status: String, lastSeenAt: String?) {
            statements.append("INSERT INTO devices VALUES (\(id), \(school), \(Self.q(kind)), \(Self.q(status)), 2022, \(Self.q(lastSeenAt)));")
        }

        /// Adds a connectivity probe (nil download = failed).
        public mutating func probe(school: Int, at: String, download: Double?, latency: Double?) {
            statements.append("INSERT INTO connectivity_probes VALUES (\(school), \(Self.q(at)), \(Self.n(download)), \(Self.n(download.map { $0 / 4 })), \(Self.n(latency)));")
        }

        /// Adds an intake plan.
        public mutating func intake(school: Int, grade: Int, planned: Int) {
            statements.append("INSERT INTO intake_plans VALUES (\(school), \(grade), \(planned));")
        }

        /// Writes the file (WAL mode, so tests can read while another connection writes).
        public func write(to path: String) throws {
            let script = "PRAGMA journal_mode=WAL;\nBEGIN;\n" + statements.joined(separator: "\n") + "\nCOMMIT;\n"
            try SQLiteCLI.execute(path, script: script)
        }
    }

    /// A deterministic random source (SplitMix64) for fixture data.
    public struct SeededRandom: RandomNumberGenerator {
        private var state: UInt64
        /// Creates a generator from a seed.
        public init(seed: UInt64) { state = seed }
        /// Next 64 random bits.
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Weekdays from `first` through `last` ('YYYY-MM-DD'), minus `except`.
    public static func weekdays(from first: String, through last: String, except: Set<String> = []) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        guard var date = formatter.date(from: first), let end = formatter.date(from: last) else { return [] }
        var days: [String] = []
        while date <= end {
            let weekday = calendar.component(.weekday, from: date)  // 1 = Sunday, 7 = Saturday
            let text = formatter.string(from: date)
            if weekday != 1, weekday != 7, !except.contains(text) { days.append(text) }
            guard let next = calendar.date(byAdding: .day, value: 1, to: date) else { break }
            date = next
        }
        return days
    }

    /// The rich province (see the table in the body): 7 units over three levels (one district with two
    /// communes, one commune without schools), 8 schools (one closed, one without students, one never
    /// probed, one whose every probe failed, one gone silent, one that just dropped), ~700 students,
    /// 24 days of attendance with late rows after as-of and late corrections, devices and probes around as-of.
    public static func buildRichProvince(at path: String, publishedAt: String = "2025-10-08T02:20:00Z") throws {
        var b = Builder(publishedAt: publishedAt)
        var rng = SeededRandom(seed: 20_251_008)
        // Units: province → ward X01, communes X02, X03 (no schools), district D01 → communes X04, X05.
        b.unit(1, "P01", "Tỉnh Hải Thử", kind: "province", parent: nil)
        b.unit(2, "X01", "Phường Nguyễn Trãi", kind: "ward", parent: 1)
        b.unit(3, "X02", "Xã Đông Hưng", kind: "commune", parent: 1)
        b.unit(4, "X03", "Xã Trống", kind: "commune", parent: 1)
        b.unit(5, "D01", "Huyện Cũ", kind: "district", parent: 1)
        b.unit(6, "X04", "Xã Bình Minh", kind: "commune", parent: 5)
        b.unit(7, "X05", "Xã Hoà Bình", kind: "commune", parent: 5)

        struct Profile {
            let id: Int, code: String, name: String, unit: Int, level: String, status: String
            let grades: [(String, Int)]
            let presentToday: Double, reportedToday: Double, chronicShare: Double
        }
        let profiles = [
            Profile(id: 1, code: "S01", name: "Trường Tiểu học Nguyễn Trãi", unit: 2, level: "primary", status: "active",
                    grades: [("1A", 1), ("3A", 3), ("5A", 5)], presentToday: 0.93, reportedToday: 1.0, chronicShare: 0.02),
            Profile(id: 2, code: "S02", name: "Trường THCS Lê Lợi", unit: 2, level: "lower_secondary", status: "active",
                    grades: [("6A1", 6), ("7A1", 7), ("9A1", 9)], presentToday: 0.65, reportedToday: 0.7, chronicShare: 0.05),
            Profile(id: 3, code: "S03", name: "Trường Mầm non Hoa Sen", unit: 3, level: "preschool", status: "active",
                    grades: [("Lá", 0)], presentToday: 0, reportedToday: 0, chronicShare: 0),
            Profile(id: 4, code: "S04", name: "Trường Tiểu học Đông Hưng", unit: 3, level: "primary", status: "active",
                    grades: [("2A", 2), ("4A", 4)], presentToday: 0.85, reportedToday: 0.45, chronicShare: 0.35),
            Profile(id: 5, code: "S05", name: "Trường THCS Bình Minh", unit: 6, level: "lower_secondary", status: "active",
                    grades: [("6A", 6), ("8A", 8)], presentToday: 0.9, reportedToday: 0.9, chronicShare: 0.05),
            Profile(id: 6, code: "S06", name: "Trường Tiểu học Hoà Bình", unit: 7, level: "primary", status: "active",
                    grades: [("1B", 1), ("2B", 2)], presentToday: 0.95, reportedToday: 0.3, chronicShare: 0.0),
            Profile(id: 7, code: "S07", name: "Trường THPT Chuyên Tỉnh", unit: 1, level: "upper_secondary", status: "active",
                    grades: [("10A1", 10), ("11A1", 11), ("12A1", 12)], presentToday: 0.97, reportedToday: 0.95, chronicShare: 0.0),
            Profile(id: 8, code: "S08", name: "Trường Tiểu học Cũ", unit: 4, level: "primary", status: "closed",
                    grades: [("2A", 2)], presentToday: 0, reportedToday: 0, chronicShare: 0),
        ]
        let today = "2025-10-08"
        let attendanceDays = weekdays(from: "2025-09-08", through: "2025-10-10", except: ["2025-09-29"])
        b.schoolDays(weekdays(from: "2025-09-08", through: "2025-12-19", except: ["2025-09-29"]))

        var classID = 0, studentID = 0, teacherID = 0, deviceID = 0
        for p in profiles {
            b.school(p.id, p.code, p.name, unit: p.unit, level: p.level, status: p.status)
            for _ in 0..<Int.random(in: 3...8, using: &rng) {
                teacherID += 1
                b.teacher(teacherID, school: p.id, gender: Bool.random(using: &rng) ? "F" : "M",
                          active: Double.random(in: 0..<1, using: &rng) < 0.85)
            }
            for (name, grade) in p.grades {
                classID += 1
                b.schoolClass(classID, school: p.id, name: name, grade: grade)
                let size = (p.id == 3 || p.id == 8) ? 0 : Int.random(in: 18...40, using: &rng)
                for _ in 0..<size {
                    studentID += 1
                    let gender = Bool.random(using: &rng) ? "F" : "M"
                    let roll = Double.random(in: 0..<1, using: &rng)
                    var enrolledOn = "2025-08-15"
                    var leftOn: String? = nil
                    var reason: String? = nil
                    if roll < 0.08 {
                        enrolledOn = attendanceDays[Int.random(in: 3..<attendanceDays.count, using: &rng)]  // joined mid-year (some after as-of)
                    } else if roll < 0.13 {
                        leftOn = attendanceDays[Int.random(in: 2..<attendanceDays.count, using: &rng)]
                        reason = ["transfer", "dropout", "transfer", "graduated"][Int.random(in: 0..<4, using: &rng)]
                    } else if roll < 0.14 {
                        leftOn = today
                        reason = "transfer"
                    } else if roll < 0.15 {
                        leftOn = "2025-06-01"  // left last school year: neither enrolled nor "left this year"
                        reason = "graduated"
                    }
                    b.student(studentID, school: p.id, classID: classID, gender: gender, enrolledOn: enrolledOn,
                              leftOn: leftOn, reason: reason)
                    let absentee = Double.random(in: 0..<1, using: &rng) < p.chronicShare
                    for day in attendanceDays where enrolledOn <= day && (leftOn.map { $0 > day } ?? true) {
                        let isToday = day == today
                        let reportedP = isToday ? p.reportedToday : 0.98
                        guard Double.random(in: 0..<1, using: &rng) < reportedP else { continue }
                        let presentP = isToday ? p.presentToday : (absentee ? 0.6 : 0.95)
                        let r = Double.random(in: 0..<1, using: &rng)
                        let status = r < presentP * 0.94 ? "present" : r < presentP ? "late"
                            : Bool.random(using: &rng) ? "excused" : "unexcused"
                        let minute = Int.random(in: 0..<180, using: &rng)
                        var recordedAt = String(format: "%@T%02d:%02d:%02dZ", day, minute / 60, minute % 60,
                                                Int.random(in: 0..<60, using: &rng))
                        if day == "2025-10-06", p.id == 1, Double.random(in: 0..<1, using: &rng) < 0.1 {
                            recordedAt = "2025-10-08T05:00:00Z"  // a late correction made after as-of
                        }
                        b.attendance(day: day, student: studentID, classID: classID, school: p.id, status: status,
                                     recordedAt: recordedAt, source: ["gate", "teacher", "app"][minute % 3])
                    }
                }
            }
            // Devices.
            let kinds = ["desktop", "laptop", "tablet", "projector", "interactive_display", "camera", "attendance_gate", "router"]
            let seen = ["2025-10-08T02:20:00Z", "2025-10-08T02:15:00Z", "2025-10-08T02:00:00Z", "2025-10-08T02:40:00Z", nil]
            for kind in kinds {
                for _ in 0..<Int.random(in: 0...6, using: &rng) {
                    deviceID += 1
                    let r = Double.random(in: 0..<1, using: &rng)
                    let status = r < 0.7 ? "working" : r < 0.9 ? "broken" : "retired"
                    b.device(deviceID, school: p.id, kind: kind, status: status,
                             lastSeenAt: seen[Int.random(in: 0..<seen.count, using: &rng)])
                }
            }
        }
        b.intake(school: 1, grade: 1, planned: 30)
        b.intake(school: 2, grade: 6, planned: 25)
        b.intake(school: 7, grade: 10, planned: 40)

        // Probes every 5 minutes, 22:00Z the day before to 03:00Z (past as-of 02:30Z).
        var minute = 0
        while minute <= 300 {
            let total = 22 * 60 + minute
            let at = total >= 24 * 60
                ? String(format: "2025-10-08T%02d:%02d:00Z", (total - 1440) / 60, total % 60)
                : String(format: "2025-10-07T%02d:%02d:00Z", total / 60, total % 60)
            let jitter = Double(Int.random(in: 0..<100, using: &rng)) / 10
            b.probe(school: 1, at: at, download: 40 + jitter, latency: 20 + jitter)
            b.probe(school: 2, at: at, download: 8 + jitter / 2, latency: 60 + jitter)
            b.probe(school: 3, at: at, download: nil, latency: nil)
            if at <= "2025-10-08T01:00:00Z" { b.probe(school: 5, at: at, download: 25 + jitter, latency: 30) }
            if at <= "2025-10-08T02:00:00Z" || at > "2025-10-08T02:30:00Z" {
                b.probe(school: 6, at: at, download: 30 + jitter, latency: 25)
            } else {
                b.probe(school: 6, at: at, download: nil, latency: nil)
            }
            b.probe(school: 7, at: at, download: 100 + jitter, latency: 10 + jitter)
            minute += 5
        }
        try b.write(to: path)
    }
}
