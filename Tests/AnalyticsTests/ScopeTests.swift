import Analytics
import Foundation
import ReportModel
import Testing
import TestSupport

/// Scope is enforced in the engine: totals, children, alerts, search and lookups.
@Suite struct ScopeTests {
    let path: String
    let asOf = AnalyticsFixtures.instant(AnalyticsFixtures.richAsOf)

    init() throws {
        path = AnalyticsFixtures.temporaryPath("scope.sqlite")
        try AnalyticsFixtures.buildRichProvince(at: path)
    }

    func engine(_ units: Set<String>, schools: Set<String> = []) throws -> AnalyticsEngine {
        AnalyticsEngine(reader: try AnalyticsEngine.openSnapshot(path: path), scope: Scope(unitCodes: units, schoolCodes: schools))
    }

    @Test func outsideAndNonexistentGiveTheSameError() throws {
        let e = try engine(["X02"])
        #expect(throws: AnalyticsError.notInYourArea("S01")) { try e.node(code: "S01") }
        #expect(throws: AnalyticsError.notInYourArea("NOPE")) { try e.node(code: "NOPE") }
        #expect(throws: AnalyticsError.notInYourArea("P01")) { try e.node(code: "P01") }
        #expect(throws: AnalyticsError.notInYourArea("S01/3A")) { try e.node(code: "S01/3A") }
        let outside = NodeRef(level: .school, code: "S01", name: "")
        #expect(throws: AnalyticsError.notInYourArea("S01")) { try e.report(for: outside, asOf: asOf) }
        let ghost = NodeRef(level: .school, code: "S99", name: "")
        #expect(throws: AnalyticsError.notInYourArea("S99")) { try e.report(for: ghost, asOf: asOf) }
        let province = NodeRef(level: .province, code: "P01", name: "")
        #expect(throws: AnalyticsError.notInYourArea("P01")) { try e.report(for: province, asOf: asOf) }
    }

    @Test func singleUnitScopeIsTheRoot() throws {
        let e = try engine(["X02"])
        let report = try e.report(for: nil, asOf: asOf)
        #expect(report.figures.node.code == "X02")
        #expect(report.path.map(\.code) == ["X02"])
        let s04 = try e.report(for: try e.node(code: "S04"), asOf: asOf)
        #expect(s04.path.map(\.code) == ["X02", "S04"])
        #expect(try e.schools(matching: "truong").map(\.code).sorted() == ["S03", "S04"])
        #expect(try e.units(matching: "xa").map(\.code) == ["X02"])
        #expect(try e.alerts(asOf: asOf).allSatisfy { ["S03", "S04", "X02"].contains($0.node.code) })
    }

    @Test func severalUnitsShowTheProvinceLimitedToThem() throws {
        let e = try engine(["X01", "X05"])
        let report = try e.report(for: nil, asOf: asOf)
        #expect(report.figures.node.code == "P01")
        // Children: X01 fully in scope, D01 as a partial node (only X05's school), nothing else.
        #expect(Set(report.children.map(\.node.code)) == ["X01", "D01"])
        let total = report.figures.attendance
        let x01 = try e.report(for: try e.node(code: "X01"), asOf: asOf).figures.attendance
        let x05 = try e.report(for: try e.node(code: "X05"), asOf: asOf).figures.attendance
        #expect(total.enrolled == x01.enrolled + x05.enrolled)
        #expect(total.present == x01.present + x05.present)
        #expect(total.schoolsTotal == 3)
        let inScope = "SELECT id FROM schools WHERE status = 'active' AND unit_id IN (SELECT id FROM admin_units WHERE code IN ('X01','X05'))"
        let truth = Truth(path: path, day: "2025-10-08", asOf: AnalyticsFixtures.richAsOf, schools: inScope, classFilter: "")
        #expect(total.enrolled == (try truth.enrolled()))
        #expect(report.figures.connectivity.good + report.figures.connectivity.moderate
                + report.figures.connectivity.offline + report.figures.connectivity.unknown == 3)
        // The partial district shows only its in-scope commune.
        let district = try e.report(for: try e.node(code: "D01"), asOf: asOf)
        #expect(district.children.map(\.node.code) == ["X05"])
        #expect(throws: AnalyticsError.notInYourArea("X04")) { try e.node(code: "X04") }
        #expect(throws: AnalyticsError.notInYourArea("S07")) { try e.node(code: "S07") }  // province-level school
        #expect(try e.alerts(asOf: asOf).allSatisfy { ["S01", "S02", "S06", "P01"].contains($0.node.code) })
        #expect(try e.schools(matching: "truong").count == 3)
    }

    @Test func schoolCodeScope() throws {
        let e = try engine([], schools: ["S02"])
        let report = try e.report(for: nil, asOf: asOf)
        #expect(report.figures.node.code == "S02")
        #expect(try e.node(code: "S02/6A1").level == .class)
        #expect(try e.report(for: try e.node(code: "S02/6A1"), asOf: asOf).path.map(\.code) == ["S02", "S02/6A1"])
        #expect(report.path.map(\.code) == ["S02"])
        #expect(throws: AnalyticsError.notInYourArea("X01")) { try e.node(code: "X01") }
        #expect(try e.units(matching: "nguyen").isEmpty)
    }

    @Test func emptyScopeSeesNothing() throws {
        let e = try engine([])
        let report = try e.report(for: nil, asOf: asOf)
        #expect(report.figures.attendance.enrolled == 0)
        #expect(report.children.isEmpty)
        #expect(try e.schools(matching: "truong").isEmpty)
        #expect(throws: AnalyticsError.notInYourArea("S01")) { try e.node(code: "S01") }
    }
}

extension ScopeTests {
    /// Issue 14: an access entry (or --scope) naming a code the snapshot lacks is a clear error, not an empty dashboard.
    @Test func anAreaNamingAnUnknownCodeIsRefused() throws {
        let e = try engine(["X02", "ZZ9"])
        #expect(throws: AnalyticsError.invalidConfiguration(
            "the area names ZZ9, which the snapshot does not have (correct the access entry or --scope)")) {
            try e.report(for: nil, asOf: asOf)
        }
        let school = try engine([], schools: ["S02", "S404"])
        #expect(throws: AnalyticsError.self) { try school.report(for: nil, asOf: asOf) }
        #expect(try engine(["X02"]).report(for: nil, asOf: asOf).figures.node.code == "X02")
    }
}
