import SectorData

/// Integer civil-calendar arithmetic and the snapshot's text formats, without Foundation formatters.
///
/// Days are counted from 1970-01-01 (day 0); seconds are Unix seconds. Dates are written
/// `YYYY-MM-DD`, timestamps in UTC as `YYYY-MM-DDTHH:MM:SSZ` (so text order is time order).
/// The calendar arithmetic is SectorData's (`SnapshotTime.daysSinceEpoch` / `civilDate(fromDays:)`); this adds
/// the province offset and allocation-free formatting for the generator's hot path.
enum CivilTime {
    /// Seconds per day.
    static let secondsPerDay = 86_400

    /// The province's UTC offset (Asia/Ho_Chi_Minh has no daylight saving time).
    static let provinceOffsetSeconds = 7 * 3_600

    /// The day number of a civil date.
    static func day(year: Int, month: Int, dayOfMonth: Int) -> Int {
        SnapshotTime.daysSinceEpoch(year: year, month: month, day: dayOfMonth)
    }

    /// The civil date of a day number.
    static func civil(day: Int) -> (year: Int, month: Int, dayOfMonth: Int) {
        let date = SnapshotTime.civilDate(fromDays: day)
        return (date.year, date.month, date.day)
    }

    /// Day of week: 0 = Sunday … 6 = Saturday.
    static func weekday(day: Int) -> Int {
        let remainder = (day + 4) % 7
        return remainder >= 0 ? remainder : remainder + 7
    }

    /// The province-local day that contains the instant `unixSeconds`.
    static func provinceDay(unixSeconds: Int) -> Int {
        floorDivide(unixSeconds + provinceOffsetSeconds, secondsPerDay)
    }

    /// The Unix seconds of a province-local wall-clock time on `day`.
    static func unixSeconds(provinceDay day: Int, secondOfDay: Int) -> Int {
        day * secondsPerDay + secondOfDay - provinceOffsetSeconds
    }

    /// `YYYY-MM-DD` for a day number.
    static func dateText(day: Int) -> String {
        let date = civil(day: day)
        return fourDigits(date.year) + "-" + twoDigits(date.month) + "-" + twoDigits(date.dayOfMonth)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` for Unix seconds.
    static func timestampText(unixSeconds: Int) -> String {
        var bytes = [UInt8](repeating: 0, count: timestampLength)
        bytes.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { writeTimestamp(unixSeconds: unixSeconds, into: base) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Length in bytes of a timestamp text.
    static let timestampLength = 20

    /// Writes the 20 bytes of a timestamp into `buffer` (no terminator). Allocation-free: the hot path.
    static func writeTimestamp(unixSeconds: Int, into buffer: UnsafeMutablePointer<UInt8>) {
        let day = floorDivide(unixSeconds, secondsPerDay)
        let secondOfDay = unixSeconds - day * secondsPerDay
        let date = civil(day: day)
        writeDigits(date.year, count: 4, into: buffer)
        buffer[4] = UInt8(ascii: "-")
        writeDigits(date.month, count: 2, into: buffer + 5)
        buffer[7] = UInt8(ascii: "-")
        writeDigits(date.dayOfMonth, count: 2, into: buffer + 8)
        buffer[10] = UInt8(ascii: "T")
        writeDigits(secondOfDay / 3_600, count: 2, into: buffer + 11)
        buffer[13] = UInt8(ascii: ":")
        writeDigits(secondOfDay / 60 % 60, count: 2, into: buffer + 14)
        buffer[16] = UInt8(ascii: ":")
        writeDigits(secondOfDay % 60, count: 2, into: buffer + 17)
        buffer[19] = UInt8(ascii: "Z")
    }

    private static func writeDigits(_ value: Int, count: Int, into buffer: UnsafeMutablePointer<UInt8>) {
        var remaining = value
        for index in stride(from: count - 1, through: 0, by: -1) {
            buffer[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
    }

    private static func floorDivide(_ numerator: Int, _ denominator: Int) -> Int {
        let quotient = numerator / denominator
        return (numerator % denominator < 0) ? quotient - 1 : quotient
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private static func fourDigits(_ value: Int) -> String {
        let text = "\(value)"
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }
}
