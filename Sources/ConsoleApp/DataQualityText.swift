import ReportModel

/// The data-quality list's fixed strings, in Vietnamese and English ("đúng, đủ, sạch, sống").
enum DataQualityText {
    /// The overlay's title.
    static func title(_ language: Language) -> String {
        language == .vi ? "Dữ liệu cần sửa" : "Data to fix"
    }

    /// Shown while the rows are checked.
    static func checking(_ language: Language) -> String {
        language == .vi ? "Đang kiểm tra dữ liệu điểm danh…" : "Checking attendance rows…"
    }

    /// Shown when nothing is wrong.
    static func clean(_ language: Language) -> String {
        language == .vi ? "Dữ liệu đúng quy tắc: không có dòng nào bị loại" : "Data follows the rules: no row left out"
    }

    /// What the list covers.
    static func scopeNote(days: Int, language: Language) -> String {
        language == .vi ? "dòng điểm danh bị loại khỏi số liệu, \(days) ngày học gần nhất"
                        : "attendance rows left out of the figures, last \(days) school days"
    }

    /// The attendance panel's indicator: today's rows left out, and the key that lists them.
    static func rowsLeftOut(_ n: Int, _ language: Language) -> String {
        language == .vi ? "\(Formats.count(n, language)) dòng bị loại (d)" : "\(Formats.count(n, language)) rows left out (d)"
    }

    /// "rows".
    static func rows(_ language: Language) -> String { language == .vi ? "dòng" : "rows" }

    /// A duplicated code.
    static func duplicateCode(_ code: String, _ language: Language) -> String {
        language == .vi ? "Mã \(code) bị trùng: không mở được bằng mã" : "Code \(code) is not unique: cannot be opened by code"
    }

    /// A school id that names no school.
    static func unknownSchool(_ id: Int64, _ language: Language) -> String {
        language == .vi ? "Trường mã số \(id) (không có trong danh mục)" : "School id \(id) (not in the tree)"
    }

    /// The reason, as a unit head would read it.
    static func reason(_ problem: AttendanceRowProblem, _ language: Language) -> String {
        switch (problem, language) {
        case (.notEnrolled, .vi): return "học sinh không theo học ngày đó"
        case (.notEnrolled, .en): return "pupil not enrolled that day"
        case (.otherSchool, .vi): return "ghi tên trường khác trường của học sinh"
        case (.otherSchool, .en): return "names another school than the pupil's"
        case (.unknownStudent, .vi): return "học sinh không có trong danh sách"
        case (.unknownStudent, .en): return "unknown student"
        case (.invalidValue, .vi): return "giá trị không hợp lệ"
        case (.invalidValue, .en): return "invalid value"
        }
    }

    /// The CSV header.
    static func csvHeader(_ language: Language) -> [String] {
        language == .vi ? ["Mã trường", "Tên trường", "Lý do", "Mã lý do", "Số dòng", "Từ ngày", "Đến ngày"]
                        : ["School code", "School name", "Reason", "Reason code", "Rows", "From", "To"]
    }
}
