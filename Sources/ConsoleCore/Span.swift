/// A piece of text in one style.
public struct Span: Hashable, Sendable {
    /// The text (already sanitised).
    public var text: String
    /// The style it is drawn in.
    public var style: CellStyle
    /// Creates a span.
    public init(_ text: String, style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }
    /// Creates a span in `role`.
    public init(_ text: String, role: StyleRole, bold: Bool = false) {
        self.init(text, style: CellStyle(role, bold: bold))
    }
}
