import ReportModel

/// The schools under a unit that have not reported yet (the wall's "not yet reported" page).
extension ReportBuilder {
    /// Active schools with enrolled students that are not reporting (`IndicatorRules.isReporting`), least
    /// complete first, then by name; at most `SchoolProgress.listLimit`.
    func notReporting(_ schools: [ProvinceTree.School], tallies: [Int64: Tally]) -> [SchoolProgress] {
        var list: [SchoolProgress] = []
        for school in schools where school.active {
            guard let t = tallies[school.id], t.enrolled > 0,
                  !IndicatorRules.isReporting(reported: t.reported, enrolled: t.enrolled) else { continue }
            list.append(SchoolProgress(school: tree.ref(school), place: tree.units[school.unitID]?.name,
                                       enrolled: t.enrolled, reported: t.reported))
        }
        list.sort { lhs, rhs in
            let l = lhs.completeness ?? 0, r = rhs.completeness ?? 0
            if l != r { return l < r }
            return lhs.school.name < rhs.school.name
        }
        return Array(list.prefix(SchoolProgress.listLimit))
    }
}
