import Foundation
import Testing
@testable import SampleProvince

/// The integer date and timestamp formatter, against Foundation's ISO-8601 formatter as the reference.
@Suite("Civil time")
struct CivilTimeTests {
    @Test func timestampsMatchFoundationForManyInstants() {
        let reference = ISO8601DateFormatter()
        reference.timeZone = TimeZone(identifier: "UTC")
        var random = SeededRandom(seed: 42)
        var instants = [0, 86_399, 86_400, 951_782_400, 1_795_401_000, 4_102_444_799, -1, -86_401]
        for _ in 0..<2_000 { instants.append(random.int(in: -2_000_000_000...4_200_000_000)) }
        for seconds in instants {
            let expected = reference.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            #expect(CivilTime.timestampText(unixSeconds: seconds) == expected)
        }
    }

    @Test func daysRoundTripAndWeekdaysAreRight() {
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            let civil = CivilTime.civil(day: day)
            #expect(CivilTime.day(year: civil.year, month: civil.month, dayOfMonth: civil.dayOfMonth) == day)
        }
        #expect(CivilTime.dateText(day: CivilTime.day(year: 2026, month: 11, dayOfMonth: 23)) == "2026-11-23")
        #expect(CivilTime.weekday(day: CivilTime.day(year: 2026, month: 11, dayOfMonth: 22)) == 0)
        #expect(CivilTime.weekday(day: CivilTime.day(year: 2024, month: 2, dayOfMonth: 29)) == 4)
        #expect(CivilTime.weekday(day: CivilTime.day(year: 1969, month: 12, dayOfMonth: 28)) == 0)
    }

    @Test func provinceDayUsesPlusSevenHours() {
        let utcMidnight = 1_795_392_000
        #expect(CivilTime.dateText(day: CivilTime.provinceDay(unixSeconds: utcMidnight - 7 * 3_600)) == "2026-11-23")
        #expect(CivilTime.dateText(day: CivilTime.provinceDay(unixSeconds: utcMidnight - 7 * 3_600 - 1)) == "2026-11-22")
        let morning = CivilTime.unixSeconds(provinceDay: CivilTime.day(year: 2026, month: 11, dayOfMonth: 23), secondOfDay: 7 * 3_600)
        #expect(morning == utcMidnight)
    }
}
