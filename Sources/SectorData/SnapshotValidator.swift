import Foundation
import GRDB

/// Checks an open snapshot against ``SnapshotSchema``: meta first, then version, tables, columns, indexes.
///
/// Runs inside one read transaction. Errors are ``SnapshotError``; missing indexes are warnings.
enum SnapshotValidator {
    /// What a successful validation yields.
    struct Outcome {
        let metadata: SnapshotMetadata
        let warnings: [SnapshotWarning]
    }

    static func validate(_ db: Database, path: String) throws -> Outcome {
        let metaColumns = SnapshotSchema.requiredColumns.first { $0.table == "meta" }?.columns ?? ["key", "value"]
        try requireColumns(metaColumns, of: "meta", in: db, path: path)
        let values = try SnapshotMetadata.readValues(db)

        guard let versionText = values["schema_version"] else {
            throw SnapshotError.missingMetaKey(path: path, key: "schema_version")
        }
        // Exactly "1": not " 1", "01", "+1" or "1.0", which a reader of another build might take for something else.
        guard versionText == String(SnapshotSchema.version) else {
            throw SnapshotError.schemaVersionMismatch(path: path, found: versionText, expected: SnapshotSchema.version)
        }

        for (table, columns) in SnapshotSchema.requiredColumns where table != "meta" {
            try requireColumns(columns, of: table, in: db, path: path)
        }
        for key in SnapshotSchema.requiredMetaKeys where values[key] == nil {
            throw SnapshotError.missingMetaKey(path: path, key: key)
        }

        var warnings: [SnapshotWarning] = []
        let metadata = try decodeMetadata(values, version: SnapshotSchema.version, path: path, warnings: &warnings)
        for spec in SnapshotSchema.requiredIndexes where try !spec.isPresent(in: db) {
            warnings.append(.missingIndex(spec))
        }
        if try ChangeTokens.read(db) == nil {
            let differing = try db.tableExists(ChangeTokens.tableName) && ChangeTokens.missingTriggers(in: db).isEmpty
                ? try ChangeTokens.nonconformingTriggers(in: db) : []
            warnings += differing.isEmpty ? [.noChangeTokens] : differing.map { .changeTokenTriggerDiffers(name: $0.name) }
        }
        return Outcome(metadata: metadata, warnings: warnings)
    }

    private static func requireColumns(_ columns: [String], of table: String, in db: Database, path: String) throws {
        // A view (or a virtual table) in place of a table could run any query, a recursive CTE forever: refused.
        if let row = try Row.fetchOne(db, sql: """
            SELECT type, sql FROM sqlite_schema WHERE lower(name) = lower(?) AND type IN ('table', 'view')
            """, arguments: [table]) {
            if row.checkedText(0) == "view" { throw SnapshotError.notATable(path: path, table: table, kind: "view") }
            let sql = row.checkedText(1) ?? ""
            if sql.range(of: #"^\s*CREATE\s+VIRTUAL\s+TABLE"#, options: [.regularExpression, .caseInsensitive]) != nil {
                throw SnapshotError.notATable(path: path, table: table, kind: "virtual table")
            }
        }
        let present = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
        guard !present.isEmpty else { throw SnapshotError.missingTable(path: path, table: table) }
        let presentLowercased = Set(present.map { $0.lowercased() })
        if let missing = columns.first(where: { !presentLowercased.contains($0.lowercased()) }) {
            throw SnapshotError.missingColumn(path: path, table: table, column: missing)
        }
    }

    private static func decodeMetadata(_ values: [String: String], version: Int, path: String,
                                       warnings: inout [SnapshotWarning]) throws -> SnapshotMetadata {
        func nonEmpty(_ key: String) throws -> String {
            let value = values[key] ?? ""
            guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw SnapshotError.invalidMetaValue(path: path, key: key, value: value, expected: "a non-empty value")
            }
            return value
        }
        let provinceCode = try nonEmpty("province_code")
        let provinceName = try nonEmpty("province_name")
        let schoolYear = try nonEmpty("school_year")
        if !isSchoolYear(schoolYear) {
            warnings.append(.unusualMetaValue(key: "school_year", value: schoolYear,
                                              expected: "two consecutive years like 2025-2026"))
        }
        let zoneName = try nonEmpty("timezone")
        guard let timeZone = TimeZone(identifier: zoneName) else {
            throw SnapshotError.invalidMetaValue(path: path, key: "timezone", value: zoneName,
                                                 expected: "an IANA time zone like Asia/Ho_Chi_Minh")
        }
        let publishedText = values["published_at"] ?? ""
        guard let publishedAt = SnapshotTime.parse(publishedText) else {
            throw SnapshotError.invalidMetaValue(path: path, key: "published_at", value: publishedText,
                                                 expected: "a UTC timestamp like 2026-11-23T00:42:00Z")
        }
        return SnapshotMetadata(schemaVersion: version, provinceCode: provinceCode, provinceName: provinceName,
                                schoolYear: schoolYear, timeZone: timeZone, publishedAt: publishedAt, values: values)
    }

    private static func isSchoolYear(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 4 }),
              let first = Int(parts[0]), let second = Int(parts[1]) else { return false }
        return second == first + 1
    }
}
