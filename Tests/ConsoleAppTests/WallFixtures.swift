@testable import Analytics
import ConsoleApp
import ConsoleCore
import Foundation

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

    /// A wall on `page` after both reports arrived, the second `secondsAgo` before `now`.
    static func state(_ page: WallPage, size: Size, language: Language, secondsAgo: TimeInterval = 1) -> AppState {
        let loaded = ReportFixtures.asOf.addingTimeInterval(240)
        var state = AppState(language: language, themeNames: ["default"], size: size, now: loaded)
        state.wall = WallState(rotateSeconds: 20, now: loaded)
        _ = state.requestLoad()
        _ = state.update(.reportLoaded(generation: state.requestedGeneration, before()))
        _ = state.update(.searchIndexLoaded(ReportFixtures.searchIndex()))
        _ = state.update(.snapshotChanged)
        _ = state.update(.reportLoaded(generation: state.requestedGeneration, after()))
        _ = state.update(.tick(loaded.addingTimeInterval(secondsAgo)))
        state.wall?.step(page.rawValue, now: state.now)
        return state
    }
}
