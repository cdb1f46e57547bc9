import Foundation

/// Attendance for one day at one node. Rates are fractions 0–1, nil when undefined (nothing reported).
public struct AttendanceFigures: Sendable, Hashable, Codable {
    /// The day these figures are for ('YYYY-MM-DD', snapshot timezone).
    public var day: String
    /// False when the as-of day is not a school day; `day` is then the last school day before it.
    public var isAsOfSchoolDay: Bool
    public var enrolled: Int
    public var present: Int
    public var late: Int
    public var excused: Int
    public var unexcused: Int
    /// Enrolled students with no record yet.
    public var unreported: Int
    /// (present + late) / reported.
    public var rate: Double?
    /// reported / enrolled.
    public var completeness: Double?
    /// Schools with records for ≥ 50 % of their enrolled students.
    public var schoolsReporting: Int
    /// Active schools under this node.
    public var schoolsTotal: Int
    /// Students absent (excused or not) on ≥ 10 % of school days so far.
    public var chronicAbsent: Int
    /// The last (up to) 30 school days, oldest first.
    public var trend: [DayRate]

    /// Reported records (present + late + excused + unexcused).
    public var reported: Int { present + late + excused + unexcused }
}

/// One school day's attendance rate in a trend.
public struct DayRate: Sendable, Hashable, Codable {
    public var day: String
    public var rate: Double?
    public var completeness: Double?
    /// Creates a trend point.
    public init(day: String, rate: Double?, completeness: Double?) {
        self.day = day
        self.rate = rate
        self.completeness = completeness
    }
}

/// Enrollment at one node, as of a date.
public struct EnrollmentFigures: Sendable, Hashable, Codable {
    public var enrolled: Int
    public var female: Int
    public var male: Int
    /// Enrolled by school level (schools.level) — empty at class level.
    public var byLevel: [String: Int]
    /// Enrolled by grade (0 = preschool).
    public var byGrade: [Int: Int]
    /// Students who joined since the school year began.
    public var joined: Int
    /// Students who left since the school year began.
    public var left: Int
    /// Left this school year by reason (transfer, dropout, graduated).
    public var leftByReason: [String: Int]
    /// Intake plan vs enrolled for entry grades (0, 1, 6, 10), where a plan exists.
    public var intake: [IntakeFigure]
    /// Active teachers.
    public var teachers: Int
    /// Enrolled / active teachers; nil without teachers.
    public var pupilTeacherRatio: Double?
}

/// The approved intake for a grade against actual enrollment.
public struct IntakeFigure: Sendable, Hashable, Codable {
    public var grade: Int
    public var planned: Int
    public var enrolled: Int
    /// Creates an intake figure.
    public init(grade: Int, planned: Int, enrolled: Int) {
        self.grade = grade
        self.planned = planned
        self.enrolled = enrolled
    }
}

/// Devices at one node.
public struct DeviceFigures: Sendable, Hashable, Codable {
    /// Count per device kind, then per status (working, broken, retired).
    public var byKindAndStatus: [String: [String: Int]]
    /// Working desktops + laptops + tablets.
    public var computersWorking: Int
    /// All desktops + laptops + tablets that are not retired.
    public var computersTotal: Int
    /// Enrolled / working computers; nil without working computers.
    public var learnersPerComputer: Double?
    /// Working projectors and interactive displays.
    public var projectorsWorking: Int
    /// Working projectors and interactive displays per class; nil without classes.
    public var projectorsPerClass: Double?
    /// Cameras seen in the last 15 minutes / all non-retired cameras.
    public var camerasOnline: Int
    public var camerasTotal: Int
    /// Attendance gates seen in the last 15 minutes / all non-retired gates.
    public var gatesOnline: Int
    public var gatesTotal: Int
}

/// A school's connectivity state (DESIGN §3).
public enum ConnectivityStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Latest probe ≤ 15 min old with download ≥ benchmark.
    case good
    /// Latest probe ≤ 15 min old, below benchmark.
    case moderate
    /// Latest probe failed, or none for > 15 min.
    case offline
    /// No probe ever.
    case unknown
}

/// Connectivity at one node.
public struct ConnectivityFigures: Sendable, Hashable, Codable {
    public var good: Int
    public var moderate: Int
    public var offline: Int
    public var unknown: Int
    /// Median download of online (good + moderate) schools' latest probes.
    public var medianDownloadMbps: Double?
    /// Median latency of online schools' latest probes.
    public var medianLatencyMs: Double?
    /// Offline schools with the time their outage began (first failed/missing probe), worst first.
    public var offlineSchools: [OfflineSchool]
    /// For a school or class node: that school's own status.
    public var status: ConnectivityStatus?
}

/// An offline school and since when.
public struct OfflineSchool: Sendable, Hashable, Codable {
    public var school: NodeRef
    /// When the outage began; nil if unknown.
    public var since: Date?
    /// Creates an entry.
    public init(school: NodeRef, since: Date?) {
        self.school = school
        self.since = since
    }
}

/// The four indicator families for one node.
public struct NodeFigures: Sendable, Hashable, Codable {
    public var node: NodeRef
    public var attendance: AttendanceFigures
    public var enrollment: EnrollmentFigures
    public var devices: DeviceFigures
    public var connectivity: ConnectivityFigures
}

/// What an alert is about.
public enum AlertKind: String, Sendable, Hashable, Codable, CaseIterable {
    case schoolOffline = "school_offline"
    case lowAttendance = "low_attendance"
    case lowCompleteness = "low_completeness"
    case chronicAbsence = "chronic_absence"
    case snapshotStale = "snapshot_stale"
}

/// An alert raised under a node, with the figures that triggered it (so the UI can word it per language).
public struct Alert: Sendable, Hashable, Codable {
    public var kind: AlertKind
    /// The node concerned (a school for most alerts, the province for a stale snapshot).
    public var node: NodeRef
    /// English sentence for reports and logs.
    public var message: String
    /// The observed value (a rate 0–1, or minutes for staleness / offline time).
    public var value: Double?
    /// The threshold crossed.
    public var threshold: Double?
    /// Creates an alert.
    public init(kind: AlertKind, node: NodeRef, message: String, value: Double? = nil, threshold: Double? = nil) {
        self.kind = kind
        self.node = node
        self.message = message
        self.value = value
        self.threshold = threshold
    }
}

/// Everything one refresh shows for one node, all from the same database state.
public struct NodeReport: Sendable, Hashable, Codable {
    /// The instant the figures are computed for.
    public var asOf: Date
    /// `meta.published_at` of the snapshot read.
    public var publishedAt: Date?
    /// The path from the root of the user's scope down to this node (breadcrumbs), this node last.
    public var path: [NodeRef]
    /// This node's figures.
    public var figures: NodeFigures
    /// Each child's figures (units → schools → classes); empty for a class.
    public var children: [NodeFigures]
    /// Alerts under this node, most severe first.
    public var alerts: [Alert]
}
