import Foundation

/// The one sanitiser every untrusted (database) string passes through before it reaches a cell or a printed report.
///
/// Its own target (below ConsoleCore and Analytics, which both use it; ConsoleCore re-exports it) so that the
/// screen, `eduioc report` and `eduioc check` apply the same rules.
///
/// It drops C0 controls (TAB, LF, CR, VT and FF become a space), DEL, C1 controls, bidi controls and other
/// invisible format characters (keeping only the zero-width joiner that emoji sequences need), replaces
/// unassigned code points and non-characters with U+FFFD, drops combining marks that have no base,
/// caps runs of stacked combining marks, and normalises the result to NFC.
public enum TextSanitizer {
    /// Most combining marks kept on one base character (Vietnamese needs at most two).
    public static let maxCombiningMarks = 3

    /// Returns `text` made safe to show: no control or bidi characters, NFC, bounded mark stacks.
    public static func sanitize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var marksOnCurrentBase = 0
        var hasBase = false
        for scalar in text.unicodeScalars {
            switch classify(scalar) {
            case .drop:
                continue
            case .space:
                scalars.append(" ")
                hasBase = true
                marksOnCurrentBase = 0
            case .replace:
                scalars.append("\u{FFFD}")
                hasBase = true
                marksOnCurrentBase = 0
            case .keep:
                if isCombiningMark(scalar) {
                    guard hasBase, marksOnCurrentBase < maxCombiningMarks else { continue }
                    marksOnCurrentBase += 1
                } else {
                    hasBase = true
                    marksOnCurrentBase = 0
                }
                scalars.append(scalar)
            }
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    /// Whether `text` is already what `sanitize` would return.
    public static func isClean(_ text: String) -> Bool { sanitize(text) == text }

    /// Whether `scalar` is a control or invisible format character that must never reach the terminal.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch classify(scalar) {
        case .keep: return false
        case .drop, .space, .replace: return true
        }
    }

    private enum Disposition { case keep, drop, space, replace }

    private static func classify(_ scalar: Unicode.Scalar) -> Disposition {
        let v = scalar.value
        switch v {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return .space
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return .drop
        case 0x20...0x7E: return .keep
        case 0x2028, 0x2029: return .space  // line and paragraph separators
        case 0x200D: return .keep  // zero-width joiner: emoji sequences
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return .drop  // bidi controls
        case 0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x180B...0x180F: return .drop  // invisible fillers
        case 0xFDD0...0xFDEF: return .replace
        default: break
        }
        if v & 0xFFFE == 0xFFFE { return .replace }  // U+xxFFFE / U+xxFFFF non-characters
        switch scalar.properties.generalCategory {
        case .format, .control: return .drop  // soft hyphen, ZWSP, word joiner, BOM, tags, …
        case .unassigned, .surrogate: return .replace
        case .spaceSeparator: return v == 0x3000 ? .keep : .space
        default: return .keep
        }
    }

    /// Whether `scalar` is a combining mark (drawn on the character before it).
    package static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }
}
