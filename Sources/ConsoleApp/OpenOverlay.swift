/// What is drawn over the dashboard, if anything. The overlay takes the keys while open.
public enum OpenOverlay: Sendable, Hashable {
    /// The key help.
    case help
    /// The alerts list with its selected row.
    case alerts(selected: Int)
    /// The data-quality list (schools whose rows are left out) with its selected row.
    case dataQuality(selected: Int)
}
