/// Column-exact text fitting: truncation on grapheme boundaries with an ellipsis, padding and alignment.
///
/// Input is expected to be sanitised already (see `TextSanitizer`); widths come from `DisplayWidth`.
public enum DisplayText {
    /// The default ellipsis marking cut text.
    public static let ellipsis = "…"

    /// `text` cut to at most `width` columns, ending in `ellipsis` when something was cut.
    ///
    /// Never splits a grapheme cluster. A wide character that would straddle the limit is dropped,
    /// so the result may be one column narrower than `width`; `fit` pads it back.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = DisplayText.ellipsis) -> String {
        guard width > 0 else { return "" }
        let total = DisplayWidth.of(text)
        if total <= width { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        let budget = width - ellipsisWidth
        guard budget >= 0 else { return prefix(text, columns: width) }
        return prefix(text, columns: budget) + ellipsis
    }

    /// The longest grapheme-boundary prefix of `text` that fits in `columns` (no ellipsis).
    public static func prefix(_ text: String, columns: Int) -> String {
        var used = 0
        var out = ""
        for g in text {
            let w = DisplayWidth.of(g)
            if used + w > columns { break }
            used += w
            out.append(g)
        }
        return out
    }

    /// `text` padded with spaces to exactly `width` columns, aligned as asked (no truncation).
    public static func pad(_ text: String, to width: Int, alignment: TextAlignment = .left) -> String {
        let gap = width - DisplayWidth.of(text)
        guard gap > 0 else { return text }
        switch alignment {
        case .left: return text + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + text
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: gap - left)
        }
    }

    /// `text` truncated (with `ellipsis`) then padded so that it is exactly `width` columns.
    public static func fit(_ text: String, width: Int, alignment: TextAlignment = .left, ellipsis: String = DisplayText.ellipsis) -> String {
        guard width > 0 else { return "" }
        return pad(truncate(text, to: width, ellipsis: ellipsis), to: width, alignment: alignment)
    }
}
