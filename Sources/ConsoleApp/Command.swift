/// A user intent, independent of which key or click produced it.
public enum Command: String, Sendable, Hashable, CaseIterable {
    case moveUp, moveDown, pageUp, pageDown, moveFirst, moveLast
    case drillDown, goUp
    case filter, jump, export
    case nextSortColumn, reverseSort
    case showAlerts, showDataQuality, nextTheme, toggleLanguage, refresh, togglePause, showHelp, quit
    case toggleWall, nextWallPage, previousWallPage, toggleRotation
}
