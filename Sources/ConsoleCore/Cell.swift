/// One screen cell: a grapheme cluster and its style.
///
/// A wide (two-column) grapheme occupies its cell and a following `continuation` cell.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown; empty for the trailing half of a wide character.
    public var grapheme: String
    /// The cell style.
    public var style: CellStyle
    /// Creates a cell.
    public init(_ grapheme: String = " ", style: CellStyle = .plain) {
        self.grapheme = grapheme
        self.style = style
    }
    /// A blank cell in `style`.
    public static func blank(_ style: CellStyle = .plain) -> Cell { Cell(" ", style: style) }
    /// The trailing half of a wide character.
    public static func continuation(_ style: CellStyle) -> Cell { Cell("", style: style) }
    /// Whether this is the trailing half of a wide character.
    public var isContinuation: Bool { grapheme.isEmpty }
}
