/// The wall screen's fixed strings, in Vietnamese and English (the console's own are in `UIText`).
public enum WallText: String, CaseIterable, Sendable {
    case wallTitle, updatedAt
    case tileRate, tileReported, tileSchools, tileOffline, tileDevices
    case pageOverview, pageRanking, pageNotReported, pageOffline, pageAlerts
    case rotateEvery, rotationPaused, noRotation, pageWord
    case points, ofSchools, pupilsNotReported, computersWord, unknownShort, moderateShort
    case newMark, resolvedTitle, allReported, noneOffline
    case columnPlace, columnSince, columnFor, columnReported, columnSchoolsReporting
    case hintPause, hintPage, hintConsole
    case checkInTitle, today, previousDay, lastWeek, vsPreviousDay, vsLastWeek, scaleRates, trendScaled
    case moreRows, attendingOfReported, listedAtUnits, noPupils

    /// The text in `language`.
    public func `in`(_ language: Language) -> String {
        let pair = texts
        return language == .vi ? pair.vi : pair.en
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private var texts: (vi: String, en: String) {
        switch self {
        case .wallTitle: return ("Màn hình điều hành", "Operations wall")
        case .updatedAt: return ("cập nhật lúc", "updated at")
        case .tileRate: return ("Tỉ lệ đi học", "Attendance rate")
        case .tileReported: return ("Đã điểm danh", "Share reported")
        case .tileSchools: return ("Trường đã báo cáo", "Schools reporting")
        case .tileOffline: return ("Trường mất kết nối", "Offline schools")
        case .tileDevices: return ("Máy tính hoạt động", "Working computers")
        case .pageOverview: return ("Tổng quan", "Overview")
        case .pageRanking: return ("Xếp hạng: kém nhất trước", "Ranked, worst first")
        case .pageNotReported: return ("Chưa điểm danh", "Not yet reported")
        case .pageOffline: return ("Mất kết nối", "Offline")
        case .pageAlerts: return ("Cảnh báo", "Alerts")
        case .rotateEvery: return ("xoay trang mỗi %@ giây", "next page every %@ s")
        case .rotationPaused: return ("đã dừng xoay trang", "rotation paused")
        case .noRotation: return ("không xoay trang", "no rotation")
        case .pageWord: return ("Trang", "Page")
        case .points: return ("điểm", "pts")
        case .ofSchools: return ("trường", "schools")
        case .pupilsNotReported: return ("HS chưa điểm danh", "pupils not reported")
        case .computersWord: return ("máy", "computers")
        case .unknownShort: return ("chưa rõ", "unknown")
        case .moderateShort: return ("chậm", "slow")
        case .newMark: return ("MỚI", "NEW")
        case .resolvedTitle: return ("Đã hết", "Resolved")
        case .allReported: return ("Tất cả các trường đã điểm danh", "Every school has reported")
        case .noneOffline: return ("Không có trường nào mất kết nối", "No school is offline")
        case .columnPlace: return ("Xã/phường", "Commune/ward")
        case .columnSince: return ("Từ", "Since")
        case .columnFor: return ("Thời gian", "For")
        case .columnReported: return ("Đã điểm danh", "Reported")
        case .columnSchoolsReporting: return ("Trường b.cáo", "Schools rep.")
        case .hintPause: return ("Dừng/xoay", "Pause/rotate")
        case .hintPage: return ("Trang", "Page")
        case .hintConsole: return ("Bảng điều khiển", "Console")
        case .checkInTitle: return ("Điểm danh theo giờ (% HS đã điểm danh)", "Check-in by time of day (% of pupils reported)")
        case .today: return ("hôm nay", "today")
        case .previousDay: return ("hôm qua", "prev. day")
        case .lastWeek: return ("tuần trước", "last week")
        case .vsPreviousDay: return ("vs hôm qua", "vs prev. day")
        case .vsLastWeek: return ("vs tuần trước", "vs last week")
        case .scaleRates: return ("thang 0–100%", "scale 0–100%")
        case .trendScaled: return ("30 ngày học, thang 0–100%", "30 school days, scale 0–100%")
        case .moreRows: return ("nữa", "more")
        case .noPupils: return ("Các trường này chưa có học sinh", "These schools have no pupils enrolled")
        case .listedAtUnits: return ("Danh sách trường có ở cấp tỉnh và xã/phường", "The list is shown for the province and communes")
        case .attendingOfReported: return ("đi học %1/%2 đã điểm danh", "attending %1 of %2 reported")
        }
    }
}
