/// Something about a snapshot that does not stop the console from reading it but deserves attention.
public enum SnapshotWarning: Sendable, Equatable, CustomStringConvertible {
    /// No index on the table has the contract's leading columns; the queries that need it will be slow.
    case missingIndex(SnapshotSchema.IndexSpec)
    /// The snapshot has no change tokens (or lacks one of their triggers): every refresh re-reads every table.
    case noChangeTokens
    /// A change-token trigger exists under its contract name but its statement differs from the contract's (an
    /// empty body, another condition): no token is trusted, every refresh re-reads every table.
    case changeTokenTriggerDiffers(name: String)
    /// A `meta` value does not have the documented shape but the console can still work with it.
    case unusualMetaValue(key: String, value: String, expected: String)

    /// Whether it is a part of the contract that keeps refreshes fast the file lacks: an index or the change tokens.
    public var isMissingSpeedContract: Bool {
        switch self {
        case .missingIndex, .noChangeTokens, .changeTokenTriggerDiffers: true
        case .unusualMetaValue: false
        }
    }

    /// One line describing the warning.
    public var description: String {
        switch self {
        case .missingIndex(let spec):
            return "missing index on \(spec.table)(\(spec.columns.joined(separator: ", "))), needed for "
                + "\(spec.purpose); queries will be slow (e.g. \(spec.ddl))"
        case .noChangeTokens:
            return "no change tokens (table change_tokens with all its triggers): every refresh re-reads every table "
                + "and summaries cannot be kept between runs; see docs/SNAPSHOT.md, Change tokens"
        case .changeTokenTriggerDiffers(let name):
            return "change-token trigger \(name) does not do what the contract's does (its statement differs from "
                + "docs/SNAPSHOT.md, Change tokens): no token is trusted, every refresh re-reads every table"
        case .unusualMetaValue(let key, let value, let expected):
            return SnapshotError.oneLine("meta '\(key)' is '\(value)', expected \(expected)")
        }
    }
}
