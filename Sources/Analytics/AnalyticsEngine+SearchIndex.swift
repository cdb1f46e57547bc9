import GRDB
import ReportModel

extension AnalyticsEngine {
    /// Every admin unit, active school and class of those schools the user may open, with its path from the
    /// root of the scope; read in one transaction. The scope is applied here, never only in the UI.
    /// Class rows with a NULL or non-text name, or a school outside the scope, are left out.
    public func searchIndex() throws -> SearchIndex {
        try source.read { db in
            let tree = try ProvinceTree.load(db, provinceCode: provinceCode(db), scope: scope)
            var entries: [SearchEntry] = []
            // (Root ids taken once by ProvinceTree: matching `tree.root` in this closure crashed the release
            // compiler, Swift 6.3.1, "Found ownership error".)
            let rootID = tree.rootUnitID, rootSchoolID = tree.rootSchoolID
            for unit in tree.units.values where tree.isVisible(unit: unit) && unit.id != rootID {
                let path = tree.path(to: .unit(unit))
                entries.append(SearchEntry(node: tree.ref(unit), path: Array(path.dropLast())))
            }
            var schoolPaths: [Int64: [NodeRef]] = [:]
            for school in tree.schools.values where school.active && tree.isVisible(school: school) {
                let path = tree.path(to: .school(school))
                schoolPaths[school.id] = path
                if school.id == rootSchoolID { continue }
                entries.append(SearchEntry(node: tree.ref(school), path: Array(path.dropLast())))
            }
            try TreeQueries.forEachClassName(db) { schoolID, name in
                guard let schoolID, let name, !name.isEmpty, let path = schoolPaths[schoolID], let school = path.last else {
                    return
                }
                let node = NodeRef(level: .class, code: "\(school.code)/\(name)", name: name)
                entries.append(SearchEntry(node: node, path: path))
            }
            entries.sort { a, b in
                a.node.level != b.node.level ? order(a.node.level) < order(b.node.level)
                    : (a.foldedName, a.node.code) < (b.foldedName, b.node.code)
            }
            return SearchIndex(entries: entries)
        }
    }
}

private func order(_ level: NodeLevel) -> Int {
    switch level {
    case .province: return 0
    case .unit: return 1
    case .school: return 2
    case .class: return 3
    }
}
