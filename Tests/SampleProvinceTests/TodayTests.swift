import Foundation
import Testing
import TestSupport

/// Today's partial day, and forcing today to be a school day.
@Suite("Today")
struct TodayTests {
    /// Monday 2026-11-23 07:00 in the province (00:00 UTC).
    static let mondaySeven = Date(timeIntervalSince1970: 1_795_392_000)
    /// Sunday 2026-11-22 10:00 in the province.
    static let sundayTen = Date(timeIntervalSince1970: 1_795_316_400)
    /// Saturday 2027-02-06 10:00 in the province: lunar new year's day.
    static let tetTen = Date(timeIntervalSince1970: 1_801_882_800)

    @Test func atSevenOnlyTheGateWaveHasArrived() async throws {
        let db = try await SampleFixtures.snapshot(schools: 20, seed: 4, now: Self.mondaySeven, historyDays: 2)
        let today = "'2026-11-23'"
        let recorded = try SQLiteShell.integer(db, "SELECT count(*) FROM attendance WHERE day = \(today);")
        let enrolled = try SQLiteShell.integer(db, """
            SELECT count(*) FROM students WHERE enrolled_on <= \(today) AND (left_on IS NULL OR left_on > \(today));
            """)
        let yesterday = try SQLiteShell.integer(db, "SELECT count(*) FROM attendance WHERE day = '2026-11-21';")
        #expect(recorded > 0)
        #expect(recorded < enrolled / 2)
        #expect(recorded < yesterday)
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM attendance WHERE day = \(today) AND recorded_at > '2026-11-23T00:00:00Z';") == 0)
        #expect(try SQLiteShell.lines(db, "SELECT DISTINCT source FROM attendance WHERE day = \(today);") == ["gate"])
        #expect(try SQLiteShell.integer(db, "SELECT count(*) FROM school_days WHERE day = \(today);") == 1)
    }

    @Test func sundayIsASchoolDayOnlyWhenForced() async throws {
        let forced = try await SampleFixtures.snapshot(schools: 12, seed: 2, now: Self.sundayTen, historyDays: 2, forceSchoolDayToday: true)
        let plain = try await SampleFixtures.snapshot(schools: 12, seed: 2, now: Self.sundayTen, historyDays: 2)
        let sunday = "'2026-11-22'"
        #expect(try SQLiteShell.integer(forced, "SELECT count(*) FROM school_days WHERE day = \(sunday);") == 1)
        #expect(try SQLiteShell.integer(forced, "SELECT count(*) FROM attendance WHERE day = \(sunday);") > 100)
        #expect(try SQLiteShell.integer(forced, "SELECT count(*) FROM school_days WHERE strftime('%w', day) = '0';") == 1)
        #expect(try SQLiteShell.integer(plain, "SELECT count(*) FROM school_days WHERE day = \(sunday);") == 0)
        #expect(try SQLiteShell.integer(plain, "SELECT count(*) FROM attendance WHERE day = \(sunday);") == 0)
        #expect(try SQLiteShell.lines(plain, "SELECT DISTINCT day FROM attendance ORDER BY day;") == ["2026-11-20", "2026-11-21"])
    }

    @Test func tetDayIsForcedButTheRestOfTheBreakStaysClosed() async throws {
        let db = try await SampleFixtures.snapshot(schools: 12, seed: 2, now: Self.tetTen, historyDays: 3, forceSchoolDayToday: true)
        #expect(try SQLiteShell.lines(db, "SELECT day FROM school_days WHERE day BETWEEN '2027-02-01' AND '2027-02-11';") == ["2027-02-06"])
        #expect(try SQLiteShell.lines(db, "SELECT DISTINCT day FROM attendance ORDER BY day;")
                == ["2027-01-28", "2027-01-29", "2027-01-30", "2027-02-06"])
    }
}
