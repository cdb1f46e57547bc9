import Foundation

/// Number, percentage, time and age formatting in the conventions of each language
/// (Vietnamese: 12.345 and 95,2 %; English: 12,345 and 95.2%). Pure, no locale database needed.
public enum Formats {
    /// A count with thousands separators.
    public static func count(_ value: Int, _ language: Language) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(language == .vi ? "." : ",") }
            grouped.append(ch)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// A decimal with `digits` fraction digits, "–" when nil.
    public static func decimal(_ value: Double?, digits: Int = 1, _ language: Language) -> String {
        guard let value, value.isFinite else { return "–" }
        // A value from the data too large for an Int (a probe of 1e300 Mbps) is shown in exponent form, not trapped on.
        guard abs(value) < 1e15 else { return String(format: "%.3g", value) }
        let scale = pow(10, Double(digits))
        let rounded = (value * scale).rounded() / scale
        let whole = Int(rounded.rounded(.towardZero))
        var text = count(whole, language)
        if rounded < 0 && whole == 0 { text = "-" + text }
        guard digits > 0 else { return text }
        let fraction = Int((abs(rounded - Double(whole)) * scale).rounded())
        let padded = String(repeating: "0", count: max(0, digits - String(fraction).count)) + String(fraction)
        return text + (language == .vi ? "," : ".") + padded
    }

    /// A fraction 0–1 as a percentage ("95,2%"), "–" when nil.
    public static func percent(_ fraction: Double?, digits: Int = 1, _ language: Language) -> String {
        guard let fraction else { return "–" }
        return decimal(fraction * 100, digits: digits, language) + "%"
    }

    /// Wall-clock time "HH:MM" in `timeZone`.
    public static func clock(_ date: Date, _ timeZone: TimeZone) -> String {
        let parts = calendar(timeZone).dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// Wall-clock time with seconds "HH:MM:SS" in `timeZone`.
    public static func clockSeconds(_ date: Date, _ timeZone: TimeZone) -> String {
        let parts = calendar(timeZone).dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// A signed change with its arrow: "▲ 2,1 điểm" / "▼ 3" (fractions in percentage points), "=" for none.
    public static func delta(_ value: Double, fraction: Bool, _ language: Language, unicode: Bool = true) -> String {
        let arrow = value > 0 ? (unicode ? "▲" : "^") : (unicode ? "▼" : "v")
        let sign = value > 0 ? "+" : "-"
        if fraction {
            return "\(arrow) \(sign)\(decimal(abs(value) * 100, digits: 1, language)) \(WallText.points.in(language))"
        }
        return "\(arrow) \(sign)\(count(Int(abs(value).rounded()), language))"
    }

    /// The date with its weekday, e.g. "Thứ Hai, 23/11/2026" / "Monday, 23/11/2026", in `timeZone`.
    public static func longDate(_ date: Date, _ timeZone: TimeZone, _ language: Language) -> String {
        let parts = calendar(timeZone).dateComponents([.weekday, .day, .month, .year], from: date)
        let weekday = (parts.weekday ?? 1) - 1
        let vi = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"]
        let en = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        let name = (language == .vi ? vi : en)[min(6, max(0, weekday))]
        return name + String(format: ", %02d/%02d/%04d", parts.day ?? 0, parts.month ?? 0, parts.year ?? 0)
    }

    /// A school day 'YYYY-MM-DD' shown as "dd/MM" (both languages use day-first in this console).
    public static func shortDay(_ day: String) -> String {
        let parts = day.split(separator: "-")
        guard parts.count == 3 else { return day }
        return "\(parts[2])/\(parts[1])"
    }

    /// How long ago `then` was, e.g. "3 phút trước" / "3 min ago".
    public static func age(from then: Date, to now: Date, _ language: Language) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(then)))
        if seconds < 60 { return UIText.justNow.in(language) }
        let minutes = seconds / 60
        if minutes < 120 { return "\(minutes) \(UIText.minutesAgo.in(language))" }
        return "\(minutes / 60) \(UIText.hoursAgo.in(language))"
    }

    /// A duration in whole minutes, e.g. "2 giờ 15 phút" / "2 h 15 min", "3 ngày 4 giờ" / "3 d 4 h", "45 phút".
    public static func duration(minutes: Int, _ language: Language) -> String {
        let m = max(0, minutes)
        let unit = { (text: UIText) in text.in(language) }
        if m < 60 { return "\(m) \(unit(.minuteUnit))" }
        if m < 48 * 60 {
            let rest = m % 60
            return "\(m / 60) \(unit(.hourUnit))" + (rest > 0 ? " \(rest) \(unit(.minuteUnit))" : "")
        }
        let hours = (m / 60) % 24
        return "\(count(m / 1440, language)) \(unit(.dayUnit))" + (hours > 0 ? " \(hours) \(unit(.hourUnit))" : "")
    }

    private static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
