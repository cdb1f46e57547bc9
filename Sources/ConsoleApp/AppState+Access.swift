import ReportModel

extension AppState {
    /// Forgets everything read under the old scope (the report, the path, the search index, the data-quality
    /// list, open overlays and prompts) and loads the new scope's root.
    mutating func changeAccess(_ change: AccessChange) -> [Effect] {
        scopeRevision = change.revision
        scopeLabel = change.scopeLabel
        exportDirectory = change.exportDirectory
        stack = [NavigationEntry(node: nil)]
        report = nil
        previousReport = nil
        changes = nil
        checkIn = nil
        checkInAsked = nil
        dataQuality = nil
        searchIndex = nil
        searchIndexVersion += 1
        overlay = nil
        prompt = nil
        promptText = ""
        filterText = ""
        problem = nil
        message = UIText.accessChanged.in(language)
        searchIndexWanted = true
        return requestLoad()
    }
}
