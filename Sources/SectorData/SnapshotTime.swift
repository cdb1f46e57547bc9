import Foundation

/// Parses and formats the snapshot's time formats without `DateFormatter` or `Calendar`.
///
/// - Timestamps are UTC text `YYYY-MM-DDTHH:MM:SSZ` (exactly 20 characters, whole seconds), so that
///   comparing the text orders the instants (see ``SnapshotSchema/timestampFormat``).
/// - Dates are `YYYY-MM-DD` text naming a day in the province's time zone (see
///   ``SnapshotSchema/dateFormat``).
///
/// Everything here is pure arithmetic on bytes; the only allocation is the returned string.
public enum SnapshotTime {
    private static let secondsPerDay = 86_400
    private static let timestampLength = 20
    private static let dayLength = 10

    // MARK: - Timestamps (UTC)

    /// Parses a UTC timestamp `YYYY-MM-DDTHH:MM:SSZ`; returns nil for anything else (offsets, fractions, bad dates).
    public static func parse(_ text: String) -> Date? {
        let seconds = text.utf8.withContiguousStorageIfAvailable { parseTimestamp(bytes: $0) }
            ?? parseTimestamp(bytes: Array(text.utf8))
        return seconds.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// Formats an instant as the UTC timestamp `YYYY-MM-DDTHH:MM:SSZ`, dropping fractions of a second.
    public static func format(_ date: Date) -> String {
        let seconds = wholeSeconds(date)
        let days = floorDivide(seconds, secondsPerDay)
        let secondOfDay = seconds - days * secondsPerDay
        let civil = civilDate(fromDays: days)
        return String(unsafeUninitializedCapacity: timestampLength) { buffer in
            writeDay(civil, into: buffer)
            buffer[10] = UInt8(ascii: "T")
            writeTwoDigits(secondOfDay / 3600, into: buffer, at: 11)
            buffer[13] = UInt8(ascii: ":")
            writeTwoDigits(secondOfDay / 60 % 60, into: buffer, at: 14)
            buffer[16] = UInt8(ascii: ":")
            writeTwoDigits(secondOfDay % 60, into: buffer, at: 17)
            buffer[19] = UInt8(ascii: "Z")
            return timestampLength
        }
    }

    // MARK: - Days (province time zone)

    /// Formats the local day `YYYY-MM-DD` on which `date` falls in `timeZone`.
    public static func formatDay(_ date: Date, in timeZone: TimeZone) -> String {
        let local = wholeSeconds(date) + timeZone.secondsFromGMT(for: date)
        let civil = civilDate(fromDays: floorDivide(local, secondsPerDay))
        return String(unsafeUninitializedCapacity: dayLength) { buffer in
            writeDay(civil, into: buffer)
            return dayLength
        }
    }

    /// Parses a day `YYYY-MM-DD` and returns the instant its local midnight begins in `timeZone`, or nil.
    public static func parseDay(_ text: String, in timeZone: TimeZone) -> Date? {
        let days = text.utf8.withContiguousStorageIfAvailable { parseDayNumber(bytes: $0) }
            ?? parseDayNumber(bytes: Array(text.utf8))
        guard let days else { return nil }
        let naive = days * secondsPerDay
        let firstGuess = naive - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive)))
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(firstGuess)))
        return Date(timeIntervalSince1970: TimeInterval(naive - offset))
    }

    /// Formats `date` for people as local time to the minute with its UTC offset: `2026-11-23 07:42 (+07)`.
    public static func formatLocalMinute(_ date: Date, in timeZone: TimeZone) -> String {
        let offset = timeZone.secondsFromGMT(for: date)
        let local = wholeSeconds(date) + offset
        let days = floorDivide(local, secondsPerDay)
        let secondOfDay = local - days * secondsPerDay
        let civil = civilDate(fromDays: days)
        let clock = String(unsafeUninitializedCapacity: 16) { buffer in
            writeDay(civil, into: buffer)
            buffer[10] = UInt8(ascii: " ")
            writeTwoDigits(secondOfDay / 3600, into: buffer, at: 11)
            buffer[13] = UInt8(ascii: ":")
            writeTwoDigits(secondOfDay / 60 % 60, into: buffer, at: 14)
            return 16
        }
        return "\(clock) (\(offsetDescription(seconds: offset)))"
    }

    /// Describes a UTC offset compactly: `+07`, `-03:30`, `+00`.
    public static func offsetDescription(seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        let hours = minutes / 60
        let remainder = minutes % 60
        let hourText = hours < 10 ? "0\(hours)" : "\(hours)"
        guard remainder != 0 else { return sign + hourText }
        return sign + hourText + (remainder < 10 ? ":0\(remainder)" : ":\(remainder)")
    }

    /// Describes how long ago `date` was at `now`: `just now`, `3 min ago`, `2 h 5 min ago`, `3 d 4 h ago`, or a future skew.
    public static func describeAge(of date: Date, now: Date) -> String {
        let seconds = Int((now.timeIntervalSince(date)).rounded(.down))
        if seconds < -60 {
            return "in the future by \(durationDescription(seconds: -seconds)) (clock skew?)"
        }
        if seconds < 60 { return "just now" }
        return "\(durationDescription(seconds: seconds)) ago"
    }

    /// Describes a non-negative duration coarsely: `42 s`, `3 min`, `2 h 5 min`, `3 d 4 h`.
    public static func durationDescription(seconds: Int) -> String {
        let seconds = max(0, seconds)
        if seconds < 60 { return "\(seconds) s" }
        let minutes = seconds / 60
        if minutes < 60 { return "\(minutes) min" }
        let hours = minutes / 60
        if hours < 24 { return minutes % 60 == 0 ? "\(hours) h" : "\(hours) h \(minutes % 60) min" }
        let days = hours / 24
        return hours % 24 == 0 ? "\(days) d" : "\(days) d \(hours % 24) h"
    }

    // MARK: - Byte-level parsing

    private static func parseTimestamp<Bytes: RandomAccessCollection>(bytes: Bytes) -> Int?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        guard bytes.count == timestampLength else { return nil }
        let base = bytes.startIndex
        guard let days = parseDayNumber(bytes: bytes[base ..< base + dayLength]),
              bytes[base + 10] == UInt8(ascii: "T"), bytes[base + 13] == UInt8(ascii: ":"),
              bytes[base + 16] == UInt8(ascii: ":"), bytes[base + 19] == UInt8(ascii: "Z"),
              let hour = twoDigits(bytes, at: base + 11), hour < 24,
              let minute = twoDigits(bytes, at: base + 14), minute < 60,
              let second = twoDigits(bytes, at: base + 17), second < 60
        else { return nil }
        return days * secondsPerDay + hour * 3600 + minute * 60 + second
    }

    private static func parseDayNumber<Bytes: RandomAccessCollection>(bytes: Bytes) -> Int?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        guard bytes.count == dayLength else { return nil }
        let base = bytes.startIndex
        guard let century = twoDigits(bytes, at: base), let yearOfCentury = twoDigits(bytes, at: base + 2),
              bytes[base + 4] == UInt8(ascii: "-"), bytes[base + 7] == UInt8(ascii: "-"),
              let month = twoDigits(bytes, at: base + 5), (1...12).contains(month),
              let day = twoDigits(bytes, at: base + 8), day >= 1
        else { return nil }
        let year = century * 100 + yearOfCentury
        guard day <= daysInMonth(year: year, month: month) else { return nil }
        return daysSinceEpoch(year: year, month: month, day: day)
    }

    private static func twoDigits<Bytes: RandomAccessCollection>(_ bytes: Bytes, at index: Int) -> Int?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let tens = Int(bytes[index]) - 48
        let ones = Int(bytes[index + 1]) - 48
        guard (0...9).contains(tens), (0...9).contains(ones) else { return nil }
        return tens * 10 + ones
    }

    // MARK: - Byte-level formatting

    private static func writeDay(_ civil: (year: Int, month: Int, day: Int), into buffer: UnsafeMutableBufferPointer<UInt8>) {
        let year = min(max(civil.year, 0), 9999)
        writeTwoDigits(year / 100, into: buffer, at: 0)
        writeTwoDigits(year % 100, into: buffer, at: 2)
        buffer[4] = UInt8(ascii: "-")
        writeTwoDigits(civil.month, into: buffer, at: 5)
        buffer[7] = UInt8(ascii: "-")
        writeTwoDigits(civil.day, into: buffer, at: 8)
    }

    private static func writeTwoDigits(_ value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at index: Int) {
        buffer[index] = UInt8(48 + value / 10 % 10)
        buffer[index + 1] = UInt8(48 + value % 10)
    }

    // MARK: - Civil calendar arithmetic (proleptic Gregorian, after H. Hinnant's days_from_civil)

    private static func wholeSeconds(_ date: Date) -> Int {
        Int(date.timeIntervalSince1970.rounded(.down))
    }

    private static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    private static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    private static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 (day 0) to a civil date: Howard Hinnant's `days_from_civil`, the one civil-date
    /// algorithm of the package (SampleProvince's `CivilTime` uses it too).
    package static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day number (`civil_from_days`), the inverse of `daysSinceEpoch`.
    package static func civilDate(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
