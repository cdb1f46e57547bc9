import Foundation

/// Local wall-clock helpers for alert rules and report text. (Parsing and formatting the snapshot's
/// timestamps and dates is `SectorData.SnapshotTime`.) Pure arithmetic: no formatters, no shared state.
enum Timestamps {
    /// Minutes since local midnight of an instant in a time zone.
    static func localMinuteOfDay(_ date: Date, in zone: TimeZone) -> Int {
        let local = Int64(floor(date.timeIntervalSince1970)) + Int64(zone.secondsFromGMT(for: date))
        let days = local >= 0 ? local / 86_400 : -((-local + 86_399) / 86_400)
        return Int((local - days * 86_400) / 60)
    }

    /// `HH:MM` local time of an instant.
    static func localClock(_ date: Date, in zone: TimeZone) -> String {
        let minute = localMinuteOfDay(date, in: zone)
        return String(format: "%02d:%02d", minute / 60, minute % 60)
    }
}
