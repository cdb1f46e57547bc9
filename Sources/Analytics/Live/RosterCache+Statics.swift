import Foundation
import ReportModel
import SectorData

/// What a unit report's held static sums are keyed on and hold, per roster state.
extension RosterCache {
    /// What a unit's per-branch static sums were made for.
    struct BranchKey: Hashable, Sendable {
        let figures: RosterKey
        let devices: Int64
        let tree: TreeKey
        let unit: Int64
    }

    /// A unit's schools summed per child unit, and in all, without their per-refresh counts; with the figures
    /// made from those sums alone (enrollment; devices but the cameras and gates seen).
    struct BranchStatics: Sendable {
        let byBranch: [Int64: Tally]
        let total: Tally
        let enrollmentByBranch: [Int64: EnrollmentFigures]
        let devicesByBranch: [Int64: DeviceFigures]
        let totalEnrollment: EnrollmentFigures
        let totalDevices: DeviceFigures

        init(byBranch: [Int64: Tally], total: Tally) {
            self.byBranch = byBranch
            self.total = total
            enrollmentByBranch = byBranch.mapValues { $0.enrollment() }
            devicesByBranch = byBranch.mapValues { $0.deviceFigures() }
            totalEnrollment = total.enrollment()
            totalDevices = total.deviceFigures()
        }

        /// Held device figures with the cameras and gates seen from `dynamic`.
        static func devices(_ held: DeviceFigures, seenIn dynamic: Tally) -> DeviceFigures {
            var figures = held
            figures.camerasOnline = dynamic.camerasOnline
            figures.gatesOnline = dynamic.gatesOnline
            return figures
        }
    }

    /// The held static sums for `key`, or `make()`'s (then held); nil key (no tokens): `make()` each time.
    func branchStatics(_ key: BranchKey?, make: () -> BranchStatics) -> BranchStatics {
        if let key, let held = state.withLock({ s in s.branchStatics[key] }) { return held }
        let made = make()
        if let key {
            state.withLock { s in
                // Entries of an older roster state are never asked for again: keep only this state's units.
                s.branchStatics = s.branchStatics.filter { $0.key.figures == key.figures && $0.key.devices == key.devices
                    && $0.key.tree == key.tree }
                if s.branchStatics.count >= 32 { s.branchStatics.removeAll() }
                s.branchStatics[key] = made
            }
        }
        return made
    }

    /// Every school's static tally part, and its enrolled count alone (read without copying the tally).
    struct SchoolStatics: Sendable {
        let tallies: [Int64: Tally]
        let enrolled: [Int64: Int]

        init(tallies: [Int64: Tally]) {
            self.tallies = tallies
            enrolled = tallies.mapValues(\.enrolled)
        }
    }

    /// The held static tally parts of every school for `key` (a `branchKey`), or `make()`'s (then held).
    func schoolStatics(_ key: BranchKey, make: () -> SchoolStatics) -> SchoolStatics {
        if let held = state.withLock({ s in s.schoolStaticsKey == key ? s.schoolStatics : nil }) { return held }
        let made = make()
        state.withLock { s in
            s.schoolStaticsKey = key
            s.schoolStatics = made
        }
        return made
    }

    /// The key of what the static sums depend on, when the snapshot has change tokens.
    func branchKey(tokens: ChangeTokens?, day: ReportDay, provinceCode: String?, scope: Scope?, unit: Int64) -> BranchKey? {
        guard let tokens, let devices = tokens.devices, let units = tokens.adminUnits,
              let schools = tokens.schools else { return nil }
        return BranchKey(figures: RosterKey(tokens: tokens, day: day), devices: devices,
                         tree: TreeKey(adminUnits: units, schools: schools, provinceCode: provinceCode, scope: scope),
                         unit: unit)
    }

    /// What a held tree was loaded for.
    struct TreeKey: Hashable, Sendable {
        let adminUnits: Int64
        let schools: Int64
        let provinceCode: String?
        let scope: Scope?
    }
}
