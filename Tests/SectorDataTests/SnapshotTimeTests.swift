import Foundation
import SectorData
import Testing

@Suite("SnapshotTime: the UTC timestamp and local-day formats")
struct SnapshotTimeTests {
    private let hoChiMinh = TimeZone(identifier: "Asia/Ho_Chi_Minh")
    private let kolkata = TimeZone(identifier: "Asia/Kolkata")

    /// Foundation's ISO-8601 formatter is the independent truth for the UTC format.
    private func isoFormatter() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter
    }

    @Test("parses a known timestamp to the right instant")
    func parsesKnownInstant() {
        let parsed = SnapshotTime.parse("2026-11-23T00:42:00Z")
        #expect(parsed == isoFormatter().date(from: "2026-11-23T00:42:00Z"))
        #expect(parsed?.timeIntervalSince1970 == 1_795_394_520)
        #expect(SnapshotTime.parse("1970-01-01T00:00:00Z")?.timeIntervalSince1970 == 0)
        #expect(SnapshotTime.parse("1969-12-31T23:59:59Z")?.timeIntervalSince1970 == -1)
        #expect(SnapshotTime.parse("2024-02-29T12:00:00Z") != nil)
    }

    @Test("formats and parses agree with ISO8601DateFormatter across four centuries", arguments: 0..<4)
    func roundTripsAgainstFoundation(seedBlock: Int) {
        let formatter = isoFormatter()
        var generator = SplitMix(seed: UInt64(seedBlock) + 1)
        for _ in 0..<500 {
            // 1900-01-01 … 2299-12-31
            let seconds = Int64(generator.next() % 12_622_780_800) - 2_208_988_800
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let text = SnapshotTime.format(date)
            #expect(text == formatter.string(from: date))
            #expect(SnapshotTime.parse(text) == date)
        }
    }

    @Test("drops fractions of a second when formatting")
    func formatDropsFractions() {
        #expect(SnapshotTime.format(Date(timeIntervalSince1970: 59.999)) == "1970-01-01T00:00:59Z")
        #expect(SnapshotTime.format(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
    }

    @Test("rejects everything that is not exactly YYYY-MM-DDTHH:MM:SSZ", arguments: [
        "", "2026-11-23", "2026-11-23T00:42:00", "2026-11-23T00:42:00+07:00", "2026-11-23T00:42:00.5Z",
        "2026-11-23 00:42:00Z", "2026-11-23t00:42:00z", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z", "2026-04-31T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T00:60:00Z",
        "2026-11-23T00:00:60Z", "2026-11-2300:42:00ZZ", "２０２６-11-23T00:42:00Z", "-026-11-23T00:42:00Z",
    ])
    func rejectsMalformed(text: String) {
        #expect(SnapshotTime.parse(text) == nil)
    }

    @Test("text order of formatted timestamps is time order")
    func textOrderIsTimeOrder() {
        var generator = SplitMix(seed: 42)
        for _ in 0..<1000 {
            let first = Date(timeIntervalSince1970: TimeInterval(generator.next() % 4_000_000_000))
            let second = Date(timeIntervalSince1970: TimeInterval(generator.next() % 4_000_000_000))
            #expect((SnapshotTime.format(first) < SnapshotTime.format(second)) == (first < second))
        }
    }

    @Test("the local day follows the province's time zone, not UTC")
    func localDayUsesTimeZone() throws {
        let zone = try #require(hoChiMinh)
        let justBeforeMidnight = try #require(SnapshotTime.parse("2026-11-22T16:59:59Z"))
        let midnight = try #require(SnapshotTime.parse("2026-11-22T17:00:00Z"))
        #expect(SnapshotTime.formatDay(justBeforeMidnight, in: zone) == "2026-11-22")
        #expect(SnapshotTime.formatDay(midnight, in: zone) == "2026-11-23")
        #expect(SnapshotTime.parseDay("2026-11-23", in: zone) == midnight)
        #expect(SnapshotTime.parseDay("2026-11-31", in: zone) == nil)
        #expect(SnapshotTime.parseDay("2026-11-23T00:00:00Z", in: zone) == nil)
    }

    @Test("the local day agrees with Calendar in a zone with daylight saving time")
    func localDayAgreesWithCalendar() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var generator = SplitMix(seed: 7)
        for _ in 0..<300 {
            let date = Date(timeIntervalSince1970: TimeInterval(1_700_000_000 + generator.next() % 100_000_000))
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let expected = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
            let day = SnapshotTime.formatDay(date, in: zone)
            #expect(day == expected)
            #expect(SnapshotTime.parseDay(day, in: zone) == calendar.startOfDay(for: date))
        }
    }

    @Test("local minute shows the offset")
    func localMinute() throws {
        let instant = try #require(SnapshotTime.parse("2026-11-23T00:42:30Z"))
        #expect(SnapshotTime.formatLocalMinute(instant, in: try #require(hoChiMinh)) == "2026-11-23 07:42 (+07)")
        #expect(SnapshotTime.formatLocalMinute(instant, in: try #require(kolkata)) == "2026-11-23 06:12 (+05:30)")
        #expect(SnapshotTime.offsetDescription(seconds: -9000) == "-02:30")
        #expect(SnapshotTime.offsetDescription(seconds: 0) == "+00")
    }

    @Test("ages read like an operator would say them")
    func ages() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(SnapshotTime.describeAge(of: now.addingTimeInterval(-30), now: now) == "just now")
        #expect(SnapshotTime.describeAge(of: now.addingTimeInterval(-180), now: now) == "3 min ago")
        #expect(SnapshotTime.describeAge(of: now.addingTimeInterval(-7500), now: now) == "2 h 5 min ago")
        #expect(SnapshotTime.describeAge(of: now.addingTimeInterval(-3 * 86_400 - 4 * 3600), now: now) == "3 d 4 h ago")
        #expect(SnapshotTime.describeAge(of: now.addingTimeInterval(600), now: now)
                == "in the future by 10 min (clock skew?)")
    }
}
