/// The teaching calendar of one Vietnamese school year, as province-local day numbers (days since 1970-01-01).
///
/// The year runs from 5 September (opening day, *khai giảng*) to 31 May. Teaching days are Monday to
/// Saturday, except the Tết break (five days either side of the lunar new year) and the solar national
/// holidays that fall in term (1 January, 30 April, 1 May). A school year whose Tết date is not in the
/// table uses 5 February as an approximation.
public struct SchoolCalendar: Sendable, Equatable {
    /// Calendar year in which the school year starts (2026 for '2026-2027').
    public let startYear: Int
    /// Opening day of the school year (5 September of `startYear`).
    public let openingDay: Int
    /// Last day of the school year (31 May of the following year).
    public let closingDay: Int
    /// The province-local day treated as "today".
    public let today: Int
    /// Every teaching day of the school year, ascending; includes `today` when it was forced.
    public let schoolDays: [Int]
    /// Whether `today` is a teaching day (naturally or forced).
    public let isSchoolDayToday: Bool

    /// Lunar new year's day (Mùng 1 Tết) by Gregorian year.
    static let lunarNewYear: [(year: Int, month: Int, day: Int)] = [
        (2024, 2, 10), (2025, 1, 29), (2026, 2, 17), (2027, 2, 6), (2028, 1, 26),
        (2029, 2, 13), (2030, 2, 3), (2031, 1, 23), (2032, 2, 11),
    ]

    /// Days before and after lunar new year's day that schools are closed.
    static let tetHalfWidth = 5

    /// Builds the calendar of the school year containing `today`; `forceSchoolDayToday` adds today if needed.
    ///
    /// The school year containing a day is the one whose opening day (5 September) is the latest not after
    /// it, so summer days belong to the year that just ended.
    public init(today: Int, forceSchoolDayToday: Bool) {
        let civilToday = CivilTime.civil(day: today)
        let openingThisYear = CivilTime.day(year: civilToday.year, month: 9, dayOfMonth: 5)
        let startYear = today >= openingThisYear ? civilToday.year : civilToday.year - 1
        let openingDay = CivilTime.day(year: startYear, month: 9, dayOfMonth: 5)
        let closingDay = CivilTime.day(year: startYear + 1, month: 5, dayOfMonth: 31)
        let holidays = Self.holidays(startYear: startYear)
        var days: [Int] = []
        for day in openingDay...closingDay where CivilTime.weekday(day: day) != 0 && !holidays.contains(day) {
            days.append(day)
        }
        let naturally = days.contains(today)
        if forceSchoolDayToday && !naturally {
            days.append(today)
            days.sort()
        }
        self.startYear = startYear
        self.openingDay = openingDay
        self.closingDay = closingDay
        self.today = today
        self.schoolDays = days
        self.isSchoolDayToday = naturally || forceSchoolDayToday
    }

    /// The school year label, e.g. '2026-2027'.
    public var schoolYearLabel: String { "\(startYear)-\(startYear + 1)" }

    /// Up to `count` teaching days strictly before today, ascending (the most recent ones).
    public func pastSchoolDays(count: Int) -> [Int] {
        let past = schoolDays.filter { $0 < today }
        return Array(past.suffix(max(0, count)))
    }

    /// Teaching days so far: those not after today, ascending.
    public var schoolDaysSoFar: [Int] { schoolDays.filter { $0 <= today } }

    /// `YYYY-MM-DD` for a day number.
    public static func dateText(day: Int) -> String { CivilTime.dateText(day: day) }

    /// The province-local day (Asia/Ho_Chi_Minh) containing Unix time `unixSeconds`.
    public static func provinceDay(unixSeconds: Int) -> Int { CivilTime.provinceDay(unixSeconds: unixSeconds) }

    /// The closed days of the school year starting in `startYear` (used for membership only).
    static func holidays(startYear: Int) -> Set<Int> {
        let tetYear = startYear + 1
        let tet = lunarNewYear.first { $0.year == tetYear }
        let tetDay = CivilTime.day(year: tetYear, month: tet?.month ?? 2, dayOfMonth: tet?.day ?? 5)
        var closed = Set((tetDay - tetHalfWidth)...(tetDay + tetHalfWidth))
        closed.insert(CivilTime.day(year: startYear, month: 9, dayOfMonth: 2))
        closed.insert(CivilTime.day(year: tetYear, month: 1, dayOfMonth: 1))
        closed.insert(CivilTime.day(year: tetYear, month: 4, dayOfMonth: 30))
        closed.insert(CivilTime.day(year: tetYear, month: 5, dayOfMonth: 1))
        return closed
    }
}
