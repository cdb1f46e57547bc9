import Foundation
import GRDB
import ReportModel
import SectorData

/// Loading the tree: the admin units (a recursive CTE from the root down, so only the connected tree is seen),
/// the schools attached to it, then the caller's scope.
extension ProvinceTree {
    /// The units and schools as read, before any scope.
    struct Structure {
        var units: [Int64: Unit] = [:]
        var unitsByCode: [String: Unit] = [:]
        var childUnits: [Int64: [Unit]] = [:]
        var roots: [Unit] = []
        var schools: [Int64: School] = [:]
        var schoolsByCode: [String: School] = [:]
        var schoolsByUnit: [Int64: [School]] = [:]
        /// Codes written on more than one unit or school.
        var duplicates = Set<String>()
    }

    /// What a scope makes of the structure: the schools in it, the units fully in it and those a user may open,
    /// and the root of the user's tree.
    struct ScopeView {
        var fullUnits = Set<Int64>()
        var inScope = Set<Int64>()
        var visible = Set<Int64>()
        let root: Resolved
    }

    /// Loads the tree.
    ///
    /// Every value is read totally: a unit or school whose id, code, name, kind/unit or status is NULL or of the
    /// wrong type is left out (with whatever lies below it); a tree deeper than ``maximumDepth`` or with more units
    /// or schools than the limits is refused with a clear error, never silently cut or read without bound.
    static func load(_ db: Database, provinceCode: String?, scope: Scope?) throws -> ProvinceTree {
        try TreeQueries.checkSizes(db, maximumUnits: maximumUnits, maximumSchools: maximumSchools)
        var structure = try readUnits(db)
        guard let province = structure.roots.first(where: { $0.code == provinceCode })
                ?? structure.roots.first(where: { $0.kind == "province" }) ?? structure.roots.first
        else { throw AnalyticsError.invalidSnapshot("admin_units has no root unit (the province)") }
        for key in structure.childUnits.keys {
            structure.childUnits[key] = Self.sortedByName(structure.childUnits[key] ?? [], name: \.name, code: \.code)
        }
        try readSchools(db, into: &structure)
        for code in structure.duplicates {
            structure.unitsByCode[code] = nil
            structure.schoolsByCode[code] = nil
        }
        let view = try scope.map { try apply($0, to: structure, province: province) }
            ?? ScopeView(fullUnits: Set(structure.units.keys), inScope: Set(structure.schools.keys),
                         visible: Set(structure.units.keys), root: .unit(province))
        return ProvinceTree(units: structure.units, unitsByCode: structure.unitsByCode, childUnits: structure.childUnits,
                            schools: structure.schools, schoolsByCode: structure.schoolsByCode,
                            schoolsByUnit: structure.schoolsByUnit, province: province,
                            duplicateCodes: structure.duplicates, scope: scope, inScopeSchools: view.inScope,
                            fullUnits: view.fullUnits, visibleUnits: view.visible, root: view.root,
                            activeSchoolsByUnit: activeSchoolsByUnit(structure, inScope: view.inScope))
    }

    /// The connected admin units, breadth first: a unit under a parent left out is not attached.
    private static func readUnits(_ db: Database) throws -> Structure {
        let rows = try TreeQueries.units(db, maximumDepth: maximumDepth, limit: maximumUnits + 1)
        guard rows.count <= maximumUnits else {
            throw AnalyticsError.invalidSnapshot("the admin tree has more than \(maximumUnits) units (ids repeat?)")
        }
        var s = Structure()
        for row in rows {
            if (row.checkedInt(5) ?? 0) > maximumDepth {
                throw AnalyticsError.invalidSnapshot("admin_units is nested more than \(maximumDepth) levels deep")
            }
            guard let id = row.checkedInt64(0), let code = row.checkedText(1), let name = row.checkedText(2),
                  let kind = row.checkedText(3) else { continue }
            let parentID = row.checkedInt64(4)
            // A unit under a parent left out (or with a parent_id that is not an integer) is not attached.
            if parentID == nil && !(row[4] as DatabaseValue).isNull { continue }
            if let parentID, s.units[parentID] == nil { continue }
            let unit = Unit(id: id, code: code, name: name, kind: kind, parentID: parentID)
            guard s.units[unit.id] == nil else { continue }
            s.units[unit.id] = unit
            if s.unitsByCode.updateValue(unit, forKey: unit.code) != nil { s.duplicates.insert(unit.code) }
            if let parent = unit.parentID { s.childUnits[parent, default: []].append(unit) } else { s.roots.append(unit) }
        }
        return s
    }

    /// The schools attached to the tree's units, sorted by name under each unit.
    private static func readSchools(_ db: Database, into s: inout Structure) throws {
        for row in try TreeQueries.schools(db) {
            guard let id = row.checkedInt64(0), let code = row.checkedText(1), let name = row.checkedText(2),
                  let unitID = row.checkedInt64(3), let status = row.checkedText(5) else { continue }
            let school = School(id: id, code: code, name: name, unitID: unitID,
                                level: row.checkedText(4) ?? "", active: status == "active")
            guard s.units[school.unitID] != nil else { continue }  // not attached to the province tree
            s.schools[school.id] = school
            if s.schoolsByCode.updateValue(school, forKey: school.code) != nil || s.unitsByCode[school.code] != nil {
                s.duplicates.insert(school.code)
            }
            s.schoolsByUnit[school.unitID, default: []].append(school)
        }
        for key in s.schoolsByUnit.keys {
            s.schoolsByUnit[key] = Self.sortedByName(s.schoolsByUnit[key] ?? [], name: \.name, code: \.code)
        }
    }

    /// The scope applied: an area naming a code the snapshot lacks is a mistake in the access file or --scope, said
    /// rather than shown as an empty dashboard (the codes are the account's own, so naming them reveals nothing); a
    /// code written on two units or schools grants neither (it cannot say which).
    private static func apply(_ scope: Scope, to s: Structure, province: Unit) throws -> ScopeView {
        let ambiguous = (scope.unitCodes.union(scope.schoolCodes)).filter(s.duplicates.contains).sorted()
        if !ambiguous.isEmpty {
            throw AnalyticsError.invalidConfiguration("the area names \(ambiguous.prefix(5).joined(separator: ", "))"
                + "\(ambiguous.count > 5 ? " …" : ""), which the snapshot writes on more than one unit or school: "
                + "it grants nothing until the snapshot's codes are unique (eduioc check names them)")
        }
        let unknown = scope.unitCodes.filter { s.unitsByCode[$0] == nil }.sorted()
            + scope.schoolCodes.filter { s.schoolsByCode[$0] == nil }.sorted()
        if !unknown.isEmpty {
            throw AnalyticsError.invalidConfiguration("the area names \(unknown.prefix(5).joined(separator: ", "))"
                + "\(unknown.count > 5 ? " …" : ""), which the snapshot does not have (correct the access entry or --scope)")
        }
        var fullUnits = Set<Int64>()
        var stack = scope.unitCodes.compactMap { s.unitsByCode[$0]?.id }
        while let id = stack.popLast() {
            guard fullUnits.insert(id).inserted else { continue }
            stack.append(contentsOf: (s.childUnits[id] ?? []).map(\.id))
        }
        let listedUnits = scope.unitCodes.compactMap { s.unitsByCode[$0] }
        let listedSchools = scope.schoolCodes.compactMap { s.schoolsByCode[$0] }
        let listedSchoolIDs = Set(listedSchools.map(\.id))
        var inScope = Set<Int64>()
        for school in s.schools.values where fullUnits.contains(school.unitID) || listedSchoolIDs.contains(school.id) {
            inScope.insert(school.id)
        }
        if scope.unitCodes.count == 1, scope.schoolCodes.isEmpty, let only = listedUnits.first {
            return ScopeView(fullUnits: fullUnits, inScope: inScope, visible: fullUnits, root: .unit(only))
        }
        if scope.schoolCodes.count == 1, scope.unitCodes.isEmpty, let only = listedSchools.first {
            return ScopeView(fullUnits: fullUnits, inScope: inScope, visible: [], root: .school(only))
        }
        var visible = fullUnits
        var ancestors = listedUnits.compactMap(\.parentID) + listedSchools.map(\.unitID)
        while let id = ancestors.popLast() {
            guard visible.insert(id).inserted, let parent = s.units[id]?.parentID else { continue }
            ancestors.append(parent)
        }
        visible.insert(province.id)
        return ScopeView(fullUnits: fullUnits, inScope: inScope, visible: visible, root: .unit(province))
    }

    /// Every unit's active in-scope schools, itself and below.
    private static func activeSchoolsByUnit(_ s: Structure, inScope: Set<Int64>) -> [Int64: [School]] {
        var activeByUnit: [Int64: [School]] = [:]
        for id in s.units.keys {
            var result: [School] = []
            var stack = [id]
            while let next = stack.popLast() {
                result.append(contentsOf: (s.schoolsByUnit[next] ?? []).filter { $0.active && inScope.contains($0.id) })
                stack.append(contentsOf: (s.childUnits[next] ?? []).map(\.id))
            }
            activeByUnit[id] = result
        }
        return activeByUnit
    }
}
