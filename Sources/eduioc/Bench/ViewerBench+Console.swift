import Foundation
import ProcessSupport

extension ViewerBench {
    /// The real thin console's peak RSS (kB): `eduioc-view --connect` in a detached 200×60 tmux session, read from
    /// /proc once its first dashboard is on screen and the screen has stopped changing, then quit with q.
    func consolePeakKB(socket: String) throws -> Int {
        let session = "eduioc-bench-\(getpid())"
        let command = "exec \(thinClient.path) --connect \(socket)"
        try tmux(["new-session", "-d", "-s", session, "-x", "200", "-y", "60", command])
        defer { _ = try? tmux(["kill-session", "-t", session]) }
        guard let pid = Int32(try tmux(["list-panes", "-t", session, "-F", "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchFailure(description: "tmux gave no pane process for the thin console")
        }
        let deadline = Date().addingTimeInterval(60)
        var previous = ""
        while Date() < deadline {
            usleep(500_000)
            let screen = try tmux(["capture-pane", "-p", "-t", session])
            // Drawn: the figures are on screen (rates in %) and two captures half a second apart agree.
            if screen.contains("%") && screen == previous {
                let peak = Self.statusKB(pid: pid, field: "VmHWM") ?? 0
                _ = try? tmux(["send-keys", "-t", session, "q"])
                return peak
            }
            previous = screen
        }
        throw BenchFailure(description: "the thin console drew no dashboard within 60 s:\n\(previous)")
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
