import Foundation
import ProcessSupport

extension ViewerBench {
    /// How many real consoles run at once for the shared-pages figure (PSS divides the binary's pages among them).
    static let consolesAtOnce = 5

    /// The real thin consoles' memory: `eduioc-view --connect` in `count` detached 200×60 tmux sessions, read from
    /// /proc once every one has its first dashboard on screen and its screen has stopped changing (all of them
    /// running at that moment) and its peak has stopped moving, then each quit with q. One figure per console.
    func consoleMemory(socket: String, count: Int) throws -> [ConsoleMemory] {
        let sessions = (0..<count).map { "eduioc-bench-\(getpid())-\($0)" }
        defer { for session in sessions { _ = try? tmux(["kill-session", "-t", session]) } }
        var pids: [Int32] = []
        for session in sessions {
            try tmux(["new-session", "-d", "-s", session, "-x", "200", "-y", "60", "exec \(thinClient.path) --connect \(socket)"])
            guard let pid = Int32(try tmux(["list-panes", "-t", session, "-F", "#{pane_pid}"])
                .trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw BenchFailure(description: "tmux gave no pane process for the thin console")
            }
            pids.append(pid)
        }
        for (session, pid) in zip(sessions, pids) { try waitUntilSettled(session, pid: pid) }
        let figures = pids.map(ConsoleMemory.read)
        for session in sessions { _ = try? tmux(["send-keys", "-t", session, "q"]) }
        return figures
    }

    /// Waits until the session shows figures (rates in %) and two captures half a second apart agree; then until
    /// its search index is loaded (asked for after the first dashboard, it can come many seconds later: a console
    /// read at its first still screen had no index yet) — `/` and a letter, until the filter counts results; then
    /// Esc, and until the peak has not moved for two seconds.
    private func waitUntilSettled(_ session: String, pid: Int32) throws {
        let deadline = Date().addingTimeInterval(120)
        var previous = ""
        var phase = 0  // 0: waiting for the dashboard, 1: for the search's count, 2: for the peak to stop moving
        var peaks: [Int] = []
        while Date() < deadline {
            usleep(500_000)
            let screen = try tmux(["capture-pane", "-p", "-t", session])
            switch phase {
            case 0 where screen.contains("%") && screen == previous:
                try tmux(["send-keys", "-t", session, "/", "a"])
                phase = 1
            case 1 where screen.range(of: #"\(\d[\d.,]* (kết quả|results)\)"#, options: .regularExpression) != nil:
                try tmux(["send-keys", "-t", session, "Escape"])
                phase = 2
            case 2:
                peaks.append(Self.statusKB(pid: pid, field: "VmHWM") ?? 0)
                if peaks.count >= 5 && Set(peaks.suffix(5)).count == 1 { return }
            default:
                break
            }
            previous = screen
        }
        throw BenchFailure(description: "the thin console drew no dashboard or loaded no search index within 120 s:\n\(previous)")
    }

    /// The report lines for the consoles: one alone, then `consolesAtOnce` at once (mean PSS, largest peak).
    static func consoleRows(alone: Result<[ConsoleMemory], any Error>, together: Result<[ConsoleMemory], any Error>) -> [String] {
        var rows: [String] = []
        switch alone {
        case .success(let figures):
            for figure in figures { rows.append("thin console (eduioc-view, 200×60, dashboard and search index loaded), alone: \(figure.summary)") }
        case .failure(let error):
            rows.append("thin console (eduioc-view, 200×60): not measured (\(error))")
        }
        switch together {
        case .success(let figures) where !figures.isEmpty:
            let meanPSS = Double(figures.map(\.proportionalKB).reduce(0, +)) / Double(figures.count) / 1024
            let peak = Double(figures.map(\.peakKB).max() ?? 0) / 1024
            let resident = Double(figures.map(\.residentKB).max() ?? 0) / 1024
            rows.append(String(format: "%d thin consoles at once: PSS per console %.1f MB (mean), peak (VmHWM) %.1f MB and "
                               + "resident (VmRSS) %.1f MB (largest)", figures.count, meanPSS, peak, resident))
        case .success:
            break
        case .failure(let error):
            rows.append("\(consolesAtOnce) thin consoles at once: not measured (\(error))")
        }
        return rows
    }

    /// Runs tmux with `arguments`; its standard output, or a failure with its standard error. (`ShortCommand`, not
    /// Foundation's `Process`: its `waitUntilExit` was seen to hang on the `tmux new-session` that starts the server.)
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let outcome = try ShortCommand.run(["tmux"] + arguments, timeout: 20)
        guard outcome.status == 0 else {
            throw BenchFailure(description: "tmux \(arguments.first ?? ""): \(outcome.errors)")
        }
        return outcome.output
    }
}
