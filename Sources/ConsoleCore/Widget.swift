/// Something that draws itself into a rectangle of a frame. Widgets are values; they hold no terminal state.
public protocol Widget {
    /// Draws into `area` of `buffer`, never outside it.
    func render(_ area: Rect, into buffer: inout CellBuffer)
}
