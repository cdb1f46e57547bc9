import Foundation
import GRDB
import ReportModel

/// The admin tree and schools of one snapshot state, with the caller's scope applied.
/// Loaded inside a report's read transaction; small (hundreds of units, about a thousand schools).
struct ProvinceTree {
    struct Unit {
        let id: Int64
        let code: String
        let name: String
        let kind: String
        let parentID: Int64?
    }

    /// A school of the tree. A class, so the per-school passes of every refresh copy one reference, not three
    /// strings.
    final class School: Sendable {
        let id: Int64
        let code: String
        let name: String
        let unitID: Int64
        let level: String
        let active: Bool

        init(id: Int64, code: String, name: String, unitID: Int64, level: String, active: Bool) {
            self.id = id
            self.code = code
            self.name = name
            self.unitID = unitID
            self.level = level
            self.active = active
        }
    }

    /// Where a node of the tree stands: its reference and what backs it.
    enum Resolved {
        case unit(Unit)
        case school(School)
        case schoolClass(School, classID: Int64, name: String, grade: Int)
    }

    let units: [Int64: Unit]
    /// Units by code; a code that is not unique (`duplicateCodes`) is in neither this nor `schoolsByCode`.
    let unitsByCode: [String: Unit]
    let childUnits: [Int64: [Unit]]
    let schools: [Int64: School]
    let schoolsByCode: [String: School]
    let schoolsByUnit: [Int64: [School]]
    let province: Unit
    /// Codes written on more than one unit or school (SQLite lets a writer drop UNIQUE): never resolved by code
    /// nor granted by a scope, so a duplicate cannot stand in for the unit or school a user was given.
    let duplicateCodes: Set<String>
    let scope: Scope?
    /// In-scope school ids (every school when unscoped).
    let inScopeSchools: Set<Int64>
    /// Units fully in scope (listed or below a listed unit); all units when unscoped.
    let fullUnits: Set<Int64>
    /// Units a scoped user may open: fully in-scope units plus partial ancestors below the scope root.
    let visibleUnits: Set<Int64>
    /// The root of the user's tree.
    let root: Resolved
    /// `activeSchools(under:)` of every unit, made once per tree (reports ask for it on every refresh).
    let activeSchoolsByUnit: [Int64: [School]]

    /// The deepest admin tree read: the province is depth 0; a unit deeper than this is refused, not lost.
    static let maximumDepth = 32
    /// The most admin units read (Việt Nam's largest province has a few hundred communes).
    static let maximumUnits = 20_000
    /// The most schools read (a province has at most a few thousand; the whole country ~53,000).
    static let maximumSchools = 100_000

    /// Elements in `order` (folded name, then code), folding each name once rather than per comparison.
    static func sortedByName<T>(_ elements: [T], name: KeyPath<T, String>, code: KeyPath<T, String>) -> [T] {
        elements.map { (key: SearchKey.fold($0[keyPath: name]), code: $0[keyPath: code], element: $0) }
            .sorted { $0.key != $1.key ? $0.key < $1.key : $0.code < $1.code }
            .map(\.element)
    }


    // MARK: Resolution

    /// The error for a code the caller may not open (never tells "absent" from "elsewhere" to scoped users).
    func denied(_ code: String) -> AnalyticsError {
        scope == nil ? .notFound(code) : .notInYourArea(code)
    }

    func isVisible(unit: Unit) -> Bool {
        if case .school = root { return false }
        return visibleUnits.contains(unit.id)
    }

    func isVisible(school: School) -> Bool {
        inScopeSchools.contains(school.id)
    }

    /// Resolves a unit code, school code or "SCHOOLCODE/CLASSNAME" the caller may open.
    func resolve(code raw: String, db: Database) throws -> Resolved {
        let code = raw.trimmingCharacters(in: .whitespaces)
        if let unit = unitsByCode[code] ?? Self.onlyMatch(unitsByCode, code) {
            guard isVisible(unit: unit) else { throw denied(raw) }
            return .unit(unit)
        }
        if let school = lookupSchool(code) {
            guard isVisible(school: school) else { throw denied(raw) }
            return .school(school)
        }
        if let slash = code.firstIndex(of: "/") {
            let schoolCode = String(code[..<slash])
            let className = String(code[code.index(after: slash)...])
            let duplicate = duplicateID(schoolCode).flatMap { d in schools[d.id].flatMap { $0.code == d.code ? $0 : nil } }
            guard let school = duplicate ?? lookupSchool(schoolCode), isVisible(school: school) else { throw denied(raw) }
            guard let row = try TreeQueries.schoolClass(db, school: school.id, name: className), let id = row.checkedInt64(0), let name = row.checkedText(1),
                  let grade = row.checkedInt(2, in: 0...12) else { throw denied(raw) }
            return .schoolClass(school, classID: id, name: name, grade: grade)
        }
        throw denied(raw)
    }

    private func lookupSchool(_ code: String) -> School? {
        schoolsByCode[code] ?? Self.onlyMatch(schoolsByCode, code)
    }

    /// The one value whose code equals `code` ignoring case; nil when none or several do (or the code is duplicated
    /// that way across units and schools).
    private static func onlyMatch<T>(_ byCode: [String: T], _ code: String) -> T? {
        let matches = byCode.filter { $0.key.caseInsensitiveCompare(code) == .orderedSame }
        return matches.count == 1 ? matches.first?.value : nil
    }

    func ref(_ resolved: Resolved) -> NodeRef {
        switch resolved {
        case .unit(let unit): return ref(unit)
        case .school(let school): return ref(school)
        case .schoolClass(let school, _, let name, _):
            return NodeRef(level: .class, code: "\(ref(school).code)/\(name)", name: name, detail: nil)
        }
    }

    func ref(_ unit: Unit) -> NodeRef {
        NodeRef(level: unit.parentID == nil ? .province : .unit, code: refCode(unit.code, id: unit.id), name: unit.name,
                detail: unit.kind)
    }

    func ref(_ school: School) -> NodeRef {
        NodeRef(level: .school, code: refCode(school.code, id: school.id), name: school.name, detail: school.level)
    }

    /// A node's code in its reference: the code, or `CODE#id` for a duplicated code (drill-down still reaches each
    /// of the duplicates; a typed code never does).
    private func refCode(_ code: String, id: Int64) -> String {
        duplicateCodes.contains(code) ? "\(code)#\(id)" : code
    }

    /// The row id in a `CODE#id` reference whose code is duplicated, else nil.
    private func duplicateID(_ refCode: String) -> (code: String, id: Int64)? {
        guard let hash = refCode.lastIndex(of: "#"), let id = Int64(refCode[refCode.index(after: hash)...]) else { return nil }
        let code = String(refCode[..<hash])
        return duplicateCodes.contains(code) ? (code, id) : nil
    }

    /// Breadcrumbs from the user's root down to the node, the node last.
    func path(to resolved: Resolved) -> [NodeRef] {
        var chain: [NodeRef] = [ref(resolved)]
        var unitID: Int64?
        switch resolved {
        case .unit(let unit):
            if case .unit(let rootUnit) = root, rootUnit.id == unit.id { return chain }
            unitID = unit.parentID
        case .school(let school):
            unitID = school.unitID
        case .schoolClass(let school, _, _, _):
            chain.append(ref(school))
            unitID = school.unitID
        }
        // A one-school scope starts at the school; a unit root stops the walk up the tree.
        guard case .unit(let rootUnit) = root else { return chain.reversed() }
        while let id = unitID, let unit = units[id] {
            chain.append(ref(unit))
            if id == rootUnit.id { break }
            unitID = unit.parentID
        }
        return chain.reversed()
    }

    /// The root unit's id, nil when the root is a school.
    var rootUnitID: Int64? {
        switch root {
        case .unit(let unit): return unit.id
        case .school, .schoolClass: return nil
        }
    }

    /// The root school's id when a one-school scope makes a school the root.
    var rootSchoolID: Int64? {
        switch root {
        case .school(let school): return school.id
        case .unit, .schoolClass: return nil
        }
    }

    /// Active in-scope schools in a unit's subtree.
    func activeSchools(under unit: Unit) -> [School] {
        activeSchoolsByUnit[unit.id] ?? []
    }

    /// The visible sub-units of a unit, in name order.
    func visibleChildUnits(of unit: Unit) -> [Unit] {
        (childUnits[unit.id] ?? []).filter { visibleUnits.contains($0.id) }
    }

    /// Active in-scope schools attached directly to a unit, in name order.
    func directSchools(of unit: Unit) -> [School] {
        (schoolsByUnit[unit.id] ?? []).filter { $0.active && inScopeSchools.contains($0.id) }
    }
}

extension ProvinceTree {
    /// Resolves a node reference by its level and code, with the same scope rules as `resolve(code:)`.
    func resolve(ref: NodeRef, db: Database) throws -> Resolved {
        switch ref.level {
        case .province, .unit:
            let byID = duplicateID(ref.code).flatMap { d in units[d.id].flatMap { $0.code == d.code ? $0 : nil } }
            guard let unit = byID ?? unitsByCode[ref.code], isVisible(unit: unit) else { throw denied(ref.code) }
            return .unit(unit)
        case .school:
            let byID = duplicateID(ref.code).flatMap { d in schools[d.id].flatMap { $0.code == d.code ? $0 : nil } }
            guard let school = byID ?? schoolsByCode[ref.code], isVisible(school: school) else { throw denied(ref.code) }
            return .school(school)
        case .class:
            guard ref.code.contains("/") else { throw denied(ref.code) }
            let resolved = try resolve(code: ref.code, db: db)
            guard case .schoolClass = resolved else { throw denied(ref.code) }
            return resolved
        }
    }
}
