/// Chronic-absence definition and alert threshold (`chronic_absence:` in the configuration file).
public struct ChronicAbsencePolicy: Sendable, Hashable, Codable {
    /// A student is chronically absent when absent (excused or not) on at least this fraction of the school
    /// days so far. Default 0.10 (DESIGN §3).
    public var absentDaysFraction: Double = 0.10
    /// Share of a school's enrolled students who are chronically absent above which it gets an alert. Default 0.10.
    public var shareWarn: Double = 0.10
    /// Schools with fewer enrolled students are not judged. Default 20.
    public var minEnrolled: Int = 20

    /// Creates the default policy.
    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case absentDaysFraction = "absent_days_fraction", shareWarn = "share_warn", minEnrolled = "min_enrolled"
    }

    /// Decodes, keeping the default of every absent key.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        absentDaysFraction = try c.decodeIfPresent(Double.self, forKey: .absentDaysFraction) ?? absentDaysFraction
        shareWarn = try c.decodeIfPresent(Double.self, forKey: .shareWarn) ?? shareWarn
        minEnrolled = try c.decodeIfPresent(Int.self, forKey: .minEnrolled) ?? minEnrolled
    }
}
