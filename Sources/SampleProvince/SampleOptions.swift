import Foundation

/// What to generate: size, seed, history, the injected "now", and where the name lists live.
public struct SampleOptions: Sendable, Equatable {
    /// Number of schools (exact). The default is the size of a real province.
    public var schools: Int
    /// Seed of every random choice; same seed and options give the same database content.
    public var seed: UInt64
    /// Number of past school days (before today) that get attendance records.
    public var historyDays: Int
    /// The instant the snapshot is published at; nothing in the generator reads the clock.
    public var now: Date
    /// Make today a school day even on a Sunday, holiday or in summer (the console's bundled sample).
    public var forceSchoolDayToday: Bool
    /// Folder with the name lists (`SampleData/` of the package).
    public var sampleDataDirectory: URL
    /// Province name stored in `meta.province_name` (fictional by default).
    public var provinceName: String
    /// Province code stored in `meta.province_code` and as the root unit's code.
    public var provinceCode: String
    /// ASCII prefix of school codes, e.g. 'HD' in 'HD-THCS-0123'.
    public var schoolCodePrefix: String

    /// Default number of schools (Hải Dương had 856).
    public static let defaultSchools = 850
    /// Allowed number of schools.
    public static let schoolRange = 1...5_000
    /// Allowed number of history days.
    public static let historyDayRange = 0...200

    /// Creates options; only `now` and `sampleDataDirectory` have no default.
    public init(
        now: Date,
        sampleDataDirectory: URL,
        schools: Int = SampleOptions.defaultSchools,
        seed: UInt64 = 1,
        historyDays: Int = 30,
        forceSchoolDayToday: Bool = false,
        provinceName: String = "Hải Đông",
        provinceCode: String = "39",
        schoolCodePrefix: String = "HD"
    ) {
        self.now = now
        self.sampleDataDirectory = sampleDataDirectory
        self.schools = schools
        self.seed = seed
        self.historyDays = historyDays
        self.forceSchoolDayToday = forceSchoolDayToday
        self.provinceName = provinceName
        self.provinceCode = provinceCode
        self.schoolCodePrefix = schoolCodePrefix
    }

    /// Throws `SampleError.invalidOption` when a value is out of range.
    public func validate() throws {
        guard Self.schoolRange.contains(schools) else {
            throw SampleError.invalidOption("schools must be between \(Self.schoolRange.lowerBound) and \(Self.schoolRange.upperBound), got \(schools)")
        }
        guard Self.historyDayRange.contains(historyDays) else {
            throw SampleError.invalidOption("history days must be between \(Self.historyDayRange.lowerBound) and \(Self.historyDayRange.upperBound), got \(historyDays)")
        }
        guard !provinceName.isEmpty, !provinceCode.isEmpty, !schoolCodePrefix.isEmpty else {
            throw SampleError.invalidOption("province name, province code and school code prefix must not be empty")
        }
    }
}
