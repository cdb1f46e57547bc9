import Foundation
import ReportModel

/// A device kind and status, the key of `Tally.devices`.
struct DeviceKind: Hashable, Sendable {
    let kind: String
    let status: String
}

/// Additive counts for one class, school or group of schools; rolled up by summing, then turned into figures.
/// Every figure of a parent is the sum of its children's tallies, so totals and children always agree.
struct Tally {
    // Enrollment (as of the report day).
    var enrolled = 0, female = 0, male = 0, joined = 0
    var leftByReason: [String: Int] = [:]
    var byGrade: [Int: Int] = [:]
    var byLevel: [String: Int] = [:]
    var teachers = 0
    var classes = 0
    var intakePlanned: [Int: Int] = [:]
    var intakeEnrolled: [Int: Int] = [:]
    // Attendance (report day).
    var present = 0, late = 0, excused = 0, unexcused = 0
    var unreported = 0
    var chronic = 0
    var schoolsTotal = 0, schoolsReporting = 0
    // Devices.
    /// Devices by kind and status (flat, so rolling up does not merge nested dictionaries).
    var devices: [DeviceKind: Int] = [:]
    var computersWorking = 0, computersTotal = 0, projectorsWorking = 0
    var camerasOnline = 0, camerasTotal = 0, gatesOnline = 0, gatesTotal = 0
    // Connectivity (active schools).
    var good = 0, moderate = 0, offline = 0, unknown = 0
    var downloads: [Double] = []
    var latencies: [Double] = []
    var offlineSchools: [OfflineSchool] = []

    var reported: Int { present + late + excused + unexcused }

    /// Adds `n` rows of `status` to the day's counts.
    mutating func add(_ n: Int, _ status: AttendanceStatus) {
        switch status {
        case .present: present += n
        case .late: late += n
        case .excused: excused += n
        case .unexcused: unexcused += n
        }
    }

    /// Adds `o`'s counts; merging into an empty collection takes the other's (no per-key work).
    mutating func add(_ o: Tally) {
        enrolled += o.enrolled; female += o.female; male += o.male; joined += o.joined
        Self.merge(&leftByReason, o.leftByReason)
        Self.merge(&byGrade, o.byGrade)
        Self.merge(&byLevel, o.byLevel)
        teachers += o.teachers; classes += o.classes
        Self.merge(&intakePlanned, o.intakePlanned)
        Self.merge(&intakeEnrolled, o.intakeEnrolled)
        schoolsTotal += o.schoolsTotal
        Self.merge(&devices, o.devices)
        computersWorking += o.computersWorking; computersTotal += o.computersTotal
        projectorsWorking += o.projectorsWorking
        camerasTotal += o.camerasTotal; gatesTotal += o.gatesTotal
        addDynamic(o)
    }

    /// Adds only what changes with every refresh: the day's attendance, cameras and gates seen, connectivity.
    /// `add` is `addDynamic` plus the enrollment, staff and device counts that change only with the roster.
    mutating func addDynamic(_ o: Tally) {
        present += o.present; late += o.late; excused += o.excused; unexcused += o.unexcused
        unreported += o.unreported; chronic += o.chronic; schoolsReporting += o.schoolsReporting
        camerasOnline += o.camerasOnline; gatesOnline += o.gatesOnline
        good += o.good; moderate += o.moderate; offline += o.offline; unknown += o.unknown
        downloads += o.downloads; latencies += o.latencies
        offlineSchools += o.offlineSchools
    }

    /// This tally without what `addDynamic` adds (kept summed per branch while the roster stands).
    var staticPart: Tally {
        var t = self
        t.present = 0; t.late = 0; t.excused = 0; t.unexcused = 0
        t.unreported = 0; t.chronic = 0; t.schoolsReporting = 0
        t.camerasOnline = 0; t.gatesOnline = 0
        t.good = 0; t.moderate = 0; t.offline = 0; t.unknown = 0
        t.downloads = []; t.latencies = []; t.offlineSchools = []
        return t
    }

    private static func merge<K: Hashable>(_ target: inout [K: Int], _ other: [K: Int]) {
        if target.isEmpty { target = other } else if !other.isEmpty { target.merge(other, uniquingKeysWith: +) }
    }

    // MARK: Figures

    func attendance(day: ReportDay, trend: [DayRate]) -> AttendanceFigures {
        let reported = self.reported
        return AttendanceFigures(
            day: day.day, isAsOfSchoolDay: day.isAsOfSchoolDay, enrolled: enrolled, present: present, late: late,
            excused: excused, unexcused: unexcused, unreported: unreported,
            rate: reported > 0 ? Double(present + late) / Double(reported) : nil,
            completeness: enrolled > 0 ? Double(reported) / Double(enrolled) : nil,
            schoolsReporting: schoolsReporting, schoolsTotal: schoolsTotal, chronicAbsent: chronic, trend: trend,
            isBeforeSchoolYear: day.isBeforeSchoolYear, asOfDay: day.asOfDay, schoolDaysSoFar: day.schoolDaysSoFar)
    }

    func enrollment() -> EnrollmentFigures {
        let intake = intakePlanned.keys.sorted().map {
            IntakeFigure(grade: $0, planned: intakePlanned[$0] ?? 0, enrolled: intakeEnrolled[$0] ?? 0)
        }
        return EnrollmentFigures(
            enrolled: enrolled, female: female, male: male, byLevel: byLevel, byGrade: byGrade, joined: joined,
            left: leftByReason.values.reduce(0, +), leftByReason: leftByReason, intake: intake, teachers: teachers,
            pupilTeacherRatio: teachers > 0 ? Double(enrolled) / Double(teachers) : nil)
    }

    func deviceFigures() -> DeviceFigures {
        DeviceFigures(
            byKindAndStatus: devices.reduce(into: [:]) { $0[$1.key.kind, default: [:]][$1.key.status, default: 0] += $1.value }, computersWorking: computersWorking, computersTotal: computersTotal,
            learnersPerComputer: computersWorking > 0 ? Double(enrolled) / Double(computersWorking) : nil,
            projectorsWorking: projectorsWorking,
            projectorsPerClass: classes > 0 ? Double(projectorsWorking) / Double(classes) : nil,
            camerasOnline: camerasOnline, camerasTotal: camerasTotal, gatesOnline: gatesOnline, gatesTotal: gatesTotal)
    }

    func connectivityFigures(status: ConnectivityStatus?) -> ConnectivityFigures {
        ConnectivityFigures(
            good: good, moderate: moderate, offline: offline, unknown: unknown,
            medianDownloadMbps: Self.median(downloads), medianLatencyMs: Self.median(latencies),
            offlineSchools: offlineSchools.sorted {
                switch ($0.since, $1.since) {
                case let (a?, b?): return a != b ? a < b : $0.school.code < $1.school.code
                case (nil, .some): return false
                case (.some, nil): return true
                case (nil, nil): return $0.school.code < $1.school.code
                }
            },
            status: status)
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let mid = s.count / 2
        return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
    }
}
