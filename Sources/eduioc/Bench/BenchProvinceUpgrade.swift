import GRDB
import SectorData

/// Brings a province the bench built earlier up to today's snapshot contract — the indexes and change tokens
/// added since — in seconds to minutes, instead of building it again (about 11 minutes for a school year).
enum BenchProvinceUpgrade {
    /// Adds what is missing; an index of the contract's name with other columns is replaced.
    static func apply(path: String, note: (String) -> Void) throws {
        let writer = try DatabaseQueue(path: path)
        defer { try? writer.close() }
        try writer.write { db in
            for spec in SnapshotSchema.requiredIndexes where try !spec.isPresent(in: db) {
                note("adding index \(spec.name) to the reused province (it changed since the province was built)")
                try db.execute(sql: "DROP INDEX IF EXISTS \(spec.name)")
                try db.execute(sql: spec.ddl)
            }
            guard try db.tableExists(ChangeTokens.tableName) else { return }
            for name in ChangeTokens.trackedNames {
                try db.execute(sql: "INSERT OR IGNORE INTO \(ChangeTokens.tableName) (table_name, token) VALUES (?, random())",
                               arguments: [name])
            }
            for trigger in try ChangeTokens.missingTriggers(in: db) {
                note("adding trigger \(trigger.name) to the reused province")
                try db.execute(sql: trigger.ddl)
            }
        }
    }
}
