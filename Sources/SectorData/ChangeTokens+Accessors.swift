/// Typed accessors for the tracked names, so readers never spell a token's name as a string.
extension ChangeTokens {
    /// The `students` token.
    public var students: Int64? { values["students"] }
    /// The `classes` token.
    public var classes: Int64? { values["classes"] }
    /// The `teachers` token.
    public var teachers: Int64? { values["teachers"] }
    /// The `intake_plans` token.
    public var intakePlans: Int64? { values["intake_plans"] }
    /// The `school_days` token.
    public var schoolDays: Int64? { values["school_days"] }
    /// The `admin_units` token.
    public var adminUnits: Int64? { values["admin_units"] }
    /// The `schools` token.
    public var schools: Int64? { values["schools"] }
    /// The `devices` token (school, kind and status changes only).
    public var devices: Int64? { values["devices"] }
    /// The `attendance_deletions` token.
    public var attendanceDeletionsToken: Int64? { values[Self.attendanceDeletions] }
    /// The `past_attendance` token.
    public var pastAttendanceToken: Int64? { values[Self.pastAttendance] }
    /// The `late_attendance` token.
    public var lateAttendanceToken: Int64? { values[Self.lateAttendance] }
    /// The `probe_rewrites` token.
    public var probeRewritesToken: Int64? { values[Self.probeRewrites] }
    /// The `late_heartbeats` token.
    public var lateHeartbeatsToken: Int64? { values[Self.lateHeartbeats] }
    /// The `lineage` token (never moved by a trigger).
    public var lineageToken: Int64? { values[Self.lineage] }
}
