import Analytics
import Foundation
import ReportModel
import Testing
import TestSupport

/// Text and JSON renderings: sanitised names, nulls for undefined rates, labelled days off.
@Suite struct ReportRenderingTests {
    @Test func hostileNamesAreSanitisedInText() throws {
        var b = AnalyticsFixtures.Builder()
        b.unit(1, "P01", "Tỉnh\u{1B}]0;pwned\u{07} Thử", kind: "province", parent: nil)
        b.unit(2, "X01", "Xã \u{202E}gnưH", kind: "commune", parent: 1)
        b.school(1, "S01", "Trường\u{1B}[2J\u{9B}31m Một", unit: 2, level: "primary")
        b.schoolDays(["2025-10-08"])
        let path = AnalyticsFixtures.temporaryPath("hostile.sqlite")
        try b.write(to: path)
        let engine = AnalyticsEngine(reader: try AnalyticsEngine.openSnapshot(path: path))
        let asOf = AnalyticsFixtures.instant(AnalyticsFixtures.richAsOf)
        for node in [nil, try engine.node(code: "X01"), try engine.node(code: "S01")] as [NodeRef?] {
            let text = ReportText.render(try engine.report(for: node, asOf: asOf))
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x202E })
        }
        let text = ReportText.render(try engine.report(for: try engine.node(code: "S01"), asOf: asOf))
        #expect(text.contains("Trường[2J31m Một"))  // visible, harmless remains
        let json = String(decoding: try ReportJSON.data(try engine.report(for: nil, asOf: asOf)), as: UTF8.self)
        #expect(!json.unicodeScalars.contains { $0.value == 0x1B })  // JSON escapes controls as \u001b
    }

    @Test func undefinedRatesAreNullInJSON() throws {
        let path = AnalyticsFixtures.temporaryPath("nulls.sqlite")
        try AnalyticsFixtures.buildRichProvince(at: path)
        let engine = AnalyticsEngine(reader: try AnalyticsEngine.openSnapshot(path: path))
        let asOf = AnalyticsFixtures.instant(AnalyticsFixtures.richAsOf)
        let object = ReportJSON.object(try engine.report(for: try engine.node(code: "X03"), asOf: asOf))
        let attendance = try #require(object["attendance"] as? [String: Any])
        #expect(attendance["rate"] is NSNull && attendance["completeness"] is NSNull)
        #expect(attendance["enrolled"] as? Int == 0)
        let devices = try #require(object["devices"] as? [String: Any])
        #expect(devices["learners_per_computer"] is NSNull)
        let sunday = ReportJSON.object(try engine.report(for: nil, asOf: AnalyticsFixtures.instant(AnalyticsFixtures.sundayAsOf)))
        #expect(sunday["is_school_day"] as? Bool == false && sunday["day"] as? String == "2025-10-10")
        let text = ReportText.render(try engine.report(for: nil, asOf: AnalyticsFixtures.instant(AnalyticsFixtures.beforeYearAsOf)))
        #expect(text.contains("the school year has not started on 2025-09-01"))
    }
}
