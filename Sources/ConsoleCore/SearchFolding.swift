import Foundation

/// Accent- and case-insensitive search keys for Vietnamese (and any Latin) text.
///
/// "nguyen trai" matches "Trường THCS Nguyễn Trãi"; "dak lak" matches "Đắk Lắk".
public enum SearchFolding {
    /// The search key of `text`: lower-case, diacritics stripped, đ/Đ folded to d, whitespace collapsed.
    public static func fold(_ text: String) -> String {
        let decomposed = text.lowercased().decomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in decomposed.unicodeScalars {
            if TextSanitizer.isCombiningMark(scalar) { continue }
            if scalar.properties.isWhitespace || TextSanitizer.isUnsafe(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            switch scalar.value {
            case 0x0111, 0x0110: out.append("d")  // đ, Đ do not decompose
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether the folded `query` occurs in the folded `text`; an empty query matches everything.
    public static func matches(_ query: String, in text: String) -> Bool {
        let q = fold(query)
        if q.isEmpty { return true }
        return fold(text).contains(q)
    }

    /// Whether a pre-folded query occurs in a pre-folded key (for filtering many rows quickly).
    public static func matches(foldedQuery: String, foldedText: String) -> Bool {
        foldedQuery.isEmpty || foldedText.contains(foldedQuery)
    }

    /// An ASCII look-alike of `grapheme` for terminals without UTF-8: accents stripped, đ→d, Đ→D,
    /// anything else non-ASCII becomes `?` (repeated to keep the display width).
    public static func asciiFallback(_ grapheme: Character) -> String {
        if grapheme.isASCII { return String(grapheme) }
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
}
