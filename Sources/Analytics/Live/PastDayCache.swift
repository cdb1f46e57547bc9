import Foundation
import SectorData
import GRDB
import Synchronization

/// Summaries of past school days, computed once per `SummaryKey` and reused across reports (issue 7).
///
/// Past school days do not change except through late corrections, so the cache keeps, province-wide:
/// - per past day, per school: (present + late, reported) — the 30-day trend's past points;
/// - per student: absences (excused or unexcused) on school-year days before the cached report day — chronic
///   absence (`PastDayCache+Absences.swift`).
///
/// It is kept current by a **recorded_at watermark**: the snapshot contract says a row's `recorded_at` is when it
/// was last written, so a late correction (an unexcused turned excused last Tuesday) or a late insert carries a
/// newer `recorded_at`. Each report first reads every past day's `max(recorded_at)` (one index seek per day);
/// where it moved (or was written within the lag margin before as-of), the rows written since name the students
/// to recount and the day is summarised again. Recomputation is idempotent, so seeing a row twice is harmless.
final class PastDayCache: Sendable {
    struct DayCounts: Sendable {
        var attending: Int
        var reported: Int
    }

    /// A trend day's sums over a node's schools: attending and reported (past days only), enrolled.
    struct TrendSum: Sendable {
        var attending = 0, reported = 0, enrolled = 0
    }

    /// A row inside the lag margin already processed: its day, student and `recorded_at`.
    struct RecentRow: Hashable, Sendable {
        let day: String
        let student: Int64
        let at: String
    }

    /// The `past_attendance` and `school_days` tokens a synchronisation saw (0 for `school_days` untracked).
    struct PastToken: Equatable, Sendable {
        let pastAttendance: Int64
        let schoolDays: Int64

        /// The tokens' pair, when the snapshot tracks `past_attendance`.
        init?(_ tokens: ChangeTokens?) {
            guard let tokens, let past = tokens.pastAttendanceToken else { return nil }
            pastAttendance = past
            schoolDays = tokens.schoolDays ?? 0
        }
    }

    struct State: Sendable {
        var key: SummaryKey?
        /// Each past school day's `max(recorded_at)` when last synchronised (its fingerprint).
        var dayMarks: [String: String?] = [:]
        /// Rows inside the lag margin already processed.
        var recentlySeen: Set<RecentRow> = []
        /// The past-attendance tokens and the report day of the last synchronisation (not kept in the file).
        var pastToken: PastToken?
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
    }

    let state = Mutex(State())

    /// (past days summarised, students recounted, resets, past days held) so far.
    var statistics: (dayComputations: Int, studentRecounts: Int, resets: Int, cachedDays: Int) {
        state.withLock { ($0.dayComputations, $0.studentRecounts, $0.resets, $0.pastTrend.count) }
    }

    /// The part of the work done that a warm-start file keeps.
    var revision: Int { state.withLock { $0.dayComputations + $0.studentRecounts + $0.absencesVersion + $0.resets } }

    /// Whether the summaries are keyed by the snapshot's lineage.
    var isKeyedByLineage: Bool { state.withLock { $0.key?.isLineage ?? false } }

    /// Drops everything (the reset is counted).
    func invalidate() {
        state.withLock { s in
            let resets = s.resets + 1
            s = State()
            s.resets = resets
        }
    }

    // MARK: Inside a read transaction

    /// Brings the cache up to date with the database state of this transaction: resets on a new key,
    /// recomputes past days and students touched by rows written since they were summarised.
    ///
    /// Each past school day's fingerprint is its `max(recorded_at)` (one seek per day in
    /// `idx_attendance_day_recorded`). A day whose fingerprint moved — or was written within the lag margin —
    /// has its rows written since re-read (a range seek), which names the students to recount; the day's trend
    /// counts are dropped and recomputed on demand. A fingerprint that went backwards (rows deleted) drops the day
    /// and all absence counts.
    ///
    /// With `pastToken` unchanged since the last call (same key and report day), nothing was written to a day
    /// before the newest day with attendance and the school days are the same: only that newest day, when it is a
    /// past school day, is looked at.
    func synchronize(_ db: Database, key: SummaryKey, today: String, asOf: String, pastToken: PastToken? = nil) throws {
        try state.withLock { s in
            if s.key != key {
                let resets = s.resets + (s.key == nil ? 0 : 1)
                s = State()
                s.key = key
                s.resets = resets
            }
            let quiet = pastToken != nil && s.pastToken == pastToken && s.syncedToday == today
            let marks = try LiveQueries.pastDayMarks(db, before: today, newestOnly: quiet)
            let (touchedStudents, recent) = try Self.applyMarks(db, marks, asOf: asOf, to: &s)
            var seen = recent
            if quiet {
                // Days not looked at keep their rows inside the lag margin.
                let looked = Set(marks.map(\.day))
                seen.formUnion(s.recentlySeen.filter { !looked.contains($0.day) })
            }
            s.recentlySeen = seen
            s.pastToken = pastToken
            s.syncedToday = today
            if !touchedStudents.isEmpty {
                s.materializeAbsences()
                try Self.recount(db, touchedStudents, in: &s)
            }
        }
    }

    /// Compares each day's mark with the held one: drops what moved, and names the students whose rows were
    /// written since (student → school) and the rows now inside the lag margin.
    private static func applyMarks(_ db: Database, _ marks: [(day: String, mark: String?)], asOf: String,
                                   to s: inout State) throws -> ([Int64: Int64], Set<RecentRow>) {
        // Rows written within the lag margin before as-of may still be joined by older-stamped ones.
        let recentFrom = LagMargin.start(before: asOf)
        var touchedStudents: [Int64: Int64] = [:]
        var seen = Set<RecentRow>()
        for (day, mark) in marks {
            guard let known = s.dayMarks[day] else {
                // First sight: summaries computed from now on include every row; remember the recent ones.
                s.dayMarks[day] = .some(mark)
                if let mark, mark >= recentFrom {
                    for r in try LiveQueries.rowsWritten(db, day: day, since: mark) {
                        seen.insert(RecentRow(day: day, student: r.student, at: r.at))
                    }
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
                for r in try LiveQueries.rowsWritten(db, day: day, since: min(old, mark)) {
                    let row = RecentRow(day: day, student: r.student, at: r.at)
                    if r.at >= recentFrom { seen.insert(row) }
                    if s.recentlySeen.contains(row) { continue }
                    changed = true
                    touchedStudents[r.student] = r.school
                }
                if changed { s.pastTrend[day] = nil }
            }
            s.dayMarks[day] = .some(mark)
        }
        return (touchedStudents, seen)
    }

    /// Recounts the held absences of the students named (student → school).
    private static func recount(_ db: Database, _ students: [Int64: Int64], in s: inout State) throws {
        guard var absences = s.absences, let start = s.absencesYearStart, let before = s.absencesBefore else { return }
        for (student, school) in students {
            let n = try LiveQueries.absences(db, school: school, student: student, from: start, before: before)
            absences[school, default: [:]][student] = n > 0 ? n : nil
            s.studentRecounts += 1
        }
        s.absences = absences
        s.absencesVersion += 1
    }

    /// The province-wide per-school counts of the given past days, computing (and keeping) the missing ones.
    func pastTrend(_ db: Database, days: [String]) throws -> [String: [Int64: DayCounts]] {
        let missing = state.withLock { s in days.filter { s.pastTrend[$0] == nil } }
        let computed = missing.isEmpty ? [:] : try LiveQueries.pastDayCounts(db, days: missing)
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
}
