import Foundation
import SampleProvince

/// Small generated sample provinces for tests, generated once per test process per distinct options.
///
/// `snapshot(...)` returns a shared, cached file: treat it as read-only. Use `freshSnapshot(...)` for a
/// file the test may modify or delete.
public enum SampleFixtures {
    /// The package's `SampleData/` folder (found from this source file's location).
    public static let sampleDataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("SampleData", isDirectory: true)

    /// Monday 2026-11-23 09:30 in the province (02:30 UTC): a school day after the morning check-ins.
    public static let mondayMorning = Date(timeIntervalSince1970: 1_795_401_000)

    /// Options identifying one cached sample.
    public struct Key: Hashable, Sendable {
        /// Number of schools.
        public let schools: Int
        /// Generator seed.
        public let seed: UInt64
        /// Injected "now", as Unix seconds.
        public let nowSeconds: Double
        /// Past school days with attendance.
        public let historyDays: Int
        /// Whether today is forced to be a school day.
        public let forceSchoolDayToday: Bool
    }

    /// The options the generator gets for a fixture.
    public static func options(schools: Int, seed: UInt64, now: Date, historyDays: Int, forceSchoolDayToday: Bool) -> SampleOptions {
        SampleOptions(now: now, sampleDataDirectory: sampleDataDirectory, schools: schools, seed: seed,
                      historyDays: historyDays, forceSchoolDayToday: forceSchoolDayToday)
    }

    /// A cached sample snapshot for these options (generated on first request in this process). Read-only.
    public static func snapshot(schools: Int = 20, seed: UInt64 = 1, now: Date = mondayMorning, historyDays: Int = 10,
                                forceSchoolDayToday: Bool = false) async throws -> URL {
        let key = Key(schools: schools, seed: seed, nowSeconds: now.timeIntervalSince1970, historyDays: historyDays,
                      forceSchoolDayToday: forceSchoolDayToday)
        return try await cache.snapshot(for: key)
    }

    /// A newly generated sample in its own temporary folder; the caller owns (and may change) the file.
    public static func freshSnapshot(schools: Int = 20, seed: UInt64 = 1, now: Date = mondayMorning, historyDays: Int = 10,
                                     forceSchoolDayToday: Bool = false) throws -> URL {
        let directory = try makeTemporaryDirectory()
        let target = directory.appendingPathComponent("sample.sqlite")
        let generator = SampleGenerator(options: options(schools: schools, seed: seed, now: now, historyDays: historyDays,
                                                         forceSchoolDayToday: forceSchoolDayToday))
        _ = try generator.generate(to: target)
        return target
    }

    /// A new empty folder in the test process's scratch folder (removed when the process exits).
    public static func makeTemporaryDirectory() throws -> URL {
        try TestScratch.makeDirectory("sample")
    }

    private static let cache = Cache()

    /// Generated files by options; generation runs inside the actor, so one set of options is built once.
    private actor Cache {
        private var files: [Key: URL] = [:]

        func snapshot(for key: Key) throws -> URL {
            if let file = files[key] { return file }
            let file = try freshSnapshot(schools: key.schools, seed: key.seed, now: Date(timeIntervalSince1970: key.nowSeconds),
                                         historyDays: key.historyDays, forceSchoolDayToday: key.forceSchoolDayToday)
            files[key] = file
            return file
        }
    }
}
