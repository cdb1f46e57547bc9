import ReportModel

/// The data-quality list as CSV (RFC 4180, CRLF), a header row in the UI language, one row per school and reason.
enum DataQualityCSV {
    /// The CSV text of `entries`.
    static func text(_ entries: [DataQualityReport.Entry], language: Language) -> String {
        var lines = [DataQualityText.csvHeader(language).map(CSVTable.quote).joined(separator: ",")]
        for e in entries {
            lines.append([
                CSVTable.quote(e.school?.code ?? String(e.schoolID)),
                CSVTable.quote(e.school?.name ?? DataQualityText.unknownSchool(e.schoolID, language)),
                CSVTable.quote(DataQualityText.reason(e.problem, language)),
                e.problem.rawValue, String(e.rows), e.firstDay.filter { $0.isNumber || $0 == "-" },
                e.lastDay.filter { $0.isNumber || $0 == "-" },
            ].joined(separator: ","))
        }
        return lines.map { $0 + "\r\n" }.joined()
    }
}
