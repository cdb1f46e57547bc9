import ReportModel
import Foundation

/// The children table as CSV text (RFC 4180): a header row in the UI language, then one row per child.
///
/// Numbers stay numeric for spreadsheets: no thousands separators, '.' as the decimal mark, rates as percentages
/// with one decimal, an empty cell when a figure is undefined. Names keep their Vietnamese letters (UTF-8, NFC);
/// a text cell that a spreadsheet would run as a formula (starting with =, +, -, @) gets a leading apostrophe.
public enum CSVTable {
    /// The CSV text for `rows` of `level`, lines ending in CRLF.
    public static func text(level: NodeLevel, rows: [NodeFigures], language: Language) -> String {
        let fields = Field.fields(for: level)
        var lines = [fields.map { quote($0.title(language)) }.joined(separator: ",")]
        for row in rows {
            lines.append(fields.map { $0.cell(row) }.joined(separator: ","))
        }
        return lines.map { $0 + "\r\n" }.joined()
    }

    /// One column of the export.
    enum Field: CaseIterable {
        case code, name, schools, students, present, late, excused, unexcused, unreported, rate, completeness
        case schoolsReporting, teachers, computersWorking, learnersPerComputer, good, moderate, offline, unknown

        /// The columns exported for rows at `level`: classes carry attendance only; devices and network are per school.
        static func fields(for level: NodeLevel) -> [Field] {
            let attendance: [Field] = [.code, .name, .students, .present, .late, .excused, .unexcused, .unreported,
                                       .rate, .completeness]
            let school: [Field] = [.teachers, .computersWorking, .learnersPerComputer, .good, .moderate, .offline, .unknown]
            switch level {
            case .province, .unit:
                return [.code, .name, .schools] + attendance.dropFirst(2) + [.schoolsReporting] + school
            case .school: return attendance + school
            case .class: return attendance
            }
        }

        func title(_ language: Language) -> String {
            switch self {
            case .code: return UIText.code.in(language)
            case .name: return UIText.columnName.in(language)
            case .schools: return UIText.columnSchools.in(language)
            case .students: return UIText.students.in(language)
            case .present: return UIText.present.in(language)
            case .late: return UIText.late.in(language)
            case .excused: return UIText.excused.in(language)
            case .unexcused: return UIText.unexcused.in(language)
            case .unreported: return UIText.unreported.in(language)
            case .rate: return UIText.rate.in(language) + " (%)"
            case .completeness: return UIText.completeness.in(language) + " (%)"
            case .schoolsReporting: return UIText.schoolsReporting.in(language)
            case .teachers: return UIText.teachers.in(language)
            case .computersWorking: return UIText.computersWorking.in(language)
            case .learnersPerComputer: return UIText.learnersPerComputer.in(language)
            case .good: return UIText.connectivity.in(language) + ": " + UIText.good.in(language)
            case .moderate: return UIText.connectivity.in(language) + ": " + UIText.moderate.in(language)
            case .offline: return UIText.connectivity.in(language) + ": " + UIText.offline.in(language)
            case .unknown: return UIText.connectivity.in(language) + ": " + UIText.unknown.in(language)
            }
        }

        func cell(_ f: NodeFigures) -> String {
            switch self {
            case .code: return CSVTable.quote(f.node.code)
            case .name: return CSVTable.quote(f.node.name)
            case .schools: return String(f.attendance.schoolsTotal)
            case .students: return String(f.enrollment.enrolled)
            case .present: return String(f.attendance.present)
            case .late: return String(f.attendance.late)
            case .excused: return String(f.attendance.excused)
            case .unexcused: return String(f.attendance.unexcused)
            case .unreported: return String(f.attendance.unreported)
            case .rate: return CSVTable.number(f.attendance.rate.map { $0 * 100 })
            case .completeness: return CSVTable.number(f.attendance.completeness.map { $0 * 100 })
            case .schoolsReporting: return String(f.attendance.schoolsReporting)
            case .teachers: return String(f.enrollment.teachers)
            case .computersWorking: return String(f.devices.computersWorking)
            case .learnersPerComputer: return CSVTable.number(f.devices.learnersPerComputer)
            case .good: return String(f.connectivity.good)
            case .moderate: return String(f.connectivity.moderate)
            case .offline: return String(f.connectivity.offline)
            case .unknown: return String(f.connectivity.unknown)
            }
        }
    }

    /// A decimal with one fraction digit and '.' whatever the locale; empty when undefined.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        guard abs(value) < 1e15 else { return String(format: "%.3g", value) }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    /// A text cell: NFC, formula-guarded, and quoted when it holds a comma, quote, line break or edge space.
    static func quote(_ raw: String) -> String {
        var text = raw.precomposedStringWithCanonicalMapping
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.hasPrefix(" ") || text.hasSuffix(" ")
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
