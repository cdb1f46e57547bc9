import ReportModel
import ConsoleCore
import Foundation

/// Everything that can happen to the console: input, time, and results of work done elsewhere.
public enum Action: Sendable {
    /// A key press.
    case key(Key)
    /// A mouse event.
    case mouse(MouseEvent)
    /// The terminal changed size.
    case resize(Size)
    /// The clock ticked.
    case tick(Date)
    /// The snapshot changed (in place or by rename): reload if live.
    case snapshotChanged
    /// The watcher saw no change but the last load failed: load again (not counted as a change of the data).
    case retryLoad
    /// A load finished.
    case reportLoaded(generation: Int, NodeReport)
    /// A load (tagged with its generation) or the watcher (nil) found the snapshot unusable; the last good data stays.
    case snapshotFailed(generation: Int?, reason: String, at: Date)
    /// A load or jump failed for a reason the user should read (e.g. not in the user's area).
    case showMessage(String)
    /// A jump or load asked for a node outside the user's scope (or absent): say so in the UI language.
    case notInYourArea(String)
    /// A `:` jump named nothing that exists (unscoped users; scoped ones get `notInYourArea`): the text as typed.
    case noSuchNode(String)
    /// The scope's search index was read.
    case searchIndexLoaded(SearchIndex)
    /// A `:` jump resolved to a node: show it.
    case navigate(to: NodeRef)
    /// An export finished (or failed).
    case exportFinished(ExportOutcome)
    /// The data-quality list was checked.
    case dataQualityLoaded(DataQualityReport)
    /// The user's area changed while running (seen by the runtime's poll of `DashboardDataSource.accessChange`): the
    /// screen starts again at the new area's root, once per revision.
    case accessChanged(AccessChange)
    /// A result of work started under scope revision `revision`; dropped when the scope changed since.
    indirect case scoped(revision: Int, Action)
    /// The check-in curve of the node with this code (nil = scope root) was read (nil: the source has none).
    case checkInLoaded(code: String?, CheckInCurve?)
}

/// Work the runtime must do after an update.
public enum Effect: Sendable, Hashable {
    /// Load the report for `node` (nil = scope root), tagging the result with `generation`.
    case load(node: NodeRef?, generation: Int)
    /// Resolve a `:` jump; the runtime answers with `.navigate` or `.showMessage`.
    case resolveJump(JumpTarget)
    /// Read the search index of the user's scope; the runtime answers with `.searchIndexLoaded`.
    case loadSearchIndex
    /// Write the table to a CSV file in the export directory; the runtime answers with `.exportFinished`.
    case export(TableExport)
    /// Check the rows left out of the figures; the runtime answers with `.dataQualityLoaded` or `.showMessage`.
    case loadDataQuality
    /// Read the check-in curve of `node` for the wall; the runtime answers with `.checkInLoaded`.
    case loadCheckIn(node: NodeRef?)
}
