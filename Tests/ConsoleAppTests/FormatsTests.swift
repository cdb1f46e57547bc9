import ConsoleApp
import Foundation
import Testing

@Suite("Formats in Vietnamese and English conventions")
struct FormatsTests {
    @Test func countsGroupThousandsPerLanguage() {
        #expect(Formats.count(495_976, .vi) == "495.976")
        #expect(Formats.count(495_976, .en) == "495,976")
        #expect(Formats.count(999, .vi) == "999")
        #expect(Formats.count(1_000, .en) == "1,000")
        #expect(Formats.count(-12_345, .vi) == "-12.345")
    }

    @Test func percentagesUseTheLanguagesDecimalMark() {
        #expect(Formats.percent(0.9523, .vi) == "95,2%")
        #expect(Formats.percent(0.9523, .en) == "95.2%")
        #expect(Formats.percent(1, .en) == "100.0%")
        #expect(Formats.percent(0.00049, .en) == "0.0%")
        #expect(Formats.percent(nil, .vi) == "–")
        #expect(Formats.decimal(12.05, digits: 1, .en) == "12.1" || Formats.decimal(12.05, digits: 1, .en) == "12.0")
        #expect(Formats.decimal(1234.5, digits: 1, .vi) == "1.234,5")
    }

    @Test func clockIsInTheProvinceTimezone() throws {
        let tz = try #require(TimeZone(identifier: "Asia/Ho_Chi_Minh"))
        let date = Date(timeIntervalSince1970: 1_795_417_200)  // 2026-11-23T07:00:00Z
        #expect(Formats.clock(date, tz) == "14:00")
        #expect(Formats.shortDay("2026-11-21") == "21/11")
    }

    @Test func ageReadsNaturally() {
        let t = Date(timeIntervalSince1970: 1_000_000)
        #expect(Formats.age(from: t, to: t.addingTimeInterval(30), .vi) == "vừa xong")
        #expect(Formats.age(from: t, to: t.addingTimeInterval(180), .vi) == "3 phút trước")
        #expect(Formats.age(from: t, to: t.addingTimeInterval(180), .en) == "3 min ago")
        #expect(Formats.age(from: t, to: t.addingTimeInterval(3 * 3600), .en) == "3 h ago")
    }

    @Test func everyUITextExistsInBothLanguages() {
        for text in UIText.allCases {
            #expect(!text.in(.vi).isEmpty, "\(text) has no Vietnamese")
            #expect(!text.in(.en).isEmpty, "\(text) has no English")
        }
        let same = UIText.allCases.filter { $0.in(.vi) == $0.in(.en) }
        #expect(same.isEmpty, "untranslated: \(same)")
    }
}
