/// How an export ended, reported back to `update` by the runtime.
public enum ExportOutcome: Sendable, Hashable {
    /// The file was written: its full path and the number of data rows.
    case written(path: String, rows: Int)
    /// Nothing was written; the reason is one line.
    case failed(String)
}
