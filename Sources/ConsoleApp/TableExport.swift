import ReportModel
import Foundation

/// A request to write the table on screen to a CSV file: everything the worker needs, captured from state.
public struct TableExport: Sendable, Hashable {
    /// The directory the file goes into (the only place the console ever writes).
    public var directory: String
    /// The node whose children the table lists (its code names the file).
    public var node: NodeRef
    /// The level of the rows.
    public var level: NodeLevel
    /// The rows as shown: filtered and sorted.
    public var rows: [NodeFigures]
    /// The language of the header row.
    public var language: Language
    /// The province's time zone, for the time in the file name.
    public var timeZone: TimeZone
    /// When the export was asked for.
    public var at: Date
    /// The data-quality list instead of the table (the `d` overlay's `e`).
    public var dataQuality: [DataQualityReport.Entry]?

    /// Creates a request.
    public init(directory: String, node: NodeRef, level: NodeLevel, rows: [NodeFigures], language: Language,
                timeZone: TimeZone, at: Date, dataQuality: [DataQualityReport.Entry]? = nil) {
        self.dataQuality = dataQuality
        self.directory = directory
        self.node = node
        self.level = level
        self.rows = rows
        self.language = language
        self.timeZone = timeZone
        self.at = at
    }

    /// The rows written: the table's, or the data-quality list's.
    public var rowCount: Int { dataQuality?.count ?? rows.count }

    /// The file's CSV text.
    var csv: String {
        if let dataQuality { return DataQualityCSV.text(dataQuality, language: language) }
        return CSVTable.text(level: level, rows: rows, language: language)
    }

    /// `eduioc-<node-code>-<YYYYmmdd-HHMM>.csv` (`eduioc-data-quality-…` for the data-quality list) in the province's time; characters other than letters, digits,
    /// `.`, `_` and `-` in the code become `_`, so the name can never leave the directory.
    public var fileName: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: at)
        let stamp = String(format: "%04d%02d%02d-%02d%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0)
        let safe = String(node.code.unicodeScalars.map { scalar -> Character in
            let allowed = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
            return allowed ? Character(scalar) : "_"
        })
        let code = safe.isEmpty || safe.hasPrefix(".") ? "_" + safe : safe
        return "eduioc-\(dataQuality == nil ? "" : "data-quality-")\(code)-\(stamp).csv"
    }
}
