@testable import Analytics
import ConsoleApp
import ConsoleCore
import Foundation
import ReportModel

/// Reports and states for the wall: the fixture province with offline schools and schools not yet reported,
/// then a refresh where figures moved, an alert resolved and one appeared.
enum WallFixtures {
    /// The province before the refresh.
    static func before() -> NodeReport {
        var report = ReportFixtures.provinceReport()
        report.figures.connectivity.offline = 2
        report.figures.connectivity.good = 1
        report.figures.connectivity.offlineSchools = [
            OfflineSchool(school: ReportFixtures.schools[1], since: ReportFixtures.asOf.addingTimeInterval(-135 * 60)),
            OfflineSchool(school: ReportFixtures.schools[0], since: ReportFixtures.asOf.addingTimeInterval(-40 * 60)),
        ]
        report.figures.attendance.schoolsReporting = 1
        report.schoolsNotReporting = [
            SchoolProgress(school: ReportFixtures.schools[1], place: "Phường Nguyễn Trãi", enrolled: 340, reported: 12),
            SchoolProgress(school: ReportFixtures.schools[0], place: "Phường Nguyễn Trãi", enrolled: 180, reported: 61),
        ]
        return report
    }

    /// The province after the refresh: rate and completeness up, one more school reporting, one school back
    /// online (its alert resolved), a new low-completeness alert, and one commune's rate moved.
    static func after() -> NodeReport {
        var report = before()
        report.figures.attendance.present += 6
        report.figures.attendance.unreported -= 6
        report.figures.attendance.rate = 0.9812
        report.figures.attendance.completeness = 0.32
        report.figures.attendance.schoolsReporting = 2
        report.figures.connectivity.offline = 1
        report.figures.connectivity.offlineSchools.removeLast()
        report.children[1].attendance.rate = 0.7
        report.alerts.removeAll { $0.kind == .schoolOffline && $0.node == ReportFixtures.schools[0] }
        report.alerts.append(Alert(kind: .lowCompleteness, node: ReportFixtures.schools[1], message: "low completeness",
                                   value: 0.035, threshold: 0.8))
        report.schoolsNotReporting.removeLast()
        return report
    }

    /// A morning's curve at 08:00 local (the fixture's clock says 14:04; the curve keeps its own as-of):
    /// today a little ahead of the previous day and behind last week.
    static func curve() -> CheckInCurve {
        let minutes = CheckInCurve.sampleMinutes
        func series(_ day: String, _ shift: Double, until: Int? = nil) -> CheckInCurve.Series {
            let counts: [Int?] = minutes.map { minute in
                if let until, minute > until { return nil }
                let x = Double(minute - 390) / 60  // 06:30 = 0
                return Int(300 * min(0.98, max(0, 0.5 + 0.5 * tanh(1.6 * (x - 0.9 + shift)))))
            }
            return CheckInCurve.Series(day: day, enrolled: 300, reported: counts,
                                       atAsOfTime: minutes.firstIndex(of: 480).flatMap { counts[$0] } ?? 0)
        }
        return CheckInCurve(minutes: minutes, asOfMinute: 480, today: series("2026-11-23", 0, until: 480),
                            previousDay: series("2026-11-21", -0.25), lastWeek: series("2026-11-16", 0.3))
    }

    /// A wall on `page` after both reports arrived, the second `secondsAgo` before `now`.
    static func state(_ page: WallPage, size: Size, language: Language, secondsAgo: TimeInterval = 1) -> AppState {
        let loaded = ReportFixtures.asOf.addingTimeInterval(240)
        var state = AppState(language: language, themeNames: ["default"], size: size, now: loaded)
        state.wall = WallState(rotateSeconds: 20, now: loaded)
        _ = state.requestLoad()
        _ = state.update(.reportLoaded(generation: state.requestedGeneration, before()))
        _ = state.update(.checkInLoaded(code: nil, curve()))
        _ = state.update(.searchIndexLoaded(ReportFixtures.searchIndex()))
        _ = state.update(.snapshotChanged)
        _ = state.update(.reportLoaded(generation: state.requestedGeneration, after()))
        _ = state.update(.tick(loaded.addingTimeInterval(secondsAgo)))
        state.wall?.step(page.rawValue, now: state.now)
        return state
    }
}
