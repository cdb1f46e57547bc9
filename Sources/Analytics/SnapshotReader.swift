import GRDB
import SectorData

/// Something that runs a closure in one read transaction of a snapshot: SectorData's validating `Snapshot`
/// (what the console and `eduioc report` use) or any GRDB `DatabaseReader` opened read-only (tests, tools).
package protocol SnapshotReader: Sendable {
    /// Runs `body` inside one read transaction; every query in it sees the same database state.
    func read<T>(_ body: (Database) throws -> T) throws -> T
}

extension Snapshot: SnapshotReader {}

/// Adapts a GRDB reader (`DatabaseQueue`, `DatabasePool`) to `SnapshotReader`.
struct DatabaseReaderSource: SnapshotReader {
    let reader: any DatabaseReader

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try reader.read(body)
    }
}
