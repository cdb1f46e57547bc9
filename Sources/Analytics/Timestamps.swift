import Foundation

/// Conversions between `Date` and the snapshot's text encodings (UTC `YYYY-MM-DDTHH:MM:SSZ` timestamps,
/// `YYYY-MM-DD` local dates). Pure arithmetic: no formatters, no shared state.
/// Internal seam: to be replaced by SectorData's `SnapshotTime` once it lands.
enum Timestamps {
    /// `YYYY-MM-DDTHH:MM:SSZ` for an instant (whole seconds, truncated).
    static func utcText(_ date: Date) -> String {
        let seconds = Int64(floor(date.timeIntervalSince1970))
        let days = floorDiv(seconds, 86_400)
        let secOfDay = seconds - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
                      Int(secOfDay / 3600), Int(secOfDay % 3600 / 60), Int(secOfDay % 60))
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` (also accepts a space instead of `T`); nil if malformed.
    static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count >= 19 else { return nil }
        func num(_ from: Int, _ len: Int) -> Int? {
            var v = 0
            for i in from..<(from + len) {
                guard i < b.count, b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard let y = num(0, 4), b[4] == 45, let mo = num(5, 2), b[7] == 45, let d = num(8, 2),
              b[10] == 84 || b[10] == 32, let h = num(11, 2), b[13] == 58, let mi = num(14, 2), b[16] == 58,
              let s = num(17, 2), (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61
        else { return nil }
        var i = 19
        var fraction = 0.0
        if i < b.count, b[i] == 46 {
            i += 1
            var scale = 0.1
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                fraction += Double(b[i] - 48) * scale
                scale /= 10
                i += 1
            }
        }
        var offset = 0
        if i < b.count {
            if b[i] == 90 || b[i] == 122 {
                i += 1
            } else if b[i] == 43 || b[i] == 45 {
                let sign = b[i] == 43 ? 1 : -1
                guard let oh = num(i + 1, 2) else { return nil }
                var om = 0
                if i + 3 < b.count, b[i + 3] == 58, let v = num(i + 4, 2) { om = v; i += 6 }
                else if let v = num(i + 3, 2) { om = v; i += 5 }
                else { i += 3 }
                offset = sign * (oh * 3600 + om * 60)
            } else {
                return nil
            }
        }
        guard i == b.count else { return nil }
        let days = days(fromCivil: y, mo, d)
        let secs = days * 86_400 + Int64(h * 3600 + mi * 60 + s) - Int64(offset)
        return Date(timeIntervalSince1970: Double(secs) + fraction)
    }

    /// The local calendar date (`YYYY-MM-DD`) of an instant in a time zone.
    static func localDay(_ date: Date, in zone: TimeZone) -> String {
        let days = localDayNumber(date, in: zone)
        let (y, m, d) = civil(fromDays: days)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// Minutes since local midnight of an instant in a time zone.
    static func localMinuteOfDay(_ date: Date, in zone: TimeZone) -> Int {
        let local = Int64(floor(date.timeIntervalSince1970)) + Int64(zone.secondsFromGMT(for: date))
        return Int((local - floorDiv(local, 86_400) * 86_400) / 60)
    }

    /// `HH:MM` local time of an instant.
    static func localClock(_ date: Date, in zone: TimeZone) -> String {
        let minute = localMinuteOfDay(date, in: zone)
        return String(format: "%02d:%02d", minute / 60, minute % 60)
    }

    private static func localDayNumber(_ date: Date, in zone: TimeZone) -> Int64 {
        let local = Int64(floor(date.timeIntervalSince1970)) + Int64(zone.secondsFromGMT(for: date))
        return floorDiv(local, 86_400)
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    // Howard Hinnant's civil-from-days / days-from-civil.
    private static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d))
    }
}
