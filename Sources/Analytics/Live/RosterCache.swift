import Foundation
import GRDB
import SectorData
import Synchronization

/// Figures that depend only on slowly changing tables — students, classes, teachers, intake plans — kept while
/// their change tokens stand (see SectorData's `ChangeTokens`), so a refresh after new attendance or probes does
/// not read those tables again.
///
/// Everything is province-wide, keyed by school (and class); reports filter it to their node. Used only when the
/// snapshot carries change tokens; without them reports read the tables with SQL every time.
final class RosterCache: Sendable {
    struct State: Sendable {
        var studentsToken: Int64?
        var students: StudentFacts?
        /// Tokens (students, classes, teachers, intake plans), day and year start the figures were made for.
        var figuresKey: RosterKey?
        var figures: DayFigures?
        var enrolledKey: EnrolledKey?
        var enrolledByDay: [String: [Int64: Int]] = [:]
        var treeKey: TreeKey?
        var tree: ProvinceTree?
        /// Per unit shown (the province and the communes drilled into), the last few.
        var branchStatics: [BranchKey: BranchStatics] = [:]
        /// Every school's static tally parts, for the roster state of `schoolStaticsKey`.
        var schoolStaticsKey: BranchKey?
        var schoolStatics = SchoolStatics(tallies: [:])
        var devicesToken: Int64?
        var deviceCounts: [Int64: Tally] = [:]
        var studentLoads = 0
    }

    let state = Mutex(State())

    /// The scoped admin tree and schools, loaded again only when the admin units' or schools' token moved;
    /// nil without tokens (the caller loads it).
    func tree(_ db: Database, tokens: ChangeTokens?, provinceCode: String?, scope: Scope?) throws -> ProvinceTree? {
        guard let tokens, let units = tokens.adminUnits, let schools = tokens.schools else { return nil }
        let key = TreeKey(adminUnits: units, schools: schools, provinceCode: provinceCode, scope: scope)
        if let held = state.withLock({ s in s.treeKey == key ? s.tree : nil }) { return held }
        let tree = try ProvinceTree.load(db, provinceCode: provinceCode, scope: scope)
        state.withLock { s in
            s.treeKey = key
            s.tree = tree
        }
        return tree
    }

    /// Drops everything.
    func invalidate() {
        state.withLock { s in s = State(studentLoads: s.studentLoads) }
    }

    /// Times the students table was read in full (tests and the benchmark).
    var studentLoads: Int { state.withLock { $0.studentLoads } }

    /// The students of this token, reading them when the token changed (every time without tokens); nil when
    /// they do not fit the compact form.
    func students(_ db: Database, tokens: ChangeTokens?) throws -> StudentFacts? {
        guard let token = tokens?.students else { return try StudentFacts.load(db) }
        if let held = state.withLock({ s in s.studentsToken == token ? s.students : nil }) { return held }
        let facts = try StudentFacts.load(db)
        state.withLock { s in
            s.studentsToken = token
            s.students = facts
            s.studentLoads += 1
            s.figures = nil; s.figuresKey = nil
            s.enrolledKey = nil; s.enrolledByDay = [:]
        }
        return facts
    }

    /// Device counts per school by kind and status (without the heartbeat-based "seen" counts), kept while the
    /// `devices` token stands; nil without tokens.
    func deviceCounts(_ db: Database, tokens: ChangeTokens?, day: ReportDay) throws -> [Int64: Tally]? {
        guard let token = tokens?.devices else { return nil }
        if let held = state.withLock({ s in s.devicesToken == token ? s.deviceCounts : nil }) { return held }
        let counts = try FigureQueries(db: db, filter: .all, day: day, config: AnalyticsConfig()).deviceCountsBySchool()
        state.withLock { s in
            s.devicesToken = token
            s.deviceCounts = counts
        }
        return counts
    }

    /// Enrolled students per school on each of `days` (the trend's denominators).
    func enrolledBySchool(tokens: ChangeTokens?, days: [String], students: StudentFacts) -> [String: [Int64: Int]] {
        let key = tokens.map { EnrolledKey(students: $0.students ?? 0, days: days) }
        if let key, let held = state.withLock({ s in s.enrolledKey == key ? s.enrolledByDay : nil }) { return held }
        let counts = students.enrolledBySchool(onDays: days)
        if let key {
            state.withLock { s in
                s.enrolledKey = key
                s.enrolledByDay = counts
            }
        }
        return counts
    }
}
