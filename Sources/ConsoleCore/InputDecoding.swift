import SafeText

/// Pure decoding of raw terminal characters into keys, shared by backends (and testable without a terminal).
public enum InputDecoding {
    /// The event for a plain character code as read from the terminal: CR/LF → Enter, DEL/BS → Backspace,
    /// TAB → Tab, ESC → Escape, 1–26 → Ctrl+letter, other controls → nil, anything else → a character.
    public static func character(_ value: UInt32) -> InputEvent? {
        switch value {
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 9: return .key(.tab)
        case 27: return .key(.escape)
        case 1...26:
            guard let scalar = Unicode.Scalar(value + 96) else { return nil }
            return .key(.control(Character(scalar)))
        default:
            guard let scalar = Unicode.Scalar(value), !TextSanitizer.isUnsafe(scalar) else { return nil }
            if TextSanitizer.isCombiningMark(scalar) { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    /// Decodes an escape sequence the terminal database did not know (e.g. a `TERM` that does not match the
    /// real terminal, common over SSH): `introducer` is `[` (CSI) or `O` (SS3), `body` the characters after it
    /// up to and including the final one. Returns nil for sequences to ignore (never a stray Esc).
    public static func escapeSequence(introducer: Character, body: String) -> Key? {
        guard let final = body.last else { return nil }
        let params = body.dropLast().split(separator: ";").map(String.init)
        switch (introducer, final) {
        case (_, "A"): return .up
        case (_, "B"): return .down
        case (_, "C"): return .right
        case (_, "D"): return .left
        case (_, "H"): return .home
        case (_, "F"): return .end
        case ("[", "Z"): return .backTab
        case ("O", "M"): return .enter  // keypad Enter in application mode
        case ("O", "P"): return .function(1)
        case ("O", "Q"): return .function(2)
        case ("O", "R"): return .function(3)
        case ("O", "S"): return .function(4)
        case ("[", "~"):
            switch params.first.flatMap({ Int($0) }) {
            case 1, 7: return .home
            case 4, 8: return .end
            case 5: return .pageUp
            case 6: return .pageDown
            case 3: return .delete
            case 11, 12, 13, 14: return params.first.flatMap { Int($0) }.map { .function($0 - 10) }
            case 15: return .function(5)
            case 17, 18, 19, 20, 21: return params.first.flatMap { Int($0) }.map { .function($0 - 11) }
            case 23, 24: return params.first.flatMap { Int($0) }.map { .function($0 - 12) }
            default: return nil
            }
        default: return nil
        }
    }

    /// Whether `character` ends a CSI sequence (a final byte 0x40–0x7E).
    public static func isFinalByte(_ value: UInt32) -> Bool { (0x40...0x7E).contains(value) }
}
