import Foundation
import ReportModel
import SafeText
import SectorData

/// The human-readable form of a report (`eduioc report`): headline figures, children table, alerts.
/// Every string from the snapshot passes the one sanitiser (`TextSanitizer`, as on screen) before output.
public enum ReportText {
    /// Renders a report as plain text lines ending in a newline, in `language` (English unless asked).
    public static func render(_ report: NodeReport, config: AnalyticsConfig = AnalyticsConfig(),
                              language: ReportLanguage = .en) -> String {
        let zone = report.timeZoneIdentifier.flatMap(TimeZone.init(identifier:)) ?? TimeZone(secondsFromGMT: 0) ?? .current
        var out = header(report, zone: zone, language: language)
        out.append("")
        out += attendance(report.figures, language: language)
        out += inventory(report.figures, config: config, zone: zone, language: language)
        out += children(report.children, language: language)
        out.append("")
        out += alerts(report.alerts, language: language)
        return out.joined(separator: "\n") + "\n"
    }

    /// The node, its path, the as-of instant against the publication and any clock skew.
    private static func header(_ report: NodeReport, zone: TimeZone, language: ReportLanguage) -> [String] {
        let w = language.pick
        let f = report.figures
        var out: [String] = []
        out.append(w("EduIOC report — ", "Báo cáo EduIOC — ") + "\(clean(f.node.name)) (\(clean(f.node.code)), \(term(f.node.detail.map(clean) ?? f.node.level.rawValue, language)))")
        if report.path.count > 1 { out.append(w("Path: ", "Đường dẫn: ") + report.path.map { clean($0.name) }.joined(separator: " › ")) }
        var asOfLine = w("As of ", "Tính đến ") + "\(SnapshotTime.formatDay(report.asOf, in: zone)) \(Timestamps.localClock(report.asOf, in: zone)) (\(zone.identifier))"
        if let published = report.publishedAt {
            let minutes = Int(report.asOf.timeIntervalSince(published) / 60)
            asOfLine += w(" · snapshot published ", " · dữ liệu công bố lúc ") + Timestamps.localClock(published, in: zone)
                + w(" (\(minutes) min before)", " (\(minutes) phút trước đó)")
        } else {
            asOfLine += w(" · snapshot publication time unknown", " · không rõ thời điểm công bố dữ liệu")
        }
        out.append(asOfLine)
        if let skew = report.clockSkewSeconds {
            let minutes = max(1, (skew + 30) / 60)
            out.append(w("Data time is \(minutes) min ahead of this server's clock (judged at the data's time).",
                         "Dữ liệu nhanh hơn đồng hồ máy chủ \(minutes) phút (số liệu tính theo giờ của dữ liệu)."))
        }
        return out
    }

    /// The attendance of the day: counts, rates and the trend.
    private static func attendance(_ f: NodeFigures, language: ReportLanguage) -> [String] {
        let w = language.pick
        let a = f.attendance
        var out: [String] = []
        if a.isBeforeSchoolYear {
            out.append(w("Attendance: the school year has not started on \(a.asOfDay) — no attendance yet.",
                         "Chuyên cần: năm học chưa bắt đầu vào \(a.asOfDay) — chưa có điểm danh."))
        } else if !a.isAsOfSchoolDay {
            out.append(w("Attendance: no school on \(a.asOfDay) — showing the last school day, \(a.day):",
                         "Chuyên cần: ngày \(a.asOfDay) không có buổi học — số liệu ngày học gần nhất, \(a.day):"))
        } else {
            out.append(w("Attendance \(a.day):", "Chuyên cần \(a.day):"))
        }
        if !a.isBeforeSchoolYear {
            out.append(w("  enrolled \(a.enrolled)  present \(a.present)  late \(a.late)  excused \(a.excused)  unexcused \(a.unexcused)  not reported \(a.unreported)",
                         "  sĩ số \(a.enrolled)  có mặt \(a.present)  đi muộn \(a.late)  vắng có phép \(a.excused)  vắng không phép \(a.unexcused)  chưa điểm danh \(a.unreported)"))
            let reporting = f.node.level == .class ? "" : w("  schools reporting ", "  trường báo cáo ") + "\(a.schoolsReporting)/\(a.schoolsTotal)"
            out.append(w("  rate \(pct(a.rate))  completeness \(pct(a.completeness))\(reporting)  chronically absent \(a.chronicAbsent)",
                         "  tỉ lệ đi học \(pct(a.rate))  đã điểm danh \(pct(a.completeness))\(reporting)  vắng thường xuyên \(a.chronicAbsent)"))
            if !a.trend.isEmpty {
                out.append(w("  trend (\(a.trend.count) school days, oldest first): ", "  xu hướng (\(a.trend.count) ngày học, cũ nhất trước): ")
                           + a.trend.map { pct($0.rate, digits: 0) }.joined(separator: " "))
            }
        }
        return out
    }

    /// Enrollment, devices and connectivity (offline schools listed).
    private static func inventory(_ f: NodeFigures, config: AnalyticsConfig, zone: TimeZone, language: ReportLanguage) -> [String] {
        let w = language.pick
        let e = f.enrollment, d = f.devices, c = f.connectivity
        var out: [String] = []
        let left = e.leftByReason.sorted { $0.key < $1.key }.map { "\(term($0.key, language)) \($0.value)" }.joined(separator: ", ")
        out.append(w("Enrollment: \(e.enrolled) (F \(e.female), M \(e.male))  joined \(e.joined)  left \(e.left)",
                     "Sĩ số: \(e.enrolled) (nữ \(e.female), nam \(e.male))  nhập học \(e.joined)  nghỉ, chuyển \(e.left)")
                   + (left.isEmpty ? "" : " (\(left))")
                   + (e.teachers > 0 ? w("  teachers \(e.teachers), \(num(e.pupilTeacherRatio)) pupils per teacher",
                                         "  giáo viên \(e.teachers), \(num(e.pupilTeacherRatio)) HS/GV") : ""))
        if !e.intake.isEmpty {
            out.append(w("  intake: ", "  chỉ tiêu: ")
                       + e.intake.map { w("grade ", "khối ") + "\($0.grade) \($0.enrolled)/\($0.planned)" }.joined(separator: ", "))
        }
        if f.node.level != .class {
            out.append(w("Devices: computers \(d.computersWorking)/\(d.computersTotal) working (\(num(d.learnersPerComputer)) learners per computer), projectors \(d.projectorsWorking) working, cameras \(d.camerasOnline)/\(d.camerasTotal) online, gates \(d.gatesOnline)/\(d.gatesTotal) online",
                         "Thiết bị: máy tính tốt \(d.computersWorking)/\(d.computersTotal) (\(num(d.learnersPerComputer)) HS/máy), máy chiếu tốt \(d.projectorsWorking), camera hoạt động \(d.camerasOnline)/\(d.camerasTotal), cổng điểm danh hoạt động \(d.gatesOnline)/\(d.gatesTotal)"))
            out.append(w("Connectivity: good \(c.good), moderate \(c.moderate), offline \(c.offline), unknown \(c.unknown) (benchmark \(num(config.connectivity.benchmarkMbps)) Mbps, profile \(config.connectivity.profile); median \(num(c.medianDownloadMbps)) Mbps, \(num(c.medianLatencyMs)) ms)",
                         "Kết nối: tốt \(c.good), chậm \(c.moderate), mất kết nối \(c.offline), chưa rõ \(c.unknown) (chuẩn \(num(config.connectivity.benchmarkMbps)) Mbps, hồ sơ \(config.connectivity.profile); trung vị \(num(c.medianDownloadMbps)) Mbps, \(num(c.medianLatencyMs)) ms)"))
            for school in c.offlineSchools.prefix(10) {
                let since = school.since.map { w("since ", "từ ") + "\(SnapshotTime.formatDay($0, in: zone)) \(Timestamps.localClock($0, in: zone))" }
                    ?? w("since unknown", "không rõ từ khi nào")
                out.append(w("  offline: ", "  mất kết nối: ") + "\(clean(school.school.code)) \(clean(school.school.name)) \(since)")
            }
            if c.offlineSchools.count > 10 {
                out.append(w("  … and \(c.offlineSchools.count - 10) more offline", "  … và \(c.offlineSchools.count - 10) trường mất kết nối khác"))
            }
        } else if let status = c.status {
            out.append(w("School connectivity: \(status.rawValue)", "Kết nối của trường: \(vietnamese(status))"))
        }
        return out
    }

    /// The children table.
    private static func children(_ children: [NodeFigures], language: ReportLanguage) -> [String] {
        var out: [String] = []
        if !children.isEmpty {
            out.append("")
            out.append(row(language == .vi ? ["MÃ", "TÊN", "SĨ SỐ", "ĐI HỌC", "ĐỦ", "BÁO CÁO", "MÁY TÍNH", "TỐT/CHẬM/MẤT/?"]
                           : ["CODE", "NAME", "ENROLLED", "RATE", "COMPL.", "REPORTING", "COMPUTERS", "GOOD/MOD/OFF/UNK"]))
            for child in children {
                let ca = child.attendance, cc = child.connectivity
                out.append(row([
                    clean(child.node.code), clean(child.node.name), "\(ca.enrolled)", pct(ca.rate), pct(ca.completeness),
                    child.node.level == .class ? "" : "\(ca.schoolsReporting)/\(ca.schoolsTotal)",
                    child.node.level == .class ? "" : "\(child.devices.computersWorking)/\(child.devices.computersTotal)",
                    child.node.level == .class ? "" : "\(cc.good)/\(cc.moderate)/\(cc.offline)/\(cc.unknown)",
                ]))
            }
        }
        return out
    }

    /// The alerts, most severe first.
    private static func alerts(_ alerts: [Alert], language: ReportLanguage) -> [String] {
        let w = language.pick
        var out: [String] = []
        if alerts.isEmpty {
            out.append(w("Alerts: none", "Cảnh báo: không có"))
        } else {
            out.append(w("Alerts", "Cảnh báo") + " (\(alerts.count)):")
            for alert in alerts {
                out.append(language == .vi ? "  " + vietnamese(alert)
                           : "  [\(alert.severity.rawValue)] \(alert.kind.rawValue): \(clean(alert.message))")
            }
        }
        return out
    }

    /// The contract's words (unit kinds, school levels, leave reasons) in Vietnamese; others and English unchanged.
    private static func term(_ word: String, _ language: ReportLanguage) -> String {
        guard language == .vi else { return word }
        let vi = ["province": "tỉnh", "district": "huyện", "commune": "xã", "ward": "phường", "special_zone": "đặc khu",
                  "unit": "đơn vị", "school": "trường", "class": "lớp",
                  "preschool": "mầm non", "primary": "tiểu học", "lower_secondary": "THCS", "upper_secondary": "THPT",
                  "multi_level": "nhiều cấp học", "continuing_education": "GDTX",
                  "transfer": "chuyển trường", "dropout": "bỏ học", "graduated": "tốt nghiệp"]
        return vi[word] ?? word
    }

    /// "2 giờ 10 phút", "45 phút".
    private static func hoursAndMinutes(_ minutes: Int) -> String {
        let m = max(0, minutes)
        guard m >= 60 else { return "\(m) phút" }
        return "\(m / 60) giờ" + (m % 60 > 0 ? " \(m % 60) phút" : "")
    }

    /// A connectivity status in Vietnamese.
    private static func vietnamese(_ status: ConnectivityStatus) -> String {
        switch status {
        case .good: return "tốt"
        case .moderate: return "chậm"
        case .offline: return "mất kết nối"
        case .unknown: return "chưa rõ"
        }
    }

    /// An alert worded in Vietnamese from its kind and figures (the engine's message is English).
    private static func vietnamese(_ alert: Alert) -> String {
        let severity = alert.severity == .critical ? "[nghiêm trọng]" : "[cảnh báo]"
        let node = "\(clean(alert.node.name)) (\(clean(alert.node.code)))"
        let value = alert.value, limit = alert.threshold
        let text: String
        switch alert.kind {
        case .schoolOffline:
            text = "\(node): mất kết nối" + (value.map { " " + hoursAndMinutes(Int($0)) } ?? "")
        case .lowAttendance:
            text = "\(node): tỉ lệ đi học \(pct(value)) dưới \(pct(limit, digits: 0))"
        case .lowCompleteness:
            text = "\(node): mới điểm danh \(pct(value)) học sinh (dưới \(pct(limit, digits: 0)))"
        case .chronicAbsence:
            text = "\(node): \(pct(value)) học sinh vắng thường xuyên (trên \(pct(limit, digits: 0)))"
        case .snapshotStale:
            text = value.map { "dữ liệu cũ \(hoursAndMinutes(Int($0))) (ngưỡng \(Int(limit ?? 0)) phút)" } ?? "không rõ thời điểm công bố dữ liệu"
        }
        return "\(severity) \(text)"
    }

    /// The one sanitiser's rules (`TextSanitizer`: controls, bidi and invisible characters, NFC).
    private static func clean(_ text: String) -> String { TextSanitizer.sanitize(text) }

    private static let widths = [10, 32, 9, 7, 7, 10, 10, 20]

    private static func row(_ cells: [String]) -> String {
        var line = ""
        for (i, cell) in cells.enumerated() {
            let width = i < widths.count ? widths[i] : 10
            var text = cell
            if text.count > width - 1 { text = String(text.prefix(width - 2)) + "…" }
            line += text + String(repeating: " ", count: max(1, width - text.count))
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    private static func pct(_ value: Double?, digits: Int = 1) -> String {
        guard let value else { return "—" }
        return String(format: "%.\(digits)f%%", value * 100)
    }

    private static func num(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value == value.rounded() ? String(format: "%.0f", value) : String(format: "%.1f", value)
    }
}
