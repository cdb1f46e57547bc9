import Foundation
import Testing
@testable import SampleProvince

/// The school-year calendar, as pure values.
@Suite("School calendar")
struct SchoolCalendarTests {
    private func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Int {
        CivilTime.day(year: year, month: month, dayOfMonth: dayOfMonth)
    }

    @Test(arguments: [
        ((2026, 11, 23), "2026-2027"), ((2027, 3, 1), "2026-2027"), ((2026, 9, 4), "2025-2026"),
        ((2026, 9, 5), "2026-2027"), ((2027, 7, 15), "2026-2027"), ((2025, 1, 10), "2024-2025"),
    ])
    func schoolYearStartsOnTheFifthOfSeptember(date: (Int, Int, Int), label: String) {
        let calendar = SchoolCalendar(today: day(date.0, date.1, date.2), forceSchoolDayToday: false)
        #expect(calendar.schoolYearLabel == label)
    }

    @Test func teachingDaysAreMondayToSaturdayOutsideHolidays() {
        let calendar = SchoolCalendar(today: day(2026, 11, 23), forceSchoolDayToday: false)
        #expect(calendar.schoolDays == calendar.schoolDays.sorted())
        #expect(Set(calendar.schoolDays).count == calendar.schoolDays.count)
        #expect(calendar.schoolDays.allSatisfy { CivilTime.weekday(day: $0) != 0 })
        #expect(calendar.schoolDays.first == day(2026, 9, 5))
        #expect(calendar.schoolDays.last == day(2027, 5, 31))
        for closed in [day(2027, 1, 1), day(2027, 2, 1), day(2027, 2, 6), day(2027, 2, 11), day(2027, 4, 30), day(2027, 5, 1)] {
            #expect(!calendar.schoolDays.contains(closed))
        }
        for open in [day(2027, 1, 4), day(2027, 1, 30), day(2027, 2, 12), day(2026, 11, 21)] {
            #expect(calendar.schoolDays.contains(open))
        }
        #expect((200...240).contains(calendar.schoolDays.count))
        #expect(calendar.isSchoolDayToday)
    }

    @Test func pastSchoolDaysAreTheMostRecentBeforeToday() {
        let calendar = SchoolCalendar(today: day(2026, 11, 23), forceSchoolDayToday: false)
        let past = calendar.pastSchoolDays(count: 5)
        #expect(past == [day(2026, 11, 17), day(2026, 11, 18), day(2026, 11, 19), day(2026, 11, 20), day(2026, 11, 21)])
        #expect(calendar.pastSchoolDays(count: 0).isEmpty)
        #expect(calendar.schoolDaysSoFar.last == day(2026, 11, 23))
    }

    @Test func forcingAddsTodayOnlyWhenNeeded() {
        let sunday = day(2026, 11, 22)
        let plain = SchoolCalendar(today: sunday, forceSchoolDayToday: false)
        let forced = SchoolCalendar(today: sunday, forceSchoolDayToday: true)
        #expect(!plain.isSchoolDayToday && !plain.schoolDays.contains(sunday))
        #expect(forced.isSchoolDayToday && forced.schoolDays.contains(sunday))
        #expect(forced.schoolDays.count == plain.schoolDays.count + 1)
        #expect(forced.schoolDays == forced.schoolDays.sorted())
        let monday = day(2026, 11, 23)
        #expect(SchoolCalendar(today: monday, forceSchoolDayToday: true).schoolDays
                == SchoolCalendar(today: monday, forceSchoolDayToday: false).schoolDays)
    }

    @Test func summerBelongsToTheYearThatEnded() {
        let july = day(2027, 7, 15)
        let forced = SchoolCalendar(today: july, forceSchoolDayToday: true)
        #expect(forced.startYear == 2026)
        #expect(forced.schoolDays.last == july)
        #expect(forced.pastSchoolDays(count: 1) == [day(2027, 5, 31)])
    }
}
