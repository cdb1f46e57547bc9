import Foundation
import Testing
import TestSupport
@testable import SampleProvince

/// The default province, built in memory only (no database), has the size and mix of a real one.
@Suite("Default province scale")
struct ProvinceScaleTests {
    @Test func defaultProvinceHasRealSizesAndMix() throws {
        let options = SampleFixtures.options(schools: SampleOptions.defaultSchools, seed: 1, now: SampleFixtures.mondayMorning,
                                             historyDays: 30, forceSchoolDayToday: false)
        let names = try SampleNameLists(directory: options.sampleDataDirectory)
        let calendar = SchoolCalendar(today: CivilTime.provinceDay(unixSeconds: 1_795_401_000), forceSchoolDayToday: false)
        let province = ProvinceBlueprint(options: options, names: names, calendar: calendar, nowSeconds: 1_795_401_000)

        #expect(province.schools.count == 850)
        #expect((85...95).contains(province.units.count - 1))
        #expect(province.units.contains { $0.kind == "ward" } && province.units.contains { $0.kind == "commune" })
        #expect((460_000...540_000).contains(province.students.count), "students: \(province.students.count)")
        let teachers = province.schools.map(\.teacherCount).reduce(0, +)
        #expect((26_000...34_000).contains(teachers), "teachers: \(teachers)")
        let privateShare = Double(province.schools.filter(\.isPrivate).count) / 850
        #expect((0.05...0.10).contains(privateShare), "private: \(privateShare)")
        let closed = province.schools.filter(\.isClosed).count
        #expect((2...10).contains(closed))
        let count = { (level: SchoolLevel) in province.schools.filter { $0.level == level }.count }
        #expect(count(.preschool) > count(.lowerSecondary) && count(.lowerSecondary) > count(.upperSecondary))
        #expect(count(.multiLevel) > 0 && count(.continuingEducation) > 0)
        let gates = province.schools.filter(\.hasGate).count
        #expect((60...110).contains(gates))
        #expect(province.schools.filter { !$0.reportsAttendance && !$0.isClosed }.count >= 5)
        #expect(Set(province.schools.map(\.code)).count == 850)
        #expect(province.schools.allSatisfy { $0.code.hasPrefix("HD-") })
        #expect(province.classes.contains { $0.name == "6A1" } && province.classes.contains { $0.name.hasPrefix("Lớp Chồi") })
    }
}
