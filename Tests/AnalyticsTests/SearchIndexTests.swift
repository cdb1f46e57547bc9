import Analytics
import Foundation
import ReportModel
import Testing
import TestSupport

/// The search index behind `/` and `:`: every unit, active school and class of the scope, counted against the
/// sqlite3 CLI; the scope applied by the engine; ranking from exact code to substring.
@Suite struct SearchIndexTests {
    let path: String

    init() throws {
        path = AnalyticsFixtures.temporaryPath("search.sqlite")
        try AnalyticsFixtures.buildRichProvince(at: path)
    }

    func engine(_ scope: Scope?) throws -> AnalyticsEngine {
        AnalyticsEngine(reader: try AnalyticsEngine.openSnapshot(path: path), scope: scope)
    }

    @Test func unscopedIndexHoldsEveryUnitActiveSchoolAndItsClasses() throws {
        let index = try engine(nil).searchIndex()
        let units = try SQLiteCLI.int(path, "SELECT count(*) FROM admin_units WHERE parent_id IS NOT NULL")
        let schools = try SQLiteCLI.int(path, "SELECT count(*) FROM schools WHERE status = 'active'")
        let classes = try SQLiteCLI.int(path, """
            SELECT count(*) FROM classes c JOIN schools s ON s.id = c.school_id WHERE s.status = 'active'
            """)
        #expect(index.entries.filter { $0.node.level == .unit }.count == units)
        #expect(index.entries.filter { $0.node.level == .school }.count == schools)
        #expect(index.entries.filter { $0.node.level == .class }.count == classes)
        // Each school's path ends with its own unit (sqlite3), starting at the province.
        for entry in index.entries where entry.node.level == .school {
            let unit = try SQLiteCLI.rows(path, """
                SELECT u.code FROM schools s JOIN admin_units u ON u.id = s.unit_id WHERE s.code = '\(entry.node.code)'
                """).first?.first
            #expect(entry.path.last?.code == unit, "\(entry.node.code)")
            #expect(entry.path.first?.level == .province)
        }
    }

    @Test func theScopeIsAppliedByTheEngine() throws {
        let index = try engine(Scope(unitCodes: ["X02"])).searchIndex()
        let inScope = try SQLiteCLI.rows(path, """
            SELECT code FROM schools WHERE status = 'active' AND unit_id = (SELECT id FROM admin_units WHERE code = 'X02')
            """).map { $0[0] }
        #expect(Set(index.entries.filter { $0.node.level == .school }.map(\.node.code)) == Set(inScope))
        #expect(index.entries.allSatisfy { $0.node.level != .unit || $0.node.code == "X02" }, "no unit outside X02")
        #expect(index.entries.filter { $0.node.level == .class }.allSatisfy { entry in
            inScope.contains { entry.node.code.hasPrefix($0 + "/") }
        })
        #expect(index.search("S01").isEmpty, "a school outside the scope is not found by code")
    }

    @Test func rankingRunsFromExactCodeToSubstring() {
        let province = NodeRef(level: .province, code: "P", name: "Tỉnh")
        let unit = NodeRef(level: .unit, code: "X9", name: "Phường Nguyễn Trãi")
        let entries = [
            SearchEntry(node: NodeRef(level: .school, code: "S3", name: "Trường Tiểu học Trãi Nguyễn"), path: [province, unit]),
            SearchEntry(node: NodeRef(level: .school, code: "S2", name: "Trường THCS Nguyễn Trãi"), path: [province, unit]),
            SearchEntry(node: NodeRef(level: .school, code: "NGUYEN", name: "Trường Mầm non Hoa Sen"), path: [province, unit]),
            SearchEntry(node: NodeRef(level: .school, code: "S1", name: "Nguyễn Trãi Academy"), path: [province, unit]),
            SearchEntry(node: unit, path: [province]),
        ]
        let index = SearchIndex(entries: entries)
        #expect(index.search("nguyen").map(\.node.code) == ["NGUYEN", "S1", "X9", "S2", "S3"])
        #expect(index.search("NGUYỄN TRÃI").map(\.node.code) == ["S1", "X9", "S2", "S3"])
        #expect(index.search("trai nguyen").map(\.node.code) == ["S3", "X9", "S1", "S2"])
        #expect(index.search("dong").isEmpty)
        #expect(index.search("nguyen", levels: [.unit]).map(\.node.code) == ["X9"])
        #expect(index.entry(code: "S2")?.path.last?.code == "X9")
    }
}
