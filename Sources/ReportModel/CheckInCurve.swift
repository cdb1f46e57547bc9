import Foundation

/// The morning check-in curve of a node: the share of its enrolled pupils reported by each time of day, for the
/// report day and two days to compare with (the previous school day and the same weekday a week before).
///
/// A row counts (`IndicatorRules`) at its `recorded_at`. A correction rewrites `recorded_at` to the time of the
/// write (docs/SNAPSHOT.md), so a corrected row counts from its correction on: later the same day it moves
/// right on that day's curve, on a later day it leaves that day's curve (the snapshot no longer holds the
/// original time). Today's points after as-of are nil.
public struct CheckInCurve: Sendable, Hashable, Codable {
    /// One day's curve.
    public struct Series: Sendable, Hashable, Codable {
        /// The day ('YYYY-MM-DD').
        public var day: String
        /// Pupils enrolled on the day at the node's active schools.
        public var enrolled: Int
        /// Rows that count recorded by each of `CheckInCurve.minutes` (local time of that day); nil after as-of.
        public var reported: [Int?]
        /// Rows that count recorded by as-of's time of day on that day.
        public var atAsOfTime: Int

        /// Creates a series.
        public init(day: String, enrolled: Int, reported: [Int?], atAsOfTime: Int) {
            self.day = day
            self.enrolled = enrolled
            self.reported = reported
            self.atAsOfTime = atAsOfTime
        }

        /// reported / enrolled at each time (nil after as-of or without pupils).
        public var shares: [Double?] {
            reported.map { count in count.flatMap { enrolled > 0 ? Double($0) / Double(enrolled) : nil } }
        }

        /// The share reported by as-of's time of day; nil without pupils.
        public var shareAtAsOfTime: Double? { enrolled > 0 ? Double(atAsOfTime) / Double(enrolled) : nil }
    }

    /// The times of day sampled, in minutes after local midnight (06:00 to 11:00 every 15 minutes).
    public var minutes: [Int]
    /// As-of's local time of day, in minutes after midnight.
    public var asOfMinute: Int
    /// The report day.
    public var today: Series
    /// The last school day before it (nil: none in the snapshot).
    public var previousDay: Series?
    /// The same weekday a week before, when it was a school day.
    public var lastWeek: Series?

    /// Creates a curve.
    public init(minutes: [Int], asOfMinute: Int, today: Series, previousDay: Series?, lastWeek: Series?) {
        self.minutes = minutes
        self.asOfMinute = asOfMinute
        self.today = today
        self.previousDay = previousDay
        self.lastWeek = lastWeek
    }

    /// The sampled times: 06:00 to 11:00 local, every 15 minutes.
    public static let sampleMinutes = Array(stride(from: 6 * 60, through: 11 * 60, by: 15))

    /// Today's share by now minus `other`'s by the same time of day, in 0–1 units (nil when either is undefined).
    public func headlineDelta(against other: Series?) -> Double? {
        guard let now = today.shareAtAsOfTime, let then = other?.shareAtAsOfTime else { return nil }
        return now - then
    }
}
