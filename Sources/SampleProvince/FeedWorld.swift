import Foundation
import GRDB

/// The replication feed's picture of the province between publications: who has not checked in today,
/// which schools are probed and offline, which devices stopped reporting. Loaded once from the snapshot
/// (the feed is its only writer) and advanced by ``apply(to:nowSeconds:simulatedMinutes:probeRound:)``.
struct FeedWorld {
    /// A student who has no attendance row for today yet.
    struct PendingStudent {
        let student: Int
        let classID: Int
        let school: Int
    }

    /// What one application changed.
    struct Changes {
        var checkIns = 0
        var teacherEntries = 0
        var corrections = 0
        var probes = 0
        var failedProbes = 0
    }

    private(set) var today: Int
    private(set) var pending: [PendingStudent] = []
    private var gateSchools: Set<Int> = []
    private var probedSchools: [(school: Int, baseline: Double)] = []
    private var offline: Set<Int> = []
    private var watchedDevices: [(device: Int, school: Int)] = []
    private(set) var unseen: Set<Int> = []
    private var random: SeededRandom

    /// Reads the starting picture from `db` for the province day `today`.
    init(db: Database, today: Int, seed: UInt64) throws {
        self.today = today
        random = SeededRandom(seed: seed, stream: 40)
        gateSchools = Set(try Int.fetchAll(db, sql: """
            SELECT DISTINCT school_id FROM devices WHERE kind = 'attendance_gate' AND status = 'working'
            """))
        for row in try Row.fetchAll(db, sql: """
            SELECT school_id, avg(download_mbps) AS mean FROM connectivity_probes GROUP BY school_id ORDER BY school_id
            """) {
            let school: Int = row["school_id"]
            let mean: Double? = row["mean"]
            probedSchools.append((school, mean ?? 10))
        }
        offline = Set(try Int.fetchAll(db, sql: """
            SELECT p.school_id FROM connectivity_probes p
            JOIN (SELECT school_id, max(measured_at) AS t FROM connectivity_probes GROUP BY school_id) l
              ON l.school_id = p.school_id AND l.t = p.measured_at
            WHERE p.download_mbps IS NULL
            """))
        for row in try Row.fetchAll(db, sql: """
            SELECT id, school_id FROM devices
            WHERE kind IN ('camera', 'attendance_gate', 'router') AND status = 'working' AND last_seen_at IS NOT NULL
            ORDER BY id
            """) {
            watchedDevices.append((row["id"], row["school_id"]))
        }
        try loadPending(db: db)
    }

    /// Students enrolled today at active schools without a row for today, in a seeded random order.
    private mutating func loadPending(db: Database) throws {
        let day = CivilTime.dateText(day: today)
        var students: [PendingStudent] = []
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT st.id, st.class_id, st.school_id FROM students st
            JOIN schools sc ON sc.id = st.school_id AND sc.status = 'active'
            WHERE st.enrolled_on <= ?1 AND (st.left_on IS NULL OR st.left_on > ?1)
              AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.day = ?1 AND a.student_id = st.id)
            ORDER BY st.id
            """, arguments: [day])
        while let row = try cursor.next() {
            students.append(PendingStudent(student: row[0], classID: row[1], school: row[2]))
        }
        random.shuffle(&students)
        pending = students
    }

    /// Applies one publication's worth of simulated activity inside the caller's transaction.
    ///
    /// `nowSeconds` stamps every new row and `meta.published_at` (replicated rows are never in the
    /// future); `simulatedMinutes` since the last publication sets how much happens; `probeRound` says
    /// whether a 5-minute probe round (and the device heartbeat that goes with it) falls in this publication.
    mutating func apply(to db: Database, nowSeconds: Int, simulatedMinutes: Double, probeRound: Bool) throws -> Changes {
        var changes = Changes()
        let day = CivilTime.provinceDay(unixSeconds: nowSeconds)
        if day != today {
            today = day
            try loadPending(db: db)
        }
        let stamp = CivilTime.timestampText(unixSeconds: nowSeconds)
        try checkIn(db: db, stamp: stamp, simulatedMinutes: simulatedMinutes, changes: &changes)
        try correct(db: db, stamp: stamp, simulatedMinutes: simulatedMinutes, changes: &changes)
        if probeRound {
            try probe(db: db, stamp: stamp, changes: &changes)
            try heartbeat(db: db, stamp: stamp)
        }
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('published_at', ?)", arguments: [stamp])
        return changes
    }

    /// The morning wave: a share of the students still missing checks in (time constant 25 simulated minutes).
    private mutating func checkIn(db: Database, stamp: String, simulatedMinutes: Double, changes: inout Changes) throws {
        guard !pending.isEmpty else { return }
        let share = 1 - exp(-simulatedMinutes / 25)
        let count = min(pending.count, 20_000, max(1, Int((Double(pending.count) * share).rounded(.up))))
        let day = CivilTime.dateText(day: today)
        let insert = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO attendance (day, student_id, class_id, school_id, status, recorded_at, source)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for student in pending.suffix(count) {
            let draw = random.unit()
            let status = draw < 0.03 ? "unexcused" : draw < 0.05 ? "excused" : draw < 0.11 ? "late" : "present"
            let source: String
            if status == "unexcused" || status == "excused" {
                source = "teacher"
            } else if gateSchools.contains(student.school) {
                source = "gate"
            } else {
                source = random.chance(0.3) ? "app" : "teacher"
            }
            if source != "gate" { changes.teacherEntries += 1 }
            try insert.execute(arguments: [day, student.student, student.classID, student.school, status, stamp, source])
            changes.checkIns += 1
        }
        pending.removeLast(count)
    }

    /// Late corrections: unexcused absences (today or one of the last ten school days) turned excused.
    private mutating func correct(db: Database, stamp: String, simulatedMinutes: Double, changes: inout Changes) throws {
        let expected = simulatedMinutes * 0.4
        let count = min(50, Int(expected) + (random.unit() < expected - expected.rounded(.down) ? 1 : 0))
        guard count > 0 else { return }
        let recentDays = try String.fetchAll(db, sql: "SELECT day FROM school_days WHERE day <= ? ORDER BY day DESC LIMIT 10",
                                             arguments: [CivilTime.dateText(day: today)])
        guard !recentDays.isEmpty else { return }
        for _ in 0..<count {
            let day = random.chance(0.5) ? recentDays[0] : random.pick(recentDays)
            let candidates = try Int.fetchOne(db, sql: "SELECT count(*) FROM attendance WHERE day = ? AND status = 'unexcused'",
                                              arguments: [day]) ?? 0
            guard candidates > 0 else { continue }
            guard let student = try Int.fetchOne(db, sql: """
                SELECT student_id FROM attendance WHERE day = ? AND status = 'unexcused' ORDER BY student_id LIMIT 1 OFFSET ?
                """, arguments: [day, random.int(in: 0...(candidates - 1))]) else { continue }
            try db.execute(sql: """
                UPDATE attendance SET status = 'excused', source = 'teacher', recorded_at = ? WHERE day = ? AND student_id = ?
                """, arguments: [stamp, day, student])
            changes.corrections += db.changesCount
        }
    }

    /// One probe per probed school; schools drop offline now and then and recover after a while.
    private mutating func probe(db: Database, stamp: String, changes: inout Changes) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO connectivity_probes (school_id, measured_at, download_mbps, upload_mbps, latency_ms)
            VALUES (?, ?, ?, ?, ?)
            """)
        for (school, baseline) in probedSchools {
            if offline.contains(school) {
                if random.chance(0.25) { offline.remove(school) }
            } else if random.chance(0.02) {
                offline.insert(school)
            }
            if offline.contains(school) {
                try insert.execute(arguments: [school, stamp, nil as Double?, nil as Double?, nil as Double?])
                changes.failedProbes += 1
            } else {
                let download = Self.tenth(max(0.5, baseline * random.double(in: 0.8...1.2)))
                try insert.execute(arguments: [school, stamp, download, Self.tenth(download * random.double(in: 0.3...0.6)),
                                               Self.tenth(random.double(in: 8...60))])
            }
            changes.probes += 1
        }
    }

    /// Devices of online schools report in, except those that went unseen (and have not come back).
    private mutating func heartbeat(db: Database, stamp: String) throws {
        var seen: [Int] = []
        for (device, school) in watchedDevices {
            if unseen.contains(device) {
                if random.chance(0.2) { unseen.remove(device) }
            } else if random.chance(0.01) {
                unseen.insert(device)
            }
            if !unseen.contains(device) && !offline.contains(school) { seen.append(device) }
        }
        guard !seen.isEmpty else { return }
        let list = "[" + seen.map(String.init).joined(separator: ",") + "]"
        try db.execute(sql: "UPDATE devices SET last_seen_at = ? WHERE id IN (SELECT value FROM json_each(?))",
                       arguments: [stamp, list])
    }

    private static func tenth(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }
}
