import Foundation

/// Accent-insensitive search keys for Vietnamese names ("nguyen trai" finds "Nguyễn Trãi").
public enum SearchKey {
    /// Folds text for matching: lower-cased, diacritics stripped (Unicode decomposition), đ/Đ → d,
    /// runs of whitespace collapsed to one space, trimmed.
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
            if scalar.properties.isWhitespace {
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

    /// True when every whitespace-separated token of the folded query occurs in the folded text.
    public static func matches(_ folded: String, query foldedQuery: String) -> Bool {
        let tokens = foldedQuery.split(separator: " ")
        guard !tokens.isEmpty else { return false }
        return tokens.allSatisfy { folded.contains($0) }
    }
}
