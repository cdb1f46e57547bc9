import ReportModel

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

extension AppState {
    /// Recomputes the search results when the prompt's text or the index changed since they were computed.
    mutating func refreshSearch() {
        let query: String?
        switch prompt {
        case .filter?: query = "/" + filterText
        case .jump?: query = ":" + promptText
        case nil: query = nil
        }
        guard query != search.query || search.indexVersion != searchIndexVersion else { return }
        search.query = query
        search.indexVersion = searchIndexVersion
        search.hits = computeSearchHits()
        searchSelected = min(searchSelected, max(0, search.hits.count - 1))
    }
}
