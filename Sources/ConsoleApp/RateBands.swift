import ReportModel
import ConsoleCore

/// The thresholds that colour a rate: at or above `ok` is fine, at or above `warn` is a warning, below is critical.
/// They are built from the analytics configuration (local policy) here and nowhere else, so screen and alerts
/// agree: `attendance(_:)` and `completeness(_:)`.
public struct RateBands: Sendable, Hashable {
    public var ok: Double
    public var warn: Double

    /// Creates bands from two thresholds (`ok` ≥ `warn`).
    public init(ok: Double, warn: Double) {
        self.ok = ok
        self.warn = warn
    }

    /// The attendance rate's bands: fine at or above `rate_warn`, a warning down to `rate_critical`, critical below
    /// (the attendance alert's two severities).
    public static func attendance(_ policy: AttendancePolicy) -> RateBands {
        RateBands(ok: policy.rateWarn, warn: policy.rateCritical)
    }

    /// Completeness's bands: fine at or above `completeness_warn`, a warning below it (the completeness alert is a
    /// warning only; it has no critical threshold).
    public static func completeness(_ policy: AttendancePolicy) -> RateBands {
        RateBands(ok: policy.completenessWarn, warn: 0)
    }

    /// The style role for `rate`; unknown when there is no rate.
    public func role(_ rate: Double?) -> StyleRole {
        guard let rate else { return .unknown }
        return rate >= ok ? .ok : rate >= warn ? .warn : .crit
    }
}
