import ReportModel
import Foundation

/// The wall mode's commands and timer, and what changed at each refresh.
extension AppState {
    /// Advances the clock; on the wall, rotates to the next page when its time is up.
    mutating func tick(_ date: Date) -> [Effect] {
        now = date
        _ = wall?.rotateIfDue(now: date)
        return []
    }

    /// Handles the wall's commands, and on the wall the moves that step pages (→/Enter next, ←/Esc previous);
    /// nil lets the console handle the command.
    mutating func performWall(_ command: Command) -> [Effect]? {
        switch command {
        case .toggleWall:
            if wall == nil {
                wall = WallState(rotateSeconds: wallRotateSeconds, now: now)
                return checkInEffects()
            } else {
                wall = nil
                clampSelection()
            }
            return []
        case .nextWallPage,  // always (a no-op off the wall); Enter steps pages only on the wall
             .drillDown where wall != nil:
            wall?.step(1, now: now)
            return []
        case .previousWallPage,  // always (a no-op off the wall); Esc steps back only on the wall
             .goUp where wall != nil:
            wall?.step(-1, now: now)
            return []
        case .toggleRotation:
            wall?.rotationPaused.toggle()
            wall?.pageShownAt = now
            return []
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveFirst, .moveLast, .filter, .jump, .export,
             .nextSortColumn, .reverseSort:
            return wall == nil ? nil : []
        default:
            return nil
        }
    }

    /// Keeps the report being replaced and what changed since it (same node only). A refresh that changed
    /// nothing keeps the last changes (their highlight runs out by itself); another node clears them.
    /// Returns the wall's follow-up work (reading the check-in curve when due).
    mutating func noteChanges(to newReport: NodeReport) -> [Effect] {
        guard let old = report, let changes = ReportChanges.between(old, newReport, at: now) else {
            previousReport = nil
            self.changes = nil
            return checkInEffects(for: newReport)
        }
        previousReport = old
        if !changes.isEmpty { self.changes = changes }
        return checkInEffects(for: newReport)
    }

    /// The check-in curve is read with a report on the wall, at most once every `checkInInterval` for one node.
    static let checkInInterval: TimeInterval = 60

    /// Asks for the curve of the node on screen when the wall shows and the last one is old or another node's.
    mutating func checkInEffects(for shown: NodeReport? = nil) -> [Effect] {
        guard wall != nil, let shown = shown ?? report else { return [] }
        let code = shown.figures.node.code
        if let asked = checkInAsked, asked.code == code, now.timeIntervalSince(asked.at) < Self.checkInInterval { return [] }
        if checkInAsked?.code != code { checkIn = nil }
        checkInAsked = (now, code)
        return [.loadCheckIn(node: shown.path.count > 1 ? shown.figures.node : nil)]
    }

    /// Keeps a curve that is for the node on screen.
    mutating func acceptCheckIn(_ curve: CheckInCurve?, code: String?) -> [Effect] {
        guard code == nil ? stack.count == 1 : code == report?.figures.node.code else { return [] }
        checkIn = curve
        return []
    }

    /// The ▲/▼ delta of a headline figure at the last change, if it moved.
    public func delta(_ figure: HeadlineFigure) -> Double? { changes?.headline[figure] }

    /// Whether an alert is new since the refresh before the last change.
    public func isNew(_ alert: Alert) -> Bool { changes?.newAlerts.contains(ReportChanges.AlertKey(alert)) ?? false }

    /// Whether a child's cell should be highlighted now.
    public func isHighlighted(code: String, column: ChildColumn) -> Bool {
        isHighlighting && (changes?.cells.contains(ReportChanges.Cell(code: code, column: column)) ?? false)
    }
}
