import ConsoleCore

/// The thresholds that colour a rate: at or above `ok` is fine, at or above `warn` is a warning, below is critical.
/// They come from the analytics configuration (local policy), so screen and alerts agree.
public struct RateBands: Sendable, Hashable {
    public var ok: Double
    public var warn: Double
    /// Creates bands; the defaults match the analytics defaults (90 % / 80 %).
    public init(ok: Double = 0.90, warn: Double = 0.80) {
        self.ok = ok
        self.warn = warn
    }

    /// The style role for `rate`; unknown when there is no rate.
    public func role(_ rate: Double?) -> StyleRole {
        guard let rate else { return .unknown }
        return rate >= ok ? .ok : rate >= warn ? .warn : .crit
    }
}
