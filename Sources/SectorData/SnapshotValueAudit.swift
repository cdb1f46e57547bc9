import GRDB

/// Finds rows the console must leave out because a value it reads is NULL, of the wrong type or out of range
/// (issue 14: "reading is total"; `eduioc check` names them). Only the small tables that shape the tree and the
/// roster are scanned, one pass per table, so `check` stays cheap; the counts per school and reason are the data
/// quality view's (issue 12).
public enum SnapshotValueAudit {
    /// One table's rows with unusable values.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        /// The table.
        public let table: String
        /// Rows with at least one unusable value.
        public let rows: Int
        /// The columns that had one, in contract order.
        public let columns: [String]

        /// A finding of `rows` rows of `table` with unusable values in `columns`.
        public init(table: String, rows: Int, columns: [String]) {
            self.table = table
            self.rows = rows
            self.columns = columns
        }

        /// One line for `check`.
        public var description: String {
            "\(table): \(rows) row\(rows == 1 ? "" : "s") with a NULL, mistyped or out-of-range value in "
                + "\(columns.joined(separator: ", ")); the console leaves them out"
        }
    }

    /// What a column must hold to be read: an SQL condition on the column's value.
    private static let integer = "typeof(%@) = 'integer'"
    private static let text = "typeof(%@) = 'text'"
    private static let day = "(typeof(%@) = 'text' AND %@ GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')"

    /// The audited columns of each table with their condition (`%@` is the quoted column).
    static let rules: [(table: String, columns: [(name: String, condition: String)])] = [
        ("admin_units", [("id", integer), ("code", text), ("name", text), ("kind", text),
                         ("parent_id", "(%@ IS NULL OR typeof(%@) = 'integer')")]),
        ("schools", [("id", integer), ("code", text), ("name", text), ("unit_id", integer), ("status", text)]),
        ("classes", [("id", integer), ("school_id", integer), ("name", text),
                     ("grade", "(typeof(%@) = 'integer' AND %@ BETWEEN 0 AND 12)")]),
        ("students", [("id", integer), ("school_id", integer), ("class_id", integer), ("enrolled_on", day),
                      ("left_on", "(%@ IS NULL OR \(day))")]),
        ("teachers", [("school_id", integer)]),
        ("school_days", [("day", day)]),
        ("devices", [("id", integer), ("school_id", integer), ("kind", text), ("status", text)]),
        ("intake_plans", [("school_id", integer), ("grade", "(typeof(%@) = 'integer' AND %@ BETWEEN 0 AND 12)"),
                          ("planned", "(typeof(%@) = 'integer' AND %@ BETWEEN 0 AND 100000)")]),
    ]

    /// The tables with unusable values, in contract order; empty when every audited value can be read.
    package static func findings(in db: Database) throws -> [Finding] {
        var result: [Finding] = []
        for (table, columns) in rules {
            let conditions = columns.map { column in
                column.condition.replacingOccurrences(of: "%@", with: column.name.quotedDatabaseIdentifier)
            }
            let sums = conditions.map { "coalesce(sum(NOT \($0)), 0)" }.joined(separator: ", ")
            let any = conditions.map { "NOT \($0)" }.joined(separator: " OR ")
            let sql = "SELECT coalesce(sum(\(any)), 0), \(sums) FROM \(table.quotedDatabaseIdentifier)"
            guard let row = try Row.fetchOne(db, sql: sql), let rows = row.checkedInt(0, in: 0...Int.max), rows > 0 else { continue }
            let bad = columns.indices.filter { (row.checkedInt(1 + $0, in: 0...Int.max) ?? 0) > 0 }.map { columns[$0].name }
            result.append(Finding(table: table, rows: rows, columns: bad))
        }
        return result
    }
}
