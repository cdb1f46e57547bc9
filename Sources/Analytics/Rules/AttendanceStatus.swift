/// An attendance row's status, as the snapshot contract writes it (`attendance.status`).
public enum AttendanceStatus: String, CaseIterable, Sendable {
    case present, late, excused, unexcused

    /// Present or late: counted in the attendance rate's numerator.
    public var isAttending: Bool { self == .present || self == .late }

    /// Excused or unexcused: counted towards chronic absence.
    public var isAbsent: Bool { !isAttending }

    /// A small code (0 present, 1 late, 2 excused, 3 unexcused), for packed in-memory rows.
    var code: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// The status of a code made by `code`.
    init?(code: Int) {
        guard Self.allCases.indices.contains(code) else { return nil }
        self = Self.allCases[code]
    }

    /// `status IN ('present', 'late', …)` for the statuses `filter` keeps, on column `column`.
    static func sqlIn(_ column: String, where filter: (AttendanceStatus) -> Bool = { _ in true }) -> String {
        "\(column) IN (" + allCases.filter(filter).map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
    }

    /// `CASE column WHEN 'present' THEN 0 … ELSE -1 END`: the status code in SQL, no string per row.
    static func sqlCode(_ column: String) -> String {
        "CASE \(column) " + allCases.map { "WHEN '\($0.rawValue)' THEN \($0.code) " }.joined() + "ELSE -1 END"
    }
}
