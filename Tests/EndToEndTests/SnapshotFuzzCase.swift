import Foundation
import TestSupport

/// One mutation of the fuzz test's base snapshot: what to do to which table and column, as SQL for the sqlite3 CLI.
struct SnapshotFuzzCase: Sendable, CustomStringConvertible {
    /// What the mutation does.
    enum Kind: Sendable {
        /// Sets `column` to `value` (an SQL expression) on some rows.
        case set(column: String, value: String, rows: String)
        /// Deletes some rows.
        case delete(rows: String)
        /// Inserts a copy of every row (the table is first copied without its keys).
        case duplicate
        /// Replaces the table with a view over its rows, or with an endless recursive view.
        case view(recursive: Bool)
    }

    let number: Int
    let table: String
    let kind: Kind

    var description: String {
        switch kind {
        case .set(let column, let value, let rows): return "#\(number) \(table).\(column) = \(value.prefix(40)) \(rows)"
        case .delete(let rows): return "#\(number) delete from \(table) \(rows)"
        case .duplicate: return "#\(number) duplicate \(table)"
        case .view(let recursive): return "#\(number) \(table) as a \(recursive ? "recursive " : "")view"
        }
    }

    /// The contract's tables and columns (docs/SNAPSHOT.md), written out here rather than taken from the code.
    static let tables: [(name: String, columns: [String])] = [
        ("meta", ["value"]),
        ("admin_units", ["id", "code", "name", "kind", "parent_id"]),
        ("schools", ["id", "code", "name", "unit_id", "level", "ownership", "status"]),
        ("classes", ["id", "school_id", "name", "grade"]),
        ("students", ["id", "school_id", "class_id", "gender", "enrolled_on", "left_on", "leave_reason"]),
        ("teachers", ["id", "school_id", "gender", "active"]),
        ("school_days", ["day"]),
        ("attendance", ["day", "student_id", "class_id", "school_id", "status", "recorded_at", "source"]),
        ("devices", ["id", "school_id", "kind", "status", "acquired_year", "last_seen_at"]),
        ("connectivity_probes", ["school_id", "measured_at", "download_mbps", "upload_mbps", "latency_ms"]),
        ("intake_plans", ["school_id", "grade", "planned"]),
    ]

    /// Hostile values: NULL, wrong types, huge and negative numbers, strings that break JSON, terminals and dates.
    static let values: [String] = [
        "NULL", "'abc'", "X'00FF'", "1.5", "9223372036854775807", "-9223372036854775808", "5e18", "-1", "1e308",
        "'\"'", "char(27) || '[2J'", "char(155) || '31m'", "char(8238) || 'gnưH'", "''';DROP TABLE meta;--'",
        "printf('%.*c', 5000, 'x')", "'2026-13-45'", "'9999-12-31T23:59:59Z'", "'0000-00-00'", "''", "' '",
        "'2099-01-01T00:00:00Z'", "'1'", "0",
    ]

    /// Which rows a mutation touches.
    static let rowSets = ["", "WHERE rowid % 3 = 0", "WHERE rowid = (SELECT min(rowid) FROM T)"]

    /// `count` cases from a fixed seed: the same cases on every run.
    static func cases(count: Int, seed: UInt64 = 14) -> [SnapshotFuzzCase] {
        var random = AnalyticsFixtures.SeededRandom(seed: seed)
        var result: [SnapshotFuzzCase] = []
        for number in 0..<count {
            let (table, columns) = tables[Int(random.next() % UInt64(tables.count))]
            let roll = random.next() % 100
            let kind: Kind
            switch roll {
            case 0..<78:
                let column = columns[Int(random.next() % UInt64(columns.count))]
                let value = values[Int(random.next() % UInt64(values.count))]
                let rows = rowSets[Int(random.next() % UInt64(rowSets.count))].replacingOccurrences(of: "FROM T", with: "FROM \(table)")
                kind = .set(column: column, value: value, rows: rows)
            case 78..<86:
                kind = .delete(rows: roll % 2 == 0 ? "" : "WHERE rowid % 2 = 0")
            case 86..<94:
                kind = .duplicate
            default:
                kind = .view(recursive: roll % 2 == 0)
            }
            result.append(SnapshotFuzzCase(number: number, table: table, kind: kind))
        }
        return result
    }

    /// Whether the table must first be copied without constraints (NOT NULL, keys) for the mutation to apply.
    var needsLooseTable: Bool {
        switch kind {
        case .set(let column, let value, _): return value == "NULL" || column == "id" || table == "meta"
        case .duplicate: return true
        case .delete, .view: return false
        }
    }

    /// Tables declared WITHOUT ROWID, and the key column that picks their rows instead of `rowid`.
    static let withoutRowid = ["attendance": "student_id", "connectivity_probes": "school_id", "intake_plans": "school_id"]

    /// The SQL that applies the mutation, ending with a query printing how many rows it changed.
    var sql: String {
        let quoted = "\"\(table)\""
        let selector = needsLooseTable ? "rowid" : (Self.withoutRowid[table] ?? "rowid")
        var script = "PRAGMA foreign_keys = OFF;\n"
        if needsLooseTable {
            script += "CREATE TABLE fuzz_copy AS SELECT * FROM \(quoted); DROP TABLE \(quoted); ALTER TABLE fuzz_copy RENAME TO \(quoted);\n"
        }
        switch kind {
        case .set(let column, let value, let rows):
            let rows = rows.replacingOccurrences(of: "rowid", with: selector)
            script += "UPDATE OR IGNORE \(quoted) SET \"\(column)\" = \(value) \(rows); SELECT changes();"
        case .delete(let rows):
            let rows = rows.replacingOccurrences(of: "rowid", with: selector)
            script += "DELETE FROM \(quoted) \(rows); SELECT changes();"
        case .duplicate:
            script += "INSERT INTO \(quoted) SELECT * FROM \(quoted); SELECT changes();"
        case .view(let recursive):
            let columns = Self.tables.first { $0.name == table }.map { ["key"] + $0.columns }
            let list = table == "meta" ? "key, value" : (columns?.dropFirst().joined(separator: ", ") ?? "*")
            script += "ALTER TABLE \(quoted) RENAME TO fuzz_original;\n"
            if recursive {
                script += """
                    CREATE VIEW \(quoted) AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n)
                    SELECT \(list) FROM fuzz_original, n;
                    """
            } else {
                script += "CREATE VIEW \(quoted) AS SELECT \(list) FROM fuzz_original;"
            }
            script += " SELECT 1;"
        }
        return script
    }

    /// For a value the console cannot use in a column `check` audits, the table `check` must name (else nil).
    var auditedBadValueTable: String? {
        guard case .set(let column, let value, _) = kind else { return nil }
        let integerColumns: Set<String> = ["admin_units.id", "schools.id", "schools.unit_id", "classes.id", "classes.school_id",
                                           "classes.grade", "students.id", "students.school_id", "students.class_id",
                                           "teachers.school_id", "devices.id", "devices.school_id", "intake_plans.school_id",
                                           "intake_plans.grade", "intake_plans.planned"]
        let textColumns: Set<String> = ["admin_units.code", "admin_units.name", "admin_units.kind", "schools.code",
                                        "schools.name", "schools.status", "classes.name", "devices.kind", "devices.status"]
        let dayColumns: Set<String> = ["students.enrolled_on", "school_days.day"]
        let key = "\(table).\(column)"
        switch value {
        case "NULL": return integerColumns.contains(key) || textColumns.contains(key) || dayColumns.contains(key) ? table : nil
        case "X'00FF'": return integerColumns.contains(key) || textColumns.contains(key) || dayColumns.contains(key) ? table : nil
        case "'abc'", "1.5": return integerColumns.contains(key) || dayColumns.contains(key) ? table : nil
        default: return nil
        }
    }
}
