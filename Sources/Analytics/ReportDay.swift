import Foundation
import SectorData
import GRDB

/// Which day a report's attendance is for, resolved from the as-of instant inside the read transaction.
struct ReportDay {
    /// The as-of instant's local date.
    let asOfDay: String
    /// The day attendance figures are for: the as-of day if a school day, else the last school day before it,
    /// else (before the school year) the as-of day itself with zero figures.
    let day: String
    let isAsOfSchoolDay: Bool
    let isBeforeSchoolYear: Bool
    /// The first school day of the year (the school-year start used for joined / left); nil without school days.
    let yearStart: String?
    /// School days from the first one up to and including `day` (0 before the school year).
    let schoolDaysSoFar: Int
    /// School days in the trend.
    static let trendLength = 30
    /// The last (up to) `trendLength` school days up to `day`, oldest first.
    let trendDays: [String]
    /// The as-of instant as snapshot text (`YYYY-MM-DDTHH:MM:SSZ`).
    let asOfText: String
    /// A replay: as-of is before the snapshot's publication, so rows recorded after as-of are left out on every
    /// day (not only the report day), and the caches, which hold the snapshot as published, are not used.
    var isReplay = false
    /// The report day's local midnight in Unix seconds (nil: `day` is not a date).
    var dayStart: Int64?

    /// `AND +a.recorded_at <= ?` with its argument on a replay (rows recorded after as-of are left out); empty
    /// otherwise. `alias` is the attendance table's prefix (`"a."` or `""`).
    func replayClause(_ alias: String = "") -> (String, [String]) {
        isReplay ? (" AND +\(alias)recorded_at <= ?", [asOfText]) : ("", [])
    }

    /// The SQL condition a `school_days.day` must meet to count: TEXT shaped like `YYYY-MM-DD`.
    static let validDaySQL = "typeof(day) = 'text' AND day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"

    static func resolve(_ db: Database, asOf: Date, zone: TimeZone, publishedAt: Date? = nil) throws -> ReportDay {
        var day = try resolveDays(db, asOf: asOf, zone: zone)
        day.isReplay = publishedAt.map { asOf < $0 } ?? false
        day.dayStart = SnapshotTime.parseDay(day.day, in: zone).map { Int64($0.timeIntervalSince1970) }
        return day
    }

    private static func resolveDays(_ db: Database, asOf: Date, zone: TimeZone) throws -> ReportDay {
        let asOfDay = SnapshotTime.formatDay(asOf, in: zone)
        // Only days written as YYYY-MM-DD text count (`validDaySQL`): a day holding quotes, escapes or control
        // characters (or a number) is never shown, listed or compared. Cached statements: this runs every refresh.
        let first = try ContextQueries.firstSchoolDay(db)
        let last = try ContextQueries.lastSchoolDay(db, onOrBefore: asOfDay)
        let asOfText = SnapshotTime.format(asOf)
        guard let first, let last else {
            return ReportDay(asOfDay: asOfDay, day: asOfDay, isAsOfSchoolDay: false, isBeforeSchoolYear: true,
                             yearStart: first, schoolDaysSoFar: 0, trendDays: [], asOfText: asOfText)
        }
        let soFar = try ContextQueries.schoolDayCount(db, upTo: last)
        let trend = try ContextQueries.schoolDays(db, upTo: last, limit: trendLength)
        return ReportDay(asOfDay: asOfDay, day: last, isAsOfSchoolDay: last == asOfDay, isBeforeSchoolYear: false,
                         yearStart: first, schoolDaysSoFar: soFar, trendDays: trend.reversed(), asOfText: asOfText)
    }
}
