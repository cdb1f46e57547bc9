import GRDB
import ReportModel

/// The SQL of the admin tree, its schools and classes (`ProvinceTree`, the search index). Bound parameters only;
/// the caller reads values through `Row+Checked`.
enum TreeQueries {
    /// Refuses a snapshot with more admin units or schools than the console reads.
    static func checkSizes(_ db: Database, maximumUnits: Int, maximumSchools: Int) throws {
        let unitCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM admin_units") ?? 0
        guard unitCount <= maximumUnits else {
            throw AnalyticsError.invalidSnapshot("admin_units has \(unitCount) rows, more than the \(maximumUnits) this console reads")
        }
        let schoolCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM schools") ?? 0
        guard schoolCount <= maximumSchools else {
            throw AnalyticsError.invalidSnapshot("schools has \(schoolCount) rows, more than the \(maximumSchools) this console reads")
        }
    }

    /// The admin units reachable from a root, breadth first, at most `limit` rows and `maximumDepth` + 1 levels:
    /// id, code, name, kind, parent id, depth.
    static func units(_ db: Database, maximumDepth: Int, limit: Int) throws -> [Row] {
        try Row.fetchAll(db, sql: """
            WITH RECURSIVE tree(id, code, name, kind, parent_id, depth) AS (
                SELECT id, code, name, kind, parent_id, 0 FROM admin_units WHERE parent_id IS NULL
                UNION ALL
                SELECT a.id, a.code, a.name, a.kind, a.parent_id, t.depth + 1
                FROM admin_units a JOIN tree t ON a.parent_id = t.id
                WHERE t.depth <= ?
                ORDER BY 6 LIMIT ?  -- breadth first, and never more rows than the limit (duplicated ids multiply)
            )
            SELECT id, code, name, kind, parent_id, depth FROM tree ORDER BY depth, id
            """, arguments: [maximumDepth, limit])
    }

    /// A school's class by name, exactly or else ignoring case: id, name, grade.
    static func schoolClass(_ db: Database, school: Int64, name: String) throws -> Row? {
        try Row.fetchOne(db, sql: "SELECT id, name, grade FROM classes WHERE school_id = ? AND name = ?",
                         arguments: [school, name])
            ?? Row.fetchOne(db, sql: "SELECT id, name, grade FROM classes WHERE school_id = ? AND lower(name) = lower(?)",
                            arguments: [school, name])
    }

    /// Every class's school id and name (the search index), one call of `body` each.
    static func forEachClassName(_ db: Database, _ body: (_ school: Int64?, _ name: String?) -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT school_id, name FROM classes")
        while let row = try rows.next() { body(row.checkedInt64(0), row.checkedText(1)) }
    }

    /// Every school: id, code, name, unit id, level, status.
    static func schools(_ db: Database) throws -> [Row] {
        try Row.fetchAll(db, sql: "SELECT id, code, name, unit_id, level, status FROM schools")
    }
}
