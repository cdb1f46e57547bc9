import Analytics

/// The results of the open `/` or `:` prompt and the query they answer, so they are recomputed only when the
/// query or the index changes.
struct SearchState: Sendable {
    /// The results, best first.
    var hits: [SearchEntry] = []
    /// The prompt mode and text the results answer (nil: none computed).
    var query: String?
    /// Which index version they came from.
    var indexVersion = 0
}
