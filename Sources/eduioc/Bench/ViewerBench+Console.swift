import Foundation
import ProcessSupport

extension ViewerBench {
    /// How many real consoles run at once for the shared-pages figure (PSS divides the binary's pages among them).
    static let consolesAtOnce = 5

    /// The real thin consoles' memory: `eduioc-view --connect` in `count` detached 200×60 tmux sessions, read from
    /// /proc once every one has its first dashboard on screen and its screen has stopped changing (all of them
    /// running at that moment), then each quit with q. One figure per console.
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
        for session in sessions { try waitUntilDrawn(session) }
        let figures = pids.map(ConsoleMemory.read)
        for session in sessions { _ = try? tmux(["send-keys", "-t", session, "q"]) }
        return figures
    }

    /// Waits until the session shows figures (rates in %) and two captures half a second apart agree.
    private func waitUntilDrawn(_ session: String) throws {
        let deadline = Date().addingTimeInterval(60)
        var previous = ""
        while Date() < deadline {
            usleep(500_000)
            let screen = try tmux(["capture-pane", "-p", "-t", session])
            if screen.contains("%") && screen == previous { return }
            previous = screen
        }
        throw BenchFailure(description: "the thin console drew no dashboard within 60 s:\n\(previous)")
    }

    /// The report lines for the consoles: one alone, then `consolesAtOnce` at once (mean PSS, largest peak).
    static func consoleRows(alone: Result<[ConsoleMemory], any Error>, together: Result<[ConsoleMemory], any Error>) -> [String] {
        var rows: [String] = []
        switch alone {
        case .success(let figures):
            for figure in figures { rows.append("thin console (eduioc-view, 200×60, first dashboard drawn), alone: \(figure.summary)") }
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

    /// Runs tmux with `arguments`; its standard output, or a failure with its standard error.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux"] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let problem = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchFailure(description: "tmux \(arguments.first ?? ""): \(String(decoding: problem, as: UTF8.self))")
        }
        return String(decoding: text, as: UTF8.self)
    }
}
