import Foundation

/// Attendance for one day at one node. Rates are fractions 0–1, nil when undefined (nothing reported).
public struct AttendanceFigures: Sendable, Hashable, Codable {
    /// The day these figures are for ('YYYY-MM-DD', snapshot timezone).
    public var day: String
    /// False when the as-of day is not a school day; `day` is then the last school day before it.
    public var isAsOfSchoolDay: Bool
    /// Students enrolled on `day`.
    public var enrolled: Int
    /// Records with status present.
    public var present: Int
    /// Records with status late.
    public var late: Int
    /// Records with status excused.
    public var excused: Int
    /// Records with status unexcused.
    public var unexcused: Int
    /// Enrolled students with no record yet (per class, never below zero).
    public var unreported: Int
    /// (present + late) / reported.
    public var rate: Double?
    /// reported / enrolled.
    public var completeness: Double?
    /// Schools with records for ≥ 50 % of their enrolled students (a school without students never reports).
    public var schoolsReporting: Int
    /// Active schools under this node (0 for a class).
    public var schoolsTotal: Int
    /// Students absent (excused or not) on ≥ 10 % of school days so far.
    public var chronicAbsent: Int
    /// The last (up to) 30 school days, oldest first. Filled for the report's own node; empty for children.
    public var trend: [DayRate]
    /// True when as-of is before the school year's first school day: attendance is all zeros.
    public var isBeforeSchoolYear: Bool
    /// The as-of instant's own local date (differs from `day` on a non-school day).
    public var asOfDay: String
    /// School days from the first one up to and including `day`.
    public var schoolDaysSoFar: Int
    /// Rows of `day` at this node (recorded by as-of) left out of every figure because they break the contract's
    /// rules (docs/SNAPSHOT.md, Which rows count); the data-quality list says which and why.
    public var rowsLeftOut: Int = 0

    /// Reported records (present + late + excused + unexcused).
    public var reported: Int { present + late + excused + unexcused }

    /// Creates attendance figures.
    public init(day: String, isAsOfSchoolDay: Bool, enrolled: Int = 0, present: Int = 0, late: Int = 0,
                excused: Int = 0, unexcused: Int = 0, unreported: Int = 0, rate: Double? = nil,
                completeness: Double? = nil, schoolsReporting: Int = 0, schoolsTotal: Int = 0,
                chronicAbsent: Int = 0, trend: [DayRate] = [], isBeforeSchoolYear: Bool = false,
                asOfDay: String? = nil, schoolDaysSoFar: Int = 0) {
        self.day = day
        self.isAsOfSchoolDay = isAsOfSchoolDay
        self.enrolled = enrolled
        self.present = present
        self.late = late
        self.excused = excused
        self.unexcused = unexcused
        self.unreported = unreported
        self.rate = rate
        self.completeness = completeness
        self.schoolsReporting = schoolsReporting
        self.schoolsTotal = schoolsTotal
        self.chronicAbsent = chronicAbsent
        self.trend = trend
        self.isBeforeSchoolYear = isBeforeSchoolYear
        self.asOfDay = asOfDay ?? day
        self.schoolDaysSoFar = schoolDaysSoFar
    }
}

/// One school day's attendance rate in a trend.
public struct DayRate: Sendable, Hashable, Codable {
    /// The school day ('YYYY-MM-DD').
    public var day: String
    /// (present + late) / reported that day; nil when nothing was reported.
    public var rate: Double?
    /// Reported / enrolled that day; nil without enrolled students.
    public var completeness: Double?
    /// Creates a trend point.
    public init(day: String, rate: Double?, completeness: Double?) {
        self.day = day
        self.rate = rate
        self.completeness = completeness
    }
}

/// Enrollment at one node, as of the report day (the as-of date, or the last school day before it).
public struct EnrollmentFigures: Sendable, Hashable, Codable {
    /// Students with enrolled_on ≤ day and (left_on null or > day).
    public var enrolled: Int
    /// Enrolled girls.
    public var female: Int
    /// Enrolled boys.
    public var male: Int
    /// Enrolled by school level (schools.level) — empty at class level.
    public var byLevel: [String: Int]
    /// Enrolled by grade (0 = preschool).
    public var byGrade: [Int: Int]
    /// Students who joined since the school year began (enrolled_on from the first school day up to the day).
    public var joined: Int
    /// Students who left since the school year began (left_on from the first school day up to the day).
    public var left: Int
    /// Left this school year by reason (transfer, dropout, graduated; "other" for a missing or unknown reason).
    public var leftByReason: [String: Int]
    /// Intake plan vs enrolled for entry grades (0, 1, 6, 10), where a plan exists.
    public var intake: [IntakeFigure]
    /// Active teachers (0 at class level).
    public var teachers: Int
    /// Enrolled / active teachers; nil without teachers.
    public var pupilTeacherRatio: Double?

    /// Creates enrollment figures.
    public init(enrolled: Int = 0, female: Int = 0, male: Int = 0, byLevel: [String: Int] = [:],
                byGrade: [Int: Int] = [:], joined: Int = 0, left: Int = 0, leftByReason: [String: Int] = [:],
                intake: [IntakeFigure] = [], teachers: Int = 0, pupilTeacherRatio: Double? = nil) {
        self.enrolled = enrolled
        self.female = female
        self.male = male
        self.byLevel = byLevel
        self.byGrade = byGrade
        self.joined = joined
        self.left = left
        self.leftByReason = leftByReason
        self.intake = intake
        self.teachers = teachers
        self.pupilTeacherRatio = pupilTeacherRatio
    }
}

/// The approved intake for a grade against actual enrollment.
public struct IntakeFigure: Sendable, Hashable, Codable {
    /// The entry grade.
    public var grade: Int
    /// Planned intake (sum over schools with a plan for this grade).
    public var planned: Int
    /// Enrolled in this grade at those schools.
    public var enrolled: Int
    /// Creates an intake figure.
    public init(grade: Int, planned: Int, enrolled: Int) {
        self.grade = grade
        self.planned = planned
        self.enrolled = enrolled
    }
}

/// Devices at one node. Devices belong to schools: a class node has all-zero device figures.
/// Statuses are the snapshot's current ones (the snapshot keeps no device history).
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
    /// Non-retired cameras seen in the last 15 minutes before as-of (devices.seen_within_minutes).
    public var camerasOnline: Int
    /// All non-retired cameras.
    public var camerasTotal: Int
    /// Non-retired attendance gates seen in the last 15 minutes before as-of.
    public var gatesOnline: Int
    /// All non-retired attendance gates.
    public var gatesTotal: Int

    /// Creates device figures.
    public init(byKindAndStatus: [String: [String: Int]] = [:], computersWorking: Int = 0, computersTotal: Int = 0,
                learnersPerComputer: Double? = nil, projectorsWorking: Int = 0, projectorsPerClass: Double? = nil,
                camerasOnline: Int = 0, camerasTotal: Int = 0, gatesOnline: Int = 0, gatesTotal: Int = 0) {
        self.byKindAndStatus = byKindAndStatus
        self.computersWorking = computersWorking
        self.computersTotal = computersTotal
        self.learnersPerComputer = learnersPerComputer
        self.projectorsWorking = projectorsWorking
        self.projectorsPerClass = projectorsPerClass
        self.camerasOnline = camerasOnline
        self.camerasTotal = camerasTotal
        self.gatesOnline = gatesOnline
        self.gatesTotal = gatesTotal
    }
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

/// Connectivity at one node: counts of active schools per status (probes up to as-of only).
/// A class node has zero counts and its school's `status`.
public struct ConnectivityFigures: Sendable, Hashable, Codable {
    /// Schools whose latest probe is fresh and at or above the benchmark.
    public var good: Int
    /// Schools whose latest probe is fresh and below the benchmark.
    public var moderate: Int
    /// Schools whose latest probe failed or is older than the offline window.
    public var offline: Int
    /// Schools never probed (up to as-of). Always its own category.
    public var unknown: Int
    /// Median download of online (good + moderate) schools' latest probes.
    public var medianDownloadMbps: Double?
    /// Median latency of online schools' latest probes.
    public var medianLatencyMs: Double?
    /// Offline schools with the time their outage began, longest outage first. `since` is the first failed
    /// probe of the current failing streak, else the last good probe + 5 min (the missed probe), else nil.
    public var offlineSchools: [OfflineSchool]
    /// For a school or class node: that school's own status.
    public var status: ConnectivityStatus?

    /// Creates connectivity figures.
    public init(good: Int = 0, moderate: Int = 0, offline: Int = 0, unknown: Int = 0,
                medianDownloadMbps: Double? = nil, medianLatencyMs: Double? = nil,
                offlineSchools: [OfflineSchool] = [], status: ConnectivityStatus? = nil) {
        self.good = good
        self.moderate = moderate
        self.offline = offline
        self.unknown = unknown
        self.medianDownloadMbps = medianDownloadMbps
        self.medianLatencyMs = medianLatencyMs
        self.offlineSchools = offlineSchools
        self.status = status
    }
}

/// An offline school and since when.
public struct OfflineSchool: Sendable, Hashable, Codable {
    /// The school.
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
    /// The node these figures are for.
    public var node: NodeRef
    /// Attendance on the report day.
    public var attendance: AttendanceFigures
    /// Enrollment as of the report day.
    public var enrollment: EnrollmentFigures
    /// Devices (school level and up).
    public var devices: DeviceFigures
    /// Connectivity (school level and up; a class carries its school's status).
    public var connectivity: ConnectivityFigures

    /// Creates node figures.
    public init(node: NodeRef, attendance: AttendanceFigures, enrollment: EnrollmentFigures,
                devices: DeviceFigures, connectivity: ConnectivityFigures) {
        self.node = node
        self.attendance = attendance
        self.enrollment = enrollment
        self.devices = devices
        self.connectivity = connectivity
    }
}

/// What an alert is about.
public enum AlertKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A school's connectivity is offline.
    case schoolOffline = "school_offline"
    /// A school's attendance rate is below the threshold.
    case lowAttendance = "low_attendance"
    /// A school's completeness is below the threshold after the cut-off time.
    case lowCompleteness = "low_completeness"
    /// A school's share of chronically absent students is above the threshold.
    case chronicAbsence = "chronic_absence"
    /// The snapshot has not been published recently.
    case snapshotStale = "snapshot_stale"
}

/// An alert raised under a node, with the figures that triggered it (so the UI can word it per language).
public struct Alert: Sendable, Hashable, Codable {
    /// What the alert is about.
    public var kind: AlertKind
    /// The node concerned (a school for most alerts, the province for a stale snapshot).
    public var node: NodeRef
    /// English sentence for reports and logs.
    public var message: String
    /// The observed value (a rate 0–1, or minutes for staleness / offline time).
    public var value: Double?
    /// The threshold crossed.
    public var threshold: Double?
    /// How urgent the alert is; lists are sorted by this first.
    public var severity: AlertSeverity
    /// Creates an alert.
    public init(kind: AlertKind, node: NodeRef, message: String, value: Double? = nil, threshold: Double? = nil,
                severity: AlertSeverity = .warning) {
        self.kind = kind
        self.node = node
        self.message = message
        self.value = value
        self.threshold = threshold
        self.severity = severity
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
    /// The snapshot's time zone (`meta.timezone`), for showing times and days locally.
    public var timeZoneIdentifier: String?
    /// How far the snapshot's data time (`published_at`, or its newest probe or today's newest attendance row)
    /// is ahead of as-of, in seconds, when as-of is this server's clock and the lead is past
    /// `ClockSkew.toleranceSeconds`; nil otherwise. Positive = the data is ahead. Freshness (probes, devices seen)
    /// and today's rows are then judged at the data's time, so a fast writer clock never turns schools offline.
    public var clockSkewSeconds: Int?
    /// For a unit: its schools not reporting yet, least complete first (at most `SchoolProgress.listLimit`).
    public var schoolsNotReporting: [SchoolProgress] = []

    /// Creates a report.
    public init(asOf: Date, publishedAt: Date?, path: [NodeRef], figures: NodeFigures, children: [NodeFigures],
                alerts: [Alert], timeZoneIdentifier: String? = nil, clockSkewSeconds: Int? = nil) {
        self.asOf = asOf
        self.publishedAt = publishedAt
        self.path = path
        self.figures = figures
        self.children = children
        self.alerts = alerts
        self.timeZoneIdentifier = timeZoneIdentifier
        self.clockSkewSeconds = clockSkewSeconds
    }
}
