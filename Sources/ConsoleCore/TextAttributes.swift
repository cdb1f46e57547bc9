/// Terminal text attributes that survive without colour.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    /// The raw bits.
    public let rawValue: UInt8
    /// Creates attributes from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Bold.
    public static let bold = TextAttributes(rawValue: 1 << 0)
    /// Underlined.
    public static let underline = TextAttributes(rawValue: 1 << 1)
    /// Reverse video.
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    /// Dim (faint) text.
    public static let dim = TextAttributes(rawValue: 1 << 3)

    /// The names used in theme files, in a stable order.
    public static let names: [(String, TextAttributes)] = [("bold", .bold), ("underline", .underline), ("reverse", .reverse), ("dim", .dim)]

    /// The attribute names set, comma-separated (for goldens and messages).
    public var description: String { TextAttributes.names.filter { contains($0.1) }.map(\.0).joined(separator: ",") }
}
