/// Every fixed string the console shows, in Vietnamese and English.
///
/// Screens never hold literal UI text: they ask `UIText.x.in(language)`.
public enum UIText: String, CaseIterable, Sendable {
    // Panels
    case attendance, enrollment, devices, connectivity
    // Attendance
    case present, late, excused, unexcused, unreported, rate, completeness, schoolsReporting, chronicAbsent
    case trend30, noSchoolToday, beforeSchoolYear
    // Enrollment
    case students, female, male, joined, left, teachers, pupilTeacherRatio, intakePlan
    // Devices
    case computersWorking, learnersPerComputer, projectors, camerasOnline, gatesOnline, broken, devicesAtSchoolLevel
    // Connectivity
    case good, moderate, offline, unknown, medianDownload, latency
    // Table columns
    case columnName, columnSchools, columnStudents, columnRate, columnCompleteness, columnComputers, columnNet
    case columnUnreported, columnTeachers, columnWorkingComputers
    case columnClasses, columnDay, adminUnits
    // Header and status
    case asOf, dataAge, minutesAgo, hoursAgo, justNow, scope, alertsCount, paused, loading, province
    case staleSince, windowTooSmall, noAlerts, noRows, noMatch, filterPrompt, jumpPrompt, jumpHelp
    case notInYourArea, accessChanged, classPrivacyNote, helpTitle, alertsTitle, helpClose, sortedBy
    case themeLabel, languageName
    // Search, completion, codes
    case noSuchNode, themeNamed, searchTitle, searchKeys, jumpKeys, resultsWord, kindUnit, kindSchool, kindClass
    case columnPath, needAtLeast
    // Alerts: severity, durations, staleness
    case sinceWord, agoTemplate, criticalWord, warningWord, moreWord, hourUnit, minuteUnit, dayUnit, offlineFor, staleData, publishedAt, limitWord
    case unchangedSince, clockAheadTemplate
    // Column explanations (help)
    case columnsTitle, explainName, explainCode, explainSchools, explainStudents, explainRate, explainCompleteness
    case explainUnreported, explainTeachers, explainComputers, explainLearnersPerComputer, explainNet
    // Export
    case code, exported, rowsWord, exportNotAllowed, exportEmpty, exportFailed
    // Alerts
    case alertSchoolOffline, alertLowAttendance, alertLowCompleteness, alertChronicAbsence, alertSnapshotStale
    // Command descriptions (help overlay) and short hints (key bar)
    case cmdMove, cmdPage, cmdEnds, cmdDrill, cmdBack, cmdFilter, cmdJump, cmdSort, cmdReverseSort
    case cmdExport, cmdAlerts, cmdDataQuality, cmdTheme, cmdLanguage, cmdRefresh, cmdPause, cmdHelp, cmdQuit
    case cmdWall, cmdWallPage, cmdWallRotation, hintWall
    case hintDrill, hintBack, hintFilter, hintJump, hintSort, hintAlerts, hintHelp, hintQuit, hintTheme, hintLanguage

    /// The text in `language`.
    public func `in`(_ language: Language) -> String {
        let pair = texts
        return language == .vi ? pair.vi : pair.en
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private var texts: (vi: String, en: String) {
        switch self {
        case .attendance: return ("Chuyên cần", "Attendance")
        case .enrollment: return ("Sĩ số", "Enrollment")
        case .devices: return ("Thiết bị", "Devices")
        case .connectivity: return ("Kết nối", "Connectivity")
        case .present: return ("Có mặt", "Present")
        case .late: return ("Đi muộn", "Late")
        case .excused: return ("Vắng có phép", "Excused")
        case .unexcused: return ("Vắng không phép", "Unexcused")
        case .unreported: return ("Chưa điểm danh", "Not reported")
        case .rate: return ("Tỉ lệ đi học", "Attendance rate")
        case .completeness: return ("Đã điểm danh", "Completeness")
        case .schoolsReporting: return ("Trường báo cáo", "Schools reporting")
        case .chronicAbsent: return ("Vắng thường xuyên", "Chronically absent")
        case .trend30: return ("30 ngày học", "30 school days")
        case .noSchoolToday: return ("Hôm nay nghỉ học — số liệu ngày", "No school today — figures of")
        case .beforeSchoolYear: return ("Chưa vào năm học", "Before the school year")
        case .students: return ("Học sinh", "Students")
        case .female: return ("Nữ", "Female")
        case .male: return ("Nam", "Male")
        case .joined: return ("Nhập học", "Joined")
        case .left: return ("Nghỉ, chuyển", "Left")
        case .teachers: return ("Giáo viên", "Teachers")
        case .pupilTeacherRatio: return ("HS/GV", "Pupils/teacher")
        case .intakePlan: return ("Chỉ tiêu", "Intake plan")
        case .computersWorking: return ("Máy tính tốt", "Working computers")
        case .learnersPerComputer: return ("HS/máy", "Learners/computer")
        case .projectors: return ("Máy chiếu", "Projectors")
        case .camerasOnline: return ("Camera hoạt động", "Cameras online")
        case .gatesOnline: return ("Cổng điểm danh", "Attendance gates")
        case .broken: return ("Hỏng", "Broken")
        case .devicesAtSchoolLevel: return ("Thiết bị được thống kê ở cấp trường", "Devices are counted per school")
        case .good: return ("Tốt", "Good")
        case .moderate: return ("Chậm", "Moderate")
        case .offline: return ("Mất kết nối", "Offline")
        case .unknown: return ("Chưa rõ", "Unknown")
        case .medianDownload: return ("Tốc độ tải", "Median download")
        case .latency: return ("Độ trễ", "Latency")
        case .columnName: return ("Tên", "Name")
        case .columnSchools: return ("Trường", "Schools")
        case .columnStudents: return ("HS", "Students")
        case .columnRate: return ("Đi học", "Attend.")
        case .columnCompleteness: return ("Đủ", "Compl.")
        case .columnComputers: return ("HS/máy", "Lrn/PC")
        case .columnNet: return ("Mạng", "Net")
        case .columnClasses: return ("Lớp", "Classes")
        case .columnDay: return ("Ngày", "Day")
        case .adminUnits: return ("Đơn vị hành chính", "Communes and wards")
        case .columnUnreported: return ("Chưa ĐD", "Unrep.")
        case .columnTeachers: return ("GV", "Teachers")
        case .columnWorkingComputers: return ("Máy tốt", "PCs ok")
        case .asOf: return ("lúc", "as of")
        case .dataAge: return ("dữ liệu", "data")
        case .minutesAgo: return ("phút trước", "min ago")
        case .hoursAgo: return ("giờ trước", "h ago")
        case .justNow: return ("vừa xong", "just now")
        case .scope: return ("Phạm vi", "Scope")
        case .alertsCount: return ("cảnh báo", "alerts")
        case .paused: return ("TẠM DỪNG", "PAUSED")
        case .loading: return ("Đang tải…", "Loading…")
        case .province: return ("Toàn tỉnh", "Province")
        case .staleSince: return ("Dữ liệu cũ từ", "Stale since")
        case .windowTooSmall: return ("Cửa sổ quá nhỏ", "Window too small")
        case .needAtLeast: return ("hãy phóng to, cần tối thiểu", "please enlarge it to at least")
        case .noAlerts: return ("Không có cảnh báo", "No alerts")
        case .noRows: return ("Không có dữ liệu", "Nothing here")
        case .noMatch: return ("Không có kết quả", "No match")
        case .filterPrompt: return ("Tìm", "Search")
        case .jumpPrompt: return ("Đến", "Go to")
        case .jumpHelp: return (":MÃ  ·  :school MÃ  ·  :unit TÊN", ":CODE  ·  :school CODE  ·  :unit NAME")
        case .notInYourArea: return ("không thuộc phạm vi của bạn", "not in your area")
        case .accessChanged: return ("Quản trị viên đã thay đổi phạm vi của bạn: đang hiển thị phạm vi mới",
                                     "The administrator changed your area: showing your new area")
        case .classPrivacyNote: return ("Chỉ số liệu tổng hợp của lớp, không hiển thị từng học sinh",
                                        "Class totals only; individual students are never shown")
        case .helpTitle: return ("Trợ giúp — phím tắt (↑↓ cuộn)", "Help — keys (↑↓ scroll)")
        case .alertsTitle: return ("Cảnh báo", "Alerts")
        case .helpClose: return ("Esc để đóng", "Esc to close")
        case .sortedBy: return ("sắp xếp", "sorted by")
        case .themeLabel: return ("giao diện", "theme")
        case .languageName: return ("Tiếng Việt", "English")
        case .code: return ("Mã", "Code")
        case .exported: return ("Đã xuất", "Exported")
        case .rowsWord: return ("dòng", "rows")
        case .exportNotAllowed: return ("Tài khoản này không được phép xuất tệp", "Export is not allowed for this account")
        case .exportEmpty: return ("Bảng trống, không có gì để xuất", "The table is empty: nothing to export")
        case .exportFailed: return ("Không xuất được tệp", "Export failed")
        case .alertSchoolOffline: return ("Mất kết nối từ", "Offline since")
        case .alertLowAttendance: return ("Tỉ lệ đi học thấp", "Low attendance")
        case .alertLowCompleteness: return ("Mới điểm danh", "Only reported")
        case .alertChronicAbsence: return ("Nhiều HS vắng thường xuyên", "High chronic absence")
        case .alertSnapshotStale: return ("Dữ liệu chậm cập nhật", "Snapshot is stale")
        case .cmdMove: return ("Di chuyển lên/xuống", "Move up/down")
        case .cmdPage: return ("Lên/xuống một trang", "Page up/down")
        case .cmdEnds: return ("Đầu/cuối danh sách", "First/last row")
        case .cmdDrill: return ("Xem chi tiết dòng đã chọn", "Drill into the selected row")
        case .cmdBack: return ("Quay lên cấp trên", "Go up one level")
        case .cmdFilter: return ("Tìm đơn vị, trường, lớp trong cả phạm vi (không cần dấu); Enter đến, Tab lọc bảng",
                                 "Search units, schools, classes in your whole area (accents optional); Enter goes, Tab filters the table")
        case .cmdJump: return ("Đến mã hoặc tên (:MÃ, :unit TÊN); gợi ý khi gõ, Tab điền mã",
                               "Go to a code or name (:CODE, :unit NAME); suggestions as you type, Tab completes")
        case .cmdSort: return ("Đổi cột sắp xếp", "Next sort column")
        case .cmdReverseSort: return ("Đảo chiều sắp xếp", "Reverse sort")
        case .cmdExport: return ("Xuất bảng đang xem ra tệp CSV", "Export the table to a CSV file")
        case .cmdAlerts: return ("Danh sách cảnh báo", "Alerts list")
        case .cmdDataQuality: return ("Dữ liệu cần sửa (dòng bị loại)", "Data to fix (rows left out)")
        case .cmdTheme: return ("Đổi giao diện", "Next theme")
        case .cmdLanguage: return ("Đổi ngôn ngữ", "Switch language")
        case .cmdRefresh: return ("Làm mới ngay", "Refresh now")
        case .cmdPause: return ("Tạm dừng/tiếp tục cập nhật", "Pause/resume live updates")
        case .cmdHelp: return ("Trợ giúp", "Help")
        case .cmdQuit: return ("Thoát", "Quit")
        case .cmdWall: return ("Màn hình tường (ô số lớn, trang xoay vòng) ↔ bảng điều khiển",
                                "Wall screen (big tiles, rotating pages) ↔ console")
        case .cmdWallPage: return ("Màn hình tường: trang sau / trang trước", "Wall screen: next / previous page")
        case .cmdWallRotation: return ("Màn hình tường: dừng / tiếp tục xoay trang", "Wall screen: pause / resume page rotation")
        case .hintWall: return ("Tường", "Wall")
        case .hintDrill: return ("Xem", "Open")
        case .hintBack: return ("Lên", "Up")
        case .hintFilter: return ("Tìm", "Search")
        case .hintJump: return ("Đến", "Jump")
        case .hintSort: return ("Sắp xếp", "Sort")
        case .hintAlerts: return ("Cảnh báo", "Alerts")
        case .hintHelp: return ("Trợ giúp", "Help")
        case .hintQuit: return ("Thoát", "Quit")
        case .hintTheme: return ("Giao diện", "Theme")
        case .hintLanguage: return ("English", "Tiếng Việt")
        case .noSuchNode: return ("không có đơn vị, trường hay lớp nào như vậy", "no such unit, school or class")
        case .themeNamed: return ("Giao diện", "Theme")
        case .searchTitle: return ("Tìm trong phạm vi", "Search your area")
        case .searchKeys: return ("Enter đến · Tab lọc bảng · Esc hủy", "Enter go · Tab filter the table · Esc cancel")
        case .jumpKeys: return ("Enter đến · Tab điền mã · Esc hủy", "Enter go · Tab complete · Esc cancel")
        case .resultsWord: return ("kết quả", "results")
        case .kindUnit: return ("Đơn vị", "Unit")
        case .kindSchool: return ("Trường", "School")
        case .kindClass: return ("Lớp", "Class")
        case .columnPath: return ("Thuộc", "Where")
        case .sinceWord: return ("từ", "since")
        case .agoTemplate: return ("cách đây %@", "%@ ago")
        case .criticalWord: return ("nghiêm trọng", "critical")
        case .warningWord: return ("cảnh báo", "warnings")
        case .moreWord: return ("nữa", "more")
        case .hourUnit: return ("giờ", "h")
        case .minuteUnit: return ("phút", "min")
        case .dayUnit: return ("ngày", "d")
        case .offlineFor: return ("mất kết nối", "offline for")
        case .staleData: return ("Dữ liệu cũ", "Stale data")
        case .publishedAt: return ("công bố lúc", "published at")
        case .limitWord: return ("ngưỡng", "limit")
        case .unchangedSince: return ("không thay đổi từ", "unchanged since")
        case .clockAheadTemplate: return ("Dữ liệu nhanh hơn đồng hồ máy chủ %@", "data time is %@ ahead of this server's clock")
        case .columnsTitle: return ("Các cột của bảng", "Table columns")
        case .explainName: return ("tên đơn vị, trường hoặc lớp", "name of the unit, school or class")
        case .explainCode: return ("mã, dùng cho :MÃ, --scope và report", "the code, for :CODE, --scope and report")
        case .explainSchools: return ("số trường đang hoạt động", "active schools")
        case .explainStudents: return ("học sinh đang theo học", "students enrolled")
        case .explainRate: return ("tỉ lệ đi học hôm nay = (có mặt + đi muộn) / đã điểm danh",
                                   "attendance today = (present + late) / reported")
        case .explainCompleteness: return ("đủ điểm danh = số HS đã điểm danh / sĩ số", "completeness = reported / enrolled")
        case .explainUnreported: return ("học sinh chưa được điểm danh hôm nay", "students not reported today")
        case .explainTeachers: return ("giáo viên", "teachers")
        case .explainComputers: return ("máy tính đang dùng được", "working computers")
        case .explainLearnersPerComputer: return ("học sinh trên một máy tính dùng được", "learners per working computer")
        case .explainNet: return ("kết nối: số trường mất (✕), chưa rõ (?), chậm (◐); một số = tất cả tốt",
                                  "connectivity: schools offline (✕), unknown (?), slow (◐); a lone number = all good")
        }
    }
}
