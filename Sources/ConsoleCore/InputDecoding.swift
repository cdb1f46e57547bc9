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
}
