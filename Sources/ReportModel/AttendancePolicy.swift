/// Local policy for attendance alerts (`attendance:` in the configuration file).
public struct AttendancePolicy: Sendable, Hashable, Codable {
    /// Rate (present + late) / reported below which a school gets a warning. Default 0.90.
    public var rateWarn: Double = 0.90
    /// Rate below which the alert is critical. Default 0.80.
    public var rateCritical: Double = 0.80
    /// Minimum reported records before a school's rate is judged. Default 20.
    public var minReported: Int = 20
    /// Completeness (reported / enrolled) below which a school gets a warning. Default 0.80.
    public var completenessWarn: Double = 0.80
    /// Local time `HH:MM` after which completeness is judged. Default "09:00".
    public var completenessAfter: String = "09:00"

    /// Creates the default policy.
    public init() {}

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case rateWarn = "rate_warn", rateCritical = "rate_critical", minReported = "min_reported"
        case completenessWarn = "completeness_warn", completenessAfter = "completeness_after"
    }

    /// Decodes, keeping the default of every absent key.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rateWarn = try c.decodeIfPresent(Double.self, forKey: .rateWarn) ?? rateWarn
        rateCritical = try c.decodeIfPresent(Double.self, forKey: .rateCritical) ?? rateCritical
        minReported = try c.decodeIfPresent(Int.self, forKey: .minReported) ?? minReported
        completenessWarn = try c.decodeIfPresent(Double.self, forKey: .completenessWarn) ?? completenessWarn
        completenessAfter = try c.decodeIfPresent(String.self, forKey: .completenessAfter) ?? completenessAfter
    }

    /// `completenessAfter` as minutes since local midnight; nil if not `HH:MM`.
    public var completenessAfterMinutes: Int? {
        let parts = completenessAfter.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        return h * 60 + m
    }
}
