import Foundation
import TestSupport
import Testing

/// Signals to the real console in tmux: a clean exit with the documented status, the terminal restored and
/// nothing left running; a storm of window changes does not crash it.
@Suite("Signals end to end (tmux)", .serialized, .enabled(if: ExternalTool.shouldRun("tmux")))
struct SignalEndToEndTests {
    @Test(arguments: [(SIGHUP, 129), (SIGTERM, 143), (SIGINT, 130), (SIGQUIT, 131)])
    func signalEndsTheConsoleCleanly(signal: Int32, status: Int) throws {
        let session = try ConsoleSession()
        try session.tmux.waitFor("the dashboard") { $0.contains("Chuyên cần") && presentFigure(in: $0) != nil }
        let console = try ConsoleProcess.find(in: session.tmux)
        let children = ConsoleProcess.children(of: console.pid)
        try console.send(signal)

        let end = try session.tmux.waitFor(text: " END")
        #expect(end.contains("EXIT:\(status)"), "exit status \(status) after signal \(signal)")
        let modes = end.components(separatedBy: "MODES:").last?.components(separatedBy: "END").first ?? ""
        let words = Set(modes.split(separator: " ").map(String.init))
        #expect(words.contains("icanon") && words.contains("echo"), "terminal modes after exit: \(modes)")
        #expect(!console.isAlive, "the console process is gone")
        let left = children.filter { ConsoleProcess(pid: $0).isAlive }
        #expect(left.isEmpty, "processes the console left behind: \(left)")
    }

    @Test func windowChangeStormDoesNotCrashIt() throws {
        let session = try ConsoleSession()
        let tmux = session.tmux
        try tmux.waitFor("the dashboard") { $0.contains("Chuyên cần") && presentFigure(in: $0) != nil }
        let console = try ConsoleProcess.find(in: tmux)
        let sizes = [(70, 20), (160, 48), (40, 10), (120, 36), (81, 25), (100, 30)]
        for round in 0..<30 {
            let (columns, rows) = sizes[round % sizes.count]
            try tmux.resize(columns: columns, rows: rows)
        }
        for _ in 0..<300 { try console.send(SIGWINCH) }
        try tmux.resize(columns: 100, rows: 30)
        try tmux.waitFor("the dashboard at 100×30 after the storm") {
            $0.contains("Chuyên cần") && !$0.contains("quá nhỏ") && $0.split(separator: "\n").count <= 30
        }
        #expect(console.isAlive)
        try tmux.send("q")
        let end = try tmux.waitFor(text: " END")
        #expect(end.contains("EXIT:0"))
    }
}

extension SignalEndToEndTests {
    /// The terminal itself going away (an SSH connection dropping): the kernel's hangup ends the console.
    @Test func terminalHangupLeavesNoProcess() throws {
        let session = try ConsoleSession()
        try session.tmux.waitFor("the dashboard") { $0.contains("Chuyên cần") && presentFigure(in: $0) != nil }
        let console = try ConsoleProcess.find(in: session.tmux)
        session.tmux.close()  // kills the tmux server: the pane's terminal hangs up
        let deadline = Date().addingTimeInterval(10)
        while console.isAlive && Date() < deadline { usleep(50_000) }
        #expect(!console.isAlive, "the console outlived its terminal")
    }
}
