import GRDB

extension SnapshotMetadata {
    /// Every `meta` key and its value as text, read inside the caller's transaction: the first row of a key with a
    /// value wins, NULLs are left out. The one reader of `meta`: validation (`SnapshotValidator`) and every report
    /// (which needs `published_at` as of its own transaction) use it.
    package static func readValues(_ db: Database) throws -> [String: String] {
        var values: [String: String] = [:]
        let rows = try Row.fetchCursor(try db.cachedStatement(sql: "SELECT CAST(key AS TEXT), CAST(value AS TEXT) FROM meta"))
        while let row = try rows.next() {
            guard let key = row.checkedText(0), let value = row.checkedText(1), values[key] == nil else { continue }
            values[key] = value
        }
        return values
    }
}
