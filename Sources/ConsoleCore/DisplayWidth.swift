/// Terminal display width (columns) of text, measured per grapheme cluster like `wcwidth`.
///
/// East Asian Wide/Fullwidth and emoji-presentation clusters take 2 columns, a base letter with
/// combining marks (decomposed Vietnamese) takes the width of its base, controls and lone format
/// characters take 0, everything else 1.
public enum DisplayWidth {
    /// The columns `text` occupies.
    public static func of(_ text: String) -> Int {
        var total = 0
        for grapheme in text { total += of(grapheme) }
        return total
    }

    /// The columns one grapheme cluster occupies (0, 1 or 2).
    public static func of(_ grapheme: Character) -> Int {
        let scalars = grapheme.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value >= 0x20 && first.value < 0x7F { return 1 }  // ASCII fast path
        if first.value < 0x20 || (first.value >= 0x7F && first.value < 0xA0) { return 0 }
        var emojiVariation = false
        var regionalIndicators = 0
        for scalar in scalars {
            if scalar.value == 0xFE0F { emojiVariation = true }
            if (0x1F1E6...0x1F1FF).contains(scalar.value) { regionalIndicators += 1 }
        }
        if regionalIndicators >= 2 { return 2 }
        let props = first.properties
        if props.isEmojiPresentation { return 2 }
        if emojiVariation && props.isEmoji && first.value > 0xFF { return 2 }
        if scalars.count > 1 && scalars.contains(where: { $0.value == 0x200D }) && props.isEmoji && first.value > 0xFF { return 2 }
        switch props.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            break
        }
        if (0x1160...0x11FF).contains(first.value) || (0xD7B0...0xD7FF).contains(first.value) { return 0 }
        return isWide(first.value) ? 2 : 1
    }

    /// East Asian Wide and Fullwidth ranges outside the emoji-presentation set (checked against glibc 2.36
    /// wcwidth: the only remaining differences are format characters the sanitiser drops, lone regional
    /// indicators and one Ahom mark; the ncurses backend shows a placeholder wherever they disagree).
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        for range in wideRanges where range.contains(v) { return true }
        return false
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x4DBF, 0x4DC0...0x4DFF,
        0x4E00...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x16FF0...0x16FF1,
        0x17000...0x18CFF, 0x18D00...0x18D08, 0x1AFF0...0x1B2FF, 0x1F200...0x1F202, 0x1F210...0x1F23B,
        0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
