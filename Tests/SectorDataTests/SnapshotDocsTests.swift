import Foundation
import SectorData
import Testing

@Suite("docs/SNAPSHOT.md documents everything SnapshotSchema defines")
struct SnapshotDocsTests {
    private static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func document() throws -> String {
        try String(contentsOf: Self.packageRoot.appendingPathComponent("docs/SNAPSHOT.md"), encoding: .utf8)
    }

    @Test("every table has a section and every column a row")
    func tablesAndColumns() throws {
        let text = try document()
        for (table, columns) in SnapshotSchema.requiredColumns {
            #expect(text.contains("### `\(table)`"), "no section for \(table)")
            for column in columns {
                #expect(text.contains("| `\(column)` |"), "no row for \(table).\(column)")
            }
        }
        for key in SnapshotSchema.requiredMetaKeys {
            #expect(text.contains("| `\(key)` |"), "meta key \(key) undocumented")
        }
    }

    @Test("every allowed value is listed")
    func allowedValues() throws {
        let text = try document()
        let lists = [
            SnapshotSchema.Allowed.unitKinds, SnapshotSchema.Allowed.schoolLevels, SnapshotSchema.Allowed.ownerships,
            SnapshotSchema.Allowed.schoolStatuses, SnapshotSchema.Allowed.genders, SnapshotSchema.Allowed.leaveReasons,
            SnapshotSchema.Allowed.attendanceStatuses, SnapshotSchema.Allowed.attendanceSources,
            SnapshotSchema.Allowed.deviceKinds, SnapshotSchema.Allowed.deviceStatuses,
        ]
        for list in lists {
            #expect(text.contains(list.map { "`\($0)`" }.joined(separator: ", ")), "\(list) not listed in order")
        }
    }

    @Test("every required index is documented with its DDL, and the formats are named")
    func indexesAndFormats() throws {
        let text = try document()
        for index in SnapshotSchema.requiredIndexes {
            #expect(text.contains(index.ddl + ";"), "no DDL for \(index.name)")
            #expect(text.contains("`\(index.table)(\(index.columns.joined(separator: ", ")))`"))
        }
        #expect(text.contains("`\(SnapshotSchema.timestampFormat)`"))
        #expect(text.contains("`\(SnapshotSchema.dateFormat)`"))
        #expect(text.contains("schema version \(SnapshotSchema.version)"))
    }
}

@Suite("docs/SNAPSHOT.md gives the change-token DDL verbatim")
struct SnapshotDocsTriggerTests {
    @Test("every trigger statement of the contract is on the page as code states it")
    func everyTriggerIsVerbatim() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/SNAPSHOT.md"), encoding: .utf8)
        for trigger in ChangeTokens.triggers {
            #expect(text.contains(trigger.ddl + ";"), "\(trigger.name) is not on the page verbatim")
        }
        for name in ChangeTokens.trackedNames {
            #expect(text.contains("VALUES ('\(name)', "), "no row for token \(name)")
        }
    }
}
