import ReportModel
import Foundation

/// A column of the children table. Which columns show depends on the level of the children.
public enum ChildColumn: String, Sendable, Hashable, CaseIterable {
    case name, code, schools, students, rate, completeness, unreported, teachers, computersWorking, learnersPerComputer, network

    /// The header text.
    public func title(_ language: Language) -> String {
        switch self {
        case .name: return UIText.columnName.in(language)
        case .code: return UIText.code.in(language)
        case .schools: return UIText.columnSchools.in(language)
        case .students: return UIText.columnStudents.in(language)
        case .rate: return UIText.columnRate.in(language)
        case .completeness: return UIText.columnCompleteness.in(language)
        case .unreported: return UIText.columnUnreported.in(language)
        case .teachers: return UIText.columnTeachers.in(language)
        case .computersWorking: return UIText.columnWorkingComputers.in(language)
        case .learnersPerComputer: return UIText.columnComputers.in(language)
        case .network: return UIText.columnNet.in(language)
        }
    }

    /// The columns shown for children at `level`; `wide` screens get the detail columns too.
    public static func columns(for level: NodeLevel, wide: Bool) -> [ChildColumn] {
        let detail: [ChildColumn] = wide ? [.unreported, .teachers, .computersWorking] : []
        switch level {
        case .province, .unit:
            return [.name, .schools, .students, .rate, .completeness] + detail + [.learnersPerComputer, .network]
        case .school: return [.name, .students, .rate, .completeness] + detail + [.learnersPerComputer, .network]
        case .class: return [.name, .students, .rate, .completeness] + (wide ? [.unreported] : [])
        }
    }

    /// Screens at least this wide show the detail columns and the code.
    public static let wideScreenColumns = 140

    /// The columns for children at `level` on a screen `width` columns wide: the name first and widest; when
    /// space runs short the numeric columns give way first (least telling first), never the name.
    public static func columns(for level: NodeLevel, width: Int, language: Language) -> [ChildColumn] {
        let wide = width >= wideScreenColumns
        var columns = Self.columns(for: level, wide: wide)
        if wide && level != .class { columns.insert(.code, at: 1) }
        let inner = max(0, width - 2)
        let nameMinimum = inner >= 70 ? 28 : 22
        let dropOrder: [ChildColumn] = [.computersWorking, .teachers, .unreported, .code, .learnersPerComputer, .schools,
                                        .completeness, .students, .network, .rate]
        func needed(_ cs: [ChildColumn]) -> Int {
            cs.filter { $0 != .name }.reduce(nameMinimum) { $0 + 1 + $1.fixedWidth(language) }
        }
        for victim in dropOrder where needed(columns) > inner {
            columns.removeAll { $0 == victim }
        }
        return columns
    }

    /// The width of a fixed column (the name is flexible: 0).
    public func fixedWidth(_ language: Language) -> Int {
        switch self {
        case .name: return 0
        case .code: return 13
        case .schools: return 7
        case .students: return 9
        case .rate, .completeness: return 7
        case .learnersPerComputer, .unreported, .teachers, .computersWorking: return 8
        case .network: return language == .vi ? 14 : 12
        }
    }

    /// The value rows are sorted by in this column (numbers sort numerically; nil sorts last).
    func sortValue(_ figures: NodeFigures) -> SortValue {
        switch self {
        case .name: return .text(SearchKey.fold(figures.node.name))
        case .code: return .text(figures.node.code)
        case .schools: return .number(Double(figures.attendance.schoolsTotal))
        case .students: return .number(Double(figures.enrollment.enrolled))
        case .rate: return figures.attendance.rate.map(SortValue.number) ?? .missing
        case .completeness: return figures.attendance.completeness.map(SortValue.number) ?? .missing
        case .unreported: return .number(Double(figures.attendance.unreported))
        case .teachers: return .number(Double(figures.enrollment.teachers))
        case .computersWorking: return .number(Double(figures.devices.computersWorking))
        case .learnersPerComputer: return figures.devices.learnersPerComputer.map(SortValue.number) ?? .missing
        case .network: return .number(ChildColumn.networkSeverity(figures.connectivity))
        }
    }

    /// Worse connectivity sorts higher: offline share, then unknown, then moderate.
    static func networkSeverity(_ c: ConnectivityFigures) -> Double {
        let total = Double(max(1, c.good + c.moderate + c.offline + c.unknown))
        return (Double(c.offline) * 1000 + Double(c.unknown) * 10 + Double(c.moderate)) / total
    }
}

/// A sortable cell value: numbers, then text, then missing values; text compares digit runs as numbers, so
/// classes read 6A1 … 9A2, 10A1 and not 10A1 before 6A1.
enum SortValue: Comparable {
    case number(Double)
    case text(String)
    case missing

    static func < (lhs: SortValue, rhs: SortValue) -> Bool {
        switch (lhs, rhs) {
        case let (.number(a), .number(b)): return a < b
        case let (.text(a), .text(b)):
            let order = a.compare(b, options: [.numeric])
            return order == .orderedSame ? a < b : order == .orderedAscending
        case (.number, _), (.text, .missing): return true
        default: return false
        }
    }
}
