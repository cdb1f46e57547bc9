/// The console's display language. Vietnamese is the default.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case vi, en

    /// The other language, for the `L` key.
    public var toggled: Language { self == .vi ? .en : .vi }
}
