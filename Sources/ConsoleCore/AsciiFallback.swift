import Foundation
import SafeText

/// ASCII look-alikes for terminals whose locale is not UTF-8. (Accent-insensitive *search* is
/// `Analytics.SearchKey`: search is enforced where the data is scoped.)
public enum AsciiFallback {
    /// An ASCII look-alike of `grapheme` for terminals without UTF-8: accents stripped, đ→d, Đ→D,
    /// anything else non-ASCII becomes `?` (repeated to keep the display width).
    public static func text(for grapheme: Character) -> String {
        if grapheme.isASCII { return String(grapheme) }
        if let known = punctuation[grapheme] { return known }
        var out = ""
        for scalar in String(grapheme).decomposedStringWithCanonicalMapping.unicodeScalars {
            if TextSanitizer.isCombiningMark(scalar) { continue }
            switch scalar.value {
            case 0x0111: out.append("d")
            case 0x0110: out.append("D")
            case 0x20...0x7E: out.unicodeScalars.append(scalar)
            default: out.append("?")
            }
        }
        let width = DisplayWidth.of(grapheme)
        if out.count == 1, width == 1 { return out }
        return String(repeating: "?", count: max(width, 1))
    }

    /// Punctuation the console itself writes, each with a look-alike that is not another glyph's ASCII form
    /// ("?" means unknown, "~" cut text, "+" a border corner).
    private static let punctuation: [Character: String] = [
        "·": "/", "…": "~", "—": "-", "–": "-", "×": "x", "‼": "!", "⚠": "!", "✓": "v", "›": ">", "▏": "_", "↑": "^", "↓": "v", "←": "<", "→": ">",
    ]
}
