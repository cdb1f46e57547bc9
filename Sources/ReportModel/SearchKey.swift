import Foundation

/// Accent-insensitive search keys for Vietnamese names ("nguyen trai" finds "Nguyễn Trãi").
public enum SearchKey {
    /// Folds text for matching: lower-cased, diacritics stripped (Unicode decomposition), đ/Đ → d,
    /// control characters and runs of whitespace collapsed to one space, trimmed.
    public static func fold(_ text: String) -> String {
        let decomposed = text.lowercased().decomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in decomposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                break
            }
            if scalar.properties.isWhitespace || Self.isControl(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            switch scalar {
            case "đ", "Đ", "ɖ": out.append("d")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// C0, DEL, C1 and bidi controls separate words like whitespace (as ConsoleCore's `SearchFolding` does).
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x200E...0x200F).contains(v)
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x061C
    }

    /// True when every whitespace-separated token of the folded query occurs in the folded text.
    public static func matches(_ folded: String, query foldedQuery: String) -> Bool {
        let tokens = foldedQuery.split(separator: " ")
        guard !tokens.isEmpty else { return false }
        return tokens.allSatisfy { folded.contains($0) }
    }
}
