import Foundation

/// What was generated: rows per table (in schema order), the file, and what "today" was.
public struct SampleSummary: Sendable, Equatable {
    /// Rows written to one table.
    public struct TableCount: Sendable, Equatable {
        /// Table name.
        public let table: String
        /// Number of rows.
        public let rows: Int
    }

    /// Rows per table, in the order of `SnapshotSchema.requiredColumns`.
    public let tables: [TableCount]
    /// The snapshot file written.
    public let file: URL
    /// Size of the snapshot in bytes.
    public let fileBytes: Int64
    /// The school year, e.g. '2026-2027'.
    public let schoolYear: String
    /// Today's date in the province, 'YYYY-MM-DD'.
    public let today: String
    /// Whether today is a school day in the snapshot (naturally or forced).
    public let isSchoolDayToday: Bool

    /// Rows in `table`, or 0 if it is not listed.
    public func rows(in table: String) -> Int {
        tables.first { $0.table == table }?.rows ?? 0
    }
}
