import Analytics
import ConsoleApp
import ConsoleCore
import Foundation
import ReportModel

/// What the wall (200×60) writes to the terminal: per rotated page, per refresh with highlighted changes, when
/// the highlight runs out, and per idle second (the seconds clock only). Frames from the real renderer, bytes as
/// `BenchRun.bytes` counts them for the console.
struct WallTerminalOutput {
    /// Cells and bytes of one frame change.
    struct Cost {
        let cells: Int
        let bytes: Int
        var text: String { "\(cells) cells, \(bytes) B" }
    }

    let size = Size(columns: 200, rows: 60)
    /// Mean and largest cost of turning to the next page, over a full round of pages.
    let rotationMean: Cost
    let rotationMax: Cost
    /// A refresh whose figures moved: tiles' deltas and highlighted cells (overview page).
    let highlightedRefresh: Cost
    /// The highlight running out a few seconds later.
    let highlightEnd: Cost
    /// One second later with nothing else changed: the clock's digits.
    let idleSecond: Cost

    /// Measures the wall showing `before`, then `after` arriving at `asOf`.
    init(before: NodeReport, after: NodeReport, asOf: Date) {
        let capabilities = TerminalCapabilities(colorDepth: .full256, unicode: true)
        var state = AppState(size: size, now: asOf)
        state.wall = WallState(rotateSeconds: 20, now: asOf)
        _ = state.requestLoad()
        _ = state.update(.reportLoaded(generation: state.requestedGeneration, before))
        func frame() -> CellBuffer { DashboardRenderer.render(state, capabilities: capabilities) }
        func cost(_ from: CellBuffer, _ to: CellBuffer) -> Cost {
            let runs = FrameDiff.runs(from: from, to: to)
            return Cost(cells: FrameDiff.cellCount(runs), bytes: BenchRun.bytes(runs))
        }
        var rotations: [Cost] = []
        var previous = frame()
        for step in 1...WallPage.allCases.count {
            _ = state.update(.tick(asOf.addingTimeInterval(Double(20 * step))))
            let next = frame()
            rotations.append(cost(previous, next))
            previous = next
        }
        rotationMean = Cost(cells: rotations.map(\.cells).reduce(0, +) / rotations.count,
                            bytes: rotations.map(\.bytes).reduce(0, +) / rotations.count)
        rotationMax = rotations.max { $0.bytes < $1.bytes } ?? Cost(cells: 0, bytes: 0)
        state.wall?.rotationPaused = true
        let quiet = frame()
        _ = state.update(.tick(state.now.addingTimeInterval(1)))
        let ticked = frame()
        idleSecond = cost(quiet, ticked)
        _ = state.update(.snapshotChanged)
        _ = state.update(.reportLoaded(generation: state.requestedGeneration, after))
        let highlighted = frame()
        highlightedRefresh = cost(ticked, highlighted)
        _ = state.update(.tick(state.now.addingTimeInterval(AppState.highlightSeconds)))
        highlightEnd = cost(highlighted, frame())
    }

    /// The bench table's rows: name, ours, naive side, ratio, target.
    var rows: [[String]] {
        [["terminal output, wall page rotation (200×60, mean of 5)", rotationMean.text, "\(size.columns * size.rows) cells (full repaint)", "–",
          "< full repaint"],
         ["terminal output, wall page rotation (200×60, largest)", rotationMax.text, "–", "–", "–"],
         ["terminal output, wall refresh with highlighted changes", highlightedRefresh.text, "–", "–", "small"],
         ["terminal output, wall highlight running out", highlightEnd.text, "–", "–", "small"],
         ["terminal output, idle wall second (clock only)", idleSecond.text, "–", "–", "the clock's digits"]]
    }
}
