/// A one-line text prompt at the bottom of the screen.
public enum PromptMode: Sendable, Hashable {
    /// `/` filter: the table narrows as the user types.
    case filter
    /// `:` jump: `CODE`, `school CODE` or `unit NAME`, run on Enter.
    case jump
}
