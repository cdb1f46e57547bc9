/// How much of an axis one slot of a layout takes.
public enum LayoutSize: Hashable, Sendable {
    /// Exactly this many cells (less if the space runs out).
    case fixed(Int)
    /// A share of what the fixed slots leave, proportional to the weight.
    case weight(Int)
}
