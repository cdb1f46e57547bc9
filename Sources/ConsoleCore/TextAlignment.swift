/// Horizontal alignment of text within a field.
public enum TextAlignment: String, Hashable, Sendable, CaseIterable {
    case left, right, center
}
