import Foundation

/// The snapshot contract's SQL as docs/SNAPSHOT.md gives it to an outside writer (its "The DDL" and "Required
/// indexes" blocks), read from the page itself: snapshots built from it test the engine against the contract's
/// text, not against `SnapshotSchema` or SampleProvince.
public enum ContractDDL {
    /// The statements of the `sql` code block that follows `heading` in docs/SNAPSHOT.md.
    public static func block(after heading: String) throws -> [String] {
        let page = try String(contentsOf: PackagePaths.root.appendingPathComponent("docs/SNAPSHOT.md"), encoding: .utf8)
        guard let start = page.range(of: heading),
              let open = page.range(of: "```sql\n", range: start.upperBound..<page.endIndex),
              let close = page.range(of: "```", range: open.upperBound..<page.endIndex) else {
            throw ContractDDLError(heading: heading)
        }
        return page[open.upperBound..<close.lowerBound]
            .components(separatedBy: ";")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty && !$0.hasPrefix("--") }
            .map { $0 + ";" }
    }

    /// The tables and the required indexes, as the contract's page writes them.
    public static func tablesAndIndexes() throws -> [String] {
        try block(after: "### The DDL") + block(after: "## Required indexes")
    }
}

/// docs/SNAPSHOT.md lacks a block the tests read.
public struct ContractDDLError: Error, CustomStringConvertible {
    let heading: String
    public var description: String { "docs/SNAPSHOT.md has no ```sql block after \"\(heading)\"" }
}
