import Foundation
import SectorData
import GRDB
import Synchronization

/// Summaries of past school days, computed once per snapshot identity and reused across reports (issue 7).
///
/// Past school days do not change except through late corrections, so the cache keeps, province-wide:
/// - per past day, per school: (present + late, reported) — the 30-day trend's past points;
/// - per student: absences (excused or unexcused) on school-year days before the cached report day — chronic absence.
///
/// It is keyed by the snapshot file's identity (device + inode: a publish-by-rename starts afresh) and kept
/// current by a **recorded_at watermark**: the snapshot contract says a row's `recorded_at` is when it was last
/// written, so a late correction (an unexcused turned excused last Tuesday) or a late insert carries a newer
/// `recorded_at`. Each report first reads every past day's `max(recorded_at)` (one index seek per day); where it
/// moved (or was written within the lag margin before as-of), the rows written since name the students to
/// recount and the day is summarised again. Recomputation is idempotent, so seeing a row twice is harmless.
///
/// Owned by whoever keeps engines across refreshes (the console's data source); shared safely through a Mutex.
public final class PastDaySummaries: Sendable {
    /// Delivery lag tolerated: a row reaching the snapshot within this long after its `recorded_at` is found even
    /// when older than rows already seen (days written within this margin before as-of are re-read each refresh).
    public static let lagMargin: TimeInterval = 15 * 60

    /// The stamp `lagMargin` before `stamp` (`stamp` itself when it is not a snapshot timestamp).
    static func marginStart(before stamp: String) -> String {
        SnapshotTime.parse(stamp).map { SnapshotTime.format($0.addingTimeInterval(-lagMargin)) } ?? stamp
    }

    /// Whether a tracker's held state (`ProbeTracker`, `HeartbeatTracker`) carries on: its key stands and the
    /// newest stamp it read neither went back nor went away (none then and none now also carries on).
    static func carriesOn(heldKey: String?, heldMark: String?, key: String, mark: String?) -> Bool {
        switch (heldMark, mark) {
        case (nil, nil): heldKey == key
        case let (old?, new?): heldKey == key && new >= old
        default: false
        }
    }

    struct DayCounts: Sendable {
        var attending: Int
        var reported: Int
    }

    /// A trend day's sums over a node's schools: attending and reported (past days only), enrolled.
    struct TrendSum: Sendable {
        var attending = 0, reported = 0, enrolled = 0
    }

    struct State: Sendable {
        var key: String?
        /// Each past school day's `max(recorded_at)` when last synchronised (its fingerprint).
        var dayMarks: [String: String?] = [:]
        /// Rows inside the lag margin already processed ("day|student|recorded_at").
        var recentlySeen: Set<String> = []
        /// The `past_attendance` and `school_days` tokens and the report day of the last synchronisation (not
        /// kept in the file).
        var pastToken: String?
        var syncedToday: String?
        /// Past day → school → counts (province-wide).
        var pastTrend: [String: [Int64: DayCounts]] = [:] { didSet { pastTrendVersion &+= 1 } }
        /// Bumped whenever `pastTrend` changes (the per-unit trend sums are kept per version).
        var pastTrendVersion = 0
        /// Per unit (a roster branch key): the trend sums made from `pastTrend` at a version.
        var trendSums: [RosterCache.BranchKey: (version: Int, days: [String], sums: [String: TrendSum])] = [:]
        /// Absences per school, per student, on days in [yearStart, absencesBefore).
        var absences: [Int64: [Int64: Int]]?
        /// The same, as a warm-start file held them (per school: students and counts), until something needs
        /// `absences`: a restored console often never does, and decoding them costs a dictionary insert each.
        var absenceColumns: [(school: Int64, students: [Int64], counts: [Int32])]?

        /// Turns `absenceColumns` into `absences`.
        mutating func materializeAbsences() {
            guard let columns = absenceColumns else { return }
            var table: [Int64: [Int64: Int]] = [:]
            table.reserveCapacity(columns.count)
            for column in columns {
                var perStudent: [Int64: Int] = [:]
                perStudent.reserveCapacity(column.students.count)
                for i in column.students.indices { perStudent[column.students[i]] = Int(column.counts[i]) }
                table[column.school, default: [:]].merge(perStudent, uniquingKeysWith: +)
            }
            absences = table
            absenceColumns = nil
        }

        /// Drops the absences (both forms).
        mutating func dropAbsences() {
            absences = nil
            absenceColumns = nil
            absencesVersion += 1
        }
        var absencesYearStart: String?
        var absencesBefore: String?
        /// Bumped whenever `absences` changes (the chronic base is kept per version).
        var absencesVersion = 0
        var chronicKey: ChronicKey?
        var chronic: ChronicBase?
        /// Counters for the benchmark and tests.
        var dayComputations = 0
        var studentRecounts = 0
        var resets = 0
    }

    let state = Mutex(State())
    /// The report day's rows, updated from what was written since the last refresh.
    let today = TodayAttendance()
    /// Enrollment and other slow-table figures, kept while their change tokens stand.
    let roster = RosterCache()
    /// Every school's latest probe, updated from the probes measured since the last refresh.
    let probes = ProbeTracker()
    /// Every camera's and gate's last heartbeat, updated from the heartbeats written since the last refresh.
    let heartbeats = HeartbeatTracker()

    /// Chronic absence before the report day, province-wide: enrolled students already at the threshold per
    /// class, and every enrolled student's absences so far (to add today's absences to).
    struct ChronicBase: Sendable {
        let atThreshold: [FigureQueries.ClassKey: Int]
        /// `atThreshold` summed per school.
        let atThresholdBySchool: [Int64: Int]
        /// Absences before the day per student slot of the `StudentFacts` it was built from.
        let pastBySlot: [UInt16]
        let minDays: Int

        init(atThreshold: [FigureQueries.ClassKey: Int], pastBySlot: [UInt16], minDays: Int) {
            self.atThreshold = atThreshold
            var bySchool: [Int64: Int] = [:]
            for (key, n) in atThreshold { bySchool[key.school, default: 0] += n }
            atThresholdBySchool = bySchool
            self.pastBySlot = pastBySlot
            self.minDays = minDays
        }

        /// Whether today's absence brings the student in `slot` to the threshold: enrolled on `dayNumber`, one
        /// absence short before it.
        func reachesThreshold(_ slot: Int, students: StudentFacts, dayNumber: Int32) -> Bool {
            guard slot < pastBySlot.count, students.isEnrolled(slot, on: dayNumber) else { return false }
            let past = Int(pastBySlot[slot])
            return past < minDays && past + 1 >= minDays
        }
    }

    struct ChronicKey: Equatable, Sendable {
        let absencesVersion: Int
        let studentsToken: Int64
        let day: String
        let minDays: Int
    }

    /// The cache key for a snapshot: its lineage (and attendance-deletion token) when it carries change tokens,
    /// so later publications of the same database keep the summaries; else the file's identity. The students'
    /// version (their change token, or `StudentFacts.fingerprint` without tokens) is part of it: which rows count
    /// depends on the students' schools and enrolment dates.
    static func key(identity: String, tokens: ChangeTokens?, studentsVersion: Int64) -> String {
        guard let tokens, let lineage = tokens[ChangeTokens.lineage],
              let deletions = tokens[ChangeTokens.attendanceDeletions]
        else { return "\(identity)|\(studentsVersion)" }
        return "\(lineagePrefix)\(lineage):\(deletions):\(studentsVersion)"
    }

    private static let lineagePrefix = "lineage:"

    /// Creates an empty cache.
    public init() {}

    /// What the cache has done so far (for tests and the benchmark).
    public struct Statistics: Sendable, Equatable {
        /// Past days summarised from raw rows (initially and after corrections).
        public let dayComputations: Int
        /// Students whose absences were recounted after corrections.
        public let studentRecounts: Int
        /// Times the cache was emptied (new snapshot identity, or rows went missing).
        public let resets: Int
        /// Past days currently held.
        public let cachedDays: Int
        /// Times the report day's rows were read in full.
        public let todayFullLoads: Int
        /// Report-day rows applied (full loads and increments).
        public let todayRowsApplied: Int
        /// Times every school's latest probe was read from SQL (first report, `probe_rewrites` moved).
        public let probeFullLoads: Int
        /// Schools whose probes were read again after a probe arrived late, behind their latest.
        public let probeSchoolRereads: Int
        /// Times every camera and gate was read from SQL (first report, `devices` or `late_heartbeats` moved).
        public let heartbeatFullLoads: Int
    }

    /// Times the students table was read in full (for tests and the benchmark).
    public var rosterStudentLoads: Int { roster.studentLoads }

    /// Counters describing the work done so far.
    public var statistics: Statistics {
        let todayStats = today.statistics
        let probeStats = probes.statistics
        let heartbeatStats = heartbeats.statistics
        return state.withLock {
            Statistics(dayComputations: $0.dayComputations, studentRecounts: $0.studentRecounts, resets: $0.resets,
                       cachedDays: $0.pastTrend.count, todayFullLoads: todayStats.fullLoads,
                       todayRowsApplied: todayStats.rowsApplied, probeFullLoads: probeStats.fullLoads,
                       probeSchoolRereads: probeStats.schoolRereads, heartbeatFullLoads: heartbeatStats.fullLoads)
        }
    }

    /// Drops everything, today's rows and the roster included (the next report recomputes).
    public func invalidate() {
        state.withLock { s in
            let resets = s.resets + 1
            s = State()
            s.resets = resets
        }
        today.invalidate()
        roster.invalidate()
        probes.invalidate()
        heartbeats.invalidate()
    }

    /// Called when the snapshot path was opened again (after a rename, or after it went missing or bad).
    /// Summaries keyed by lineage stay: the next report checks them against the new file's tokens and day marks.
    /// Summaries keyed by file identity are dropped: a file restored at the same path can reuse the old inode,
    /// so identity alone cannot tell that its content changed.
    public func snapshotReopened() {
        if !isKeyedByLineage { invalidate() }
    }

    // MARK: Warm-start file

    /// What the warm-start file holds: the summaries, today's rows and the roster, all or nothing.
    struct Restored {
        let state: State
        let today: TodayAttendance.State
        let roster: RosterCache.State
    }

    /// Counts of the work done that a warm-start file keeps: (past days, absences and roster; today's rows).
    public var revision: (material: Int, today: Int) {
        let todayStats = today.statistics
        let material = state.withLock { $0.dayComputations + $0.studentRecounts + $0.absencesVersion + $0.resets }
        return (material + roster.studentLoads, todayStats.fullLoads + todayStats.rowsApplied)
    }

    /// Whether the summaries are keyed by the snapshot's lineage (only those are worth a warm-start file: a later
    /// process cannot check a file identity).
    public var isKeyedByLineage: Bool { state.withLock { $0.key?.hasPrefix(Self.lineagePrefix) ?? false } }

    /// Writes everything for `SummaryStore`; false when it is keyed by file identity (which a later process cannot
    /// check) or holds nothing.
    func encode(into w: inout BinaryWriter) -> Bool {
        let s = state.withLock { $0 }
        guard let key = s.key, key.hasPrefix(Self.lineagePrefix) else { return false }
        w.string(key)
        let days = s.dayMarks.keys.sorted()
        w.strings(days)
        for day in days { w.optionalString(s.dayMarks[day] ?? nil) }
        w.strings(s.recentlySeen.sorted())
        let trendDays = s.pastTrend.keys.sorted()
        w.strings(trendDays)
        for day in trendDays {
            let counts = s.pastTrend[day] ?? [:]
            let schools = counts.keys.sorted()
            w.array(schools)
            w.array(schools.map { Int64(counts[$0]?.attending ?? 0) })
            w.array(schools.map { Int64(counts[$0]?.reported ?? 0) })
        }
        if let start = s.absencesYearStart, let before = s.absencesBefore, s.absenceColumns != nil || s.absences != nil {
            w.int(1)
            w.string(start)
            w.string(before)
            // School by school, so neither side holds a second copy of every count.
            if let columns = s.absenceColumns {
                w.int(Int64(columns.count))
                for column in columns { w.int(column.school); w.array(column.students); w.array(column.counts) }
            } else if let absences = s.absences {
                w.int(Int64(absences.count))
                for (school, perStudent) in absences {
                    w.int(school); w.array(Array(perStudent.keys)); w.array(perStudent.values.map { Int32(clamping: $0) })
                }
            }
        } else {
            w.int(0)
        }
        w.int(Int64(s.absencesVersion))
        if let key = s.chronicKey, let base = s.chronic {
            w.int(1)
            w.int(Int64(key.absencesVersion)); w.int(key.studentsToken); w.string(key.day); w.int(Int64(key.minDays))
            w.array(base.pastBySlot)
            let classes = Array(base.atThreshold.keys)
            w.array(classes.map(\.school)); w.array(classes.map(\.classID))
            w.array(classes.map { Int64(base.atThreshold[$0] ?? 0) })
        } else {
            w.int(0)
        }
        today.encode(into: &w)
        roster.encode(into: &w)
        return true
    }

    /// Reads what `encode` wrote, without installing it.
    static func decode(from r: inout BinaryReader) throws -> Restored {
        var s = State()
        s.key = try r.string()
        for day in try r.strings() { s.dayMarks[day] = .some(try r.optionalString()) }
        s.recentlySeen = Set(try r.strings())
        for day in try r.strings() {
            let schools = try r.array(Int64.self), attending = try r.array(Int64.self), reported = try r.array(Int64.self)
            guard attending.count == schools.count, reported.count == schools.count else { throw BinaryReader.Malformed() }
            var counts: [Int64: DayCounts] = [:]
            counts.reserveCapacity(schools.count)
            for i in schools.indices { counts[schools[i]] = DayCounts(attending: Int(attending[i]), reported: Int(reported[i])) }
            s.pastTrend[day] = counts
        }
        switch try r.int() {
        case 0: break
        case 1:
            s.absencesYearStart = try r.string()
            s.absencesBefore = try r.string()
            let schoolCount = try r.count(perElement: 24)
            var columns: [(school: Int64, students: [Int64], counts: [Int32])] = []
            columns.reserveCapacity(schoolCount)
            for _ in 0..<schoolCount {
                let school = try r.int()
                let students = try r.array(Int64.self), counts = try r.array(Int32.self)
                guard counts.count == students.count else { throw BinaryReader.Malformed() }
                columns.append((school, students, counts))
            }
            s.absenceColumns = columns
        default:
            throw BinaryReader.Malformed()
        }
        s.absencesVersion = Int(try r.int())
        switch try r.int() {
        case 0: break
        case 1:
            let version = Int(try r.int()), token = try r.int(), day = try r.string(), minDays = Int(try r.int())
            let pastBySlot = try r.array(UInt16.self)
            let schools = try r.array(Int64.self), classes = try r.array(Int64.self), counts = try r.array(Int64.self)
            guard classes.count == schools.count, counts.count == schools.count else { throw BinaryReader.Malformed() }
            var atThreshold: [FigureQueries.ClassKey: Int] = [:]
            for i in schools.indices {
                atThreshold[FigureQueries.ClassKey(school: schools[i], classID: classes[i]), default: 0] += Int(counts[i])
            }
            s.chronicKey = ChronicKey(absencesVersion: version, studentsToken: token, day: day, minDays: minDays)
            s.chronic = ChronicBase(atThreshold: atThreshold, pastBySlot: pastBySlot, minDays: minDays)
        default:
            throw BinaryReader.Malformed()
        }
        return Restored(state: s, today: try TodayAttendance.decode(from: &r), roster: try RosterCache.decode(from: &r))
    }

    /// Installs what a warm-start file held; the next report checks it against the snapshot like any refresh.
    func install(_ restored: Restored) {
        state.withLock { s in
            var fresh = restored.state
            fresh.resets = s.resets
            s = fresh
        }
        today.install(restored.today)
        roster.install(restored.roster)
    }

    // MARK: Inside a read transaction

    /// Brings the cache up to date with the database state of this transaction: resets on a new identity,
    /// recomputes past days and students touched by rows written since they were summarised.
    ///
    /// Each past school day's fingerprint is its `max(recorded_at)` (one seek per day in
    /// `idx_attendance_day_recorded`). A day whose fingerprint moved — or was written within the lag margin —
    /// has its rows written since re-read (a range seek), which names the students to recount; the day's trend
    /// counts are dropped and recomputed on demand. A fingerprint that went backwards (rows deleted) drops the day
    /// and all absence counts.
    ///
    /// With `pastToken` (the `past_attendance` and `school_days` change tokens) unchanged since the last call (same
    /// key and report day), nothing was written to a day before the newest day with attendance and the school days
    /// are the same: only that newest day, when it is a past school day, is looked at.
    func synchronize(_ db: Database, key: String, today: String, asOf: String, pastToken: String? = nil) throws {
        try state.withLock { s in
            if s.key != key {
                let resets = s.resets + (s.key == nil ? 0 : 1)
                s = State()
                s.key = key
                s.resets = resets
            }
            let quiet = pastToken != nil && s.pastToken == pastToken && s.syncedToday == today
            let marks = try Row.fetchAll(try db.cachedStatement(sql: """
                SELECT sd.day, (SELECT max(a.recorded_at) FROM attendance a WHERE a.day = sd.day)
                FROM school_days sd WHERE sd.day < ? AND typeof(sd.day) = 'text'
                  AND sd.day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'\(quiet ? " AND sd.day = (SELECT max(day) FROM attendance)" : "")
                """), arguments: [today])
            // Rows written within the lag margin before as-of may still be joined by older-stamped ones.
            let recentFrom = Self.marginStart(before: asOf)
            var touchedStudents: [Int64: Int64] = [:]
            var seen = Set<String>()
            for row in marks {
                guard let day = row.checkedText(0) else { continue }
                let mark = row.checkedText(1)
                guard let known = s.dayMarks[day] else {
                    // First sight: summaries computed from now on include every row; remember the recent ones.
                    s.dayMarks[day] = .some(mark)
                    if let mark, mark >= recentFrom {
                        for r in try Self.rowsWritten(db, day: day, since: mark) { seen.insert("\(day)|\(r.student)|\(r.at)") }
                    }
                    continue
                }
                if let old = known, let mark, mark < old {
                    // Rows removed or rewritten: recompute from scratch.
                    s.pastTrend[day] = nil; s.dropAbsences()
                } else if known == nil && mark != nil {
                    s.pastTrend[day] = nil; s.dropAbsences()
                } else if let old = known, let mark, mark > old || mark >= recentFrom {
                    var changed = false
                    for r in try Self.rowsWritten(db, day: day, since: min(old, mark)) {
                        let id = "\(day)|\(r.student)|\(r.at)"
                        if r.at >= recentFrom { seen.insert(id) }
                        if s.recentlySeen.contains(id) { continue }
                        changed = true
                        touchedStudents[r.student] = r.school
                    }
                    if changed { s.pastTrend[day] = nil }
                }
                s.dayMarks[day] = .some(mark)
            }
            if quiet {
                // Days not looked at keep their rows inside the lag margin.
                let looked = Set(marks.compactMap { (row: Row) -> String? in row.checkedText(0) })
                seen.formUnion(s.recentlySeen.filter { id in !looked.contains(where: { id.hasPrefix($0 + "|") }) })
            }
            s.recentlySeen = seen
            s.pastToken = pastToken
            s.syncedToday = today
            if !touchedStudents.isEmpty { s.materializeAbsences() }
            if var absences = s.absences, let start = s.absencesYearStart, let before = s.absencesBefore,
               !touchedStudents.isEmpty {
                let statement = try db.cachedStatement(sql: """
                    SELECT count(*) FROM attendance a CROSS JOIN students s
                        ON \(IndicatorRules.countedJoinSQL(attendance: "a", student: "s"))
                    WHERE \(AttendanceStatus.sqlIn("a.status", where: \.isAbsent))
                      AND a.school_id = ? AND a.student_id = ? AND a.day >= ? AND a.day < ?
                    """)
                for (student, school) in touchedStudents {
                    let n = try Int.fetchOne(statement, arguments: [school, student, start, before]) ?? 0
                    absences[school, default: [:]][student] = n > 0 ? n : nil
                    s.studentRecounts += 1
                }
                s.absences = absences
                s.absencesVersion += 1
            }
        }
    }

    /// Rows of a day written after `since` minus the lag margin (a range seek in `idx_attendance_day_recorded`).
    private static func rowsWritten(_ db: Database, day: String, since: String) throws
        -> [(student: Int64, at: String, school: Int64)] {
        let from = marginStart(before: since)
        return try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT student_id, recorded_at, school_id FROM attendance
            WHERE day = ? AND recorded_at > ?
            """), arguments: [day, from]).compactMap { row in
                guard let student = row.checkedInt64(0), let at = row.checkedText(1), let school = row.checkedInt64(2) else { return nil }
                return (student, at, school)
            }
    }

    /// The province-wide per-school counts of the given past days, computing (and keeping) the missing ones.
    func pastTrend(_ db: Database, days: [String]) throws -> [String: [Int64: DayCounts]] {
        let missing = state.withLock { s in days.filter { s.pastTrend[$0] == nil } }
        var computed: [String: [Int64: DayCounts]] = [:]
        if !missing.isEmpty {
            for day in missing { computed[day] = [:] }
            let rows = try Row.fetchAll(try db.cachedStatement(sql: """
                SELECT a.day, a.school_id, sum(\(AttendanceStatus.sqlIn("a.status", where: \.isAttending))), count(*)
                FROM attendance a CROSS JOIN students s ON \(IndicatorRules.countedJoinSQL(attendance: "a", student: "s"))
                WHERE a.day IN (SELECT value FROM json_each(?))
                GROUP BY a.day, a.school_id
                """), arguments: [SQLList.json(missing)])
            for row in rows {
                guard let day = row.checkedText(0), let school = row.checkedInt64(1), let attending = row.checkedInt(2),
                      let reported = row.checkedInt(3) else { continue }
                computed[day, default: [:]][school] = DayCounts(attending: attending, reported: reported)
            }
        }
        return state.withLock { s in
            for (day, counts) in computed {
                s.pastTrend[day] = counts
                s.dayComputations += 1
            }
            var result: [String: [Int64: DayCounts]] = [:]
            for day in days { result[day] = s.pastTrend[day] ?? [:] }
            return result
        }
    }

    /// A unit's trend sums held for the current past-day counts and `days`, or `make()`'s (then held). The key
    /// names the unit and the roster state its enrolled counts come from.
    func trendSums(_ key: RosterCache.BranchKey, days: [String],
                   make: () throws -> [String: TrendSum]) rethrows -> [String: TrendSum] {
        let (held, version) = state.withLock { s -> ([String: TrendSum]?, Int) in
            guard let held = s.trendSums[key], held.version == s.pastTrendVersion, held.days == days else {
                return (nil, s.pastTrendVersion)
            }
            return (held.sums, s.pastTrendVersion)
        }
        if let held { return held }
        let made = try make()
        state.withLock { s in
            // Kept only if the counts it was made from did not change meanwhile (making it may fill missing days:
            // then the next call makes it again, from the filled days).
            guard s.pastTrendVersion == version else { return }
            if s.trendSums.count >= 32 { s.trendSums.removeAll() }
            s.trendSums[key] = (version, days, made)
        }
        return made
    }

    /// Whether every one of these past days is held.
    func holds(days: [String]) -> Bool {
        state.withLock { s in days.allSatisfy { s.pastTrend[$0] != nil } }
    }

    /// Whether province-wide absences before `day` are held (so a school drill can use them without a fill).
    func hasAbsences(yearStart: String, before day: String) -> Bool {
        state.withLock {
            ($0.absences != nil || $0.absenceColumns != nil) && $0.absencesYearStart == yearStart && $0.absencesBefore == day
        }
    }

    /// Absences per school and student on school-year days in [yearStart, day), extending or rebuilding the
    /// held counts.
    func absences(_ db: Database, yearStart: String, before day: String) throws -> [Int64: [Int64: Int]] {
        let held = state.withLock { s in
            s.materializeAbsences()
            return (s.absences, s.absencesYearStart, s.absencesBefore)
        }
        if let counts = held.0, held.1 == yearStart, held.2 == day { return counts }
        var counts: [Int64: [Int64: Int]]
        let from: String
        if let previous = held.0, held.1 == yearStart, let before = held.2, before < day {
            counts = previous
            from = before  // the day moved forward: add the days in between
        } else {
            counts = [:]
            from = yearStart
        }
        // Only rows that count are absences (`IndicatorRules`: at the student's school, while enrolled there).
        let rows = try Row.fetchCursor(try db.cachedStatement(sql: """
            SELECT a.school_id, a.student_id, count(*)
            FROM attendance a CROSS JOIN students s ON \(IndicatorRules.countedJoinSQL(attendance: "a", student: "s"))
            WHERE \(AttendanceStatus.sqlIn("a.status", where: \.isAbsent)) AND +a.day >= ? AND +a.day < ?
            GROUP BY a.school_id, a.student_id
            """), arguments: [from, day])
        while let row = try rows.next() {
            guard let school = row.checkedInt64(0), let student = row.checkedInt64(1), let n = row.checkedInt(2) else { continue }
            counts[school, default: [:]][student, default: 0] += n
        }
        state.withLock { s in
            s.absences = counts
            s.absencesYearStart = yearStart
            s.absencesBefore = day
            s.absencesVersion += 1
        }
        return counts
    }

    /// The chronic base held for these inputs, if one is (nothing is computed).
    func heldChronicBase(students: StudentFacts, studentsToken: Int64?, day: String,
                         minDays: Int) -> (key: ChronicKey, base: ChronicBase)? {
        guard let studentsToken else { return nil }
        return state.withLock { s in
            let key = ChronicKey(absencesVersion: s.absencesVersion, studentsToken: studentsToken, day: day, minDays: minDays)
            guard s.chronicKey == key, let held = s.chronic, held.pastBySlot.count == students.count else { return nil }
            return (key, held)
        }
    }

    /// The chronic-absence base for the report day, rebuilt only when the absences, the students or the
    /// threshold changed. Counts absences in any school, attributed to the student's current class.
    /// `studentsToken` nil (a snapshot without change tokens): built afresh and not kept.
    func chronicBase(_ db: Database, students: StudentFacts, studentsToken: Int64?, yearStart: String, day: String,
                     minDays: Int) throws -> ChronicBase {
        // A held base for this day and absences version was built after the absences reached `day`: check it
        // before the absences themselves, which a restored console may then never need to decode.
        if let held = heldChronicBase(students: students, studentsToken: studentsToken, day: day, minDays: minDays) {
            return held.base
        }
        let past = try absences(db, yearStart: yearStart, before: day)
        let key = studentsToken.map { token in
            state.withLock { s in
                ChronicKey(absencesVersion: s.absencesVersion, studentsToken: token, day: day, minDays: minDays)
            }
        }
        var bySlot = [UInt16](repeating: 0, count: students.count)
        for (_, perStudent) in past {
            for (student, n) in perStudent {
                guard let slot = students.slot(of: student) else { continue }
                bySlot[slot] = UInt16(clamping: Int(bySlot[slot]) + n)
            }
        }
        var atThreshold: [FigureQueries.ClassKey: Int] = [:]
        if let dayNumber = StudentFacts.dayNumber(day) {
            for slot in 0..<students.count where Int(bySlot[slot]) >= minDays && students.isEnrolled(slot, on: dayNumber) {
                atThreshold[students.classKey(slot), default: 0] += 1
            }
        }
        let base = ChronicBase(atThreshold: atThreshold, pastBySlot: bySlot, minDays: minDays)
        if let key {
            state.withLock { s in
                s.chronicKey = key
                s.chronic = base
            }
        }
        return base
    }
}
