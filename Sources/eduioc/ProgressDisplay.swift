import Foundation
import SampleProvince

/// Progress on stderr: a bar redrawn in place on a terminal, a line per phase otherwise.
struct ProgressDisplay {
    let isTerminal: Bool
    private var lastPercent = -1
    private var lastPhase: SampleProgress.Phase?

    /// Creates a display for stderr.
    init(isTerminal: Bool) {
        self.isTerminal = isTerminal
    }

    /// Shows `progress` if it changed visibly.
    mutating func show(_ progress: SampleProgress) {
        let percent = Int(progress.overallFraction * 100)
        if isTerminal {
            guard percent != lastPercent || progress.phase != lastPhase else { return }
            let width = 30
            let filled = min(width, Int(progress.overallFraction * Double(width)))
            let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
            let line = "\r\(bar) \(String(repeating: " ", count: max(0, 3 - String(percent).count)))\(percent)%  \(progress.phase.label)\u{1B}[K"
            FileHandle.standardError.write(Data(line.utf8))
        } else if progress.phase != lastPhase {
            FileHandle.standardError.write(Data("eduioc: \(percent)% \(progress.phase.label)…\n".utf8))
        }
        lastPercent = percent
        lastPhase = progress.phase
    }

    /// Ends the bar's line.
    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
