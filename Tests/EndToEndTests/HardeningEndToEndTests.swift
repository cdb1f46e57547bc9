import Foundation
import TestSupport
import Testing

/// Issue 14 in a real terminal: a crash is one line (never Swift's interactive backtracer), a huge window draws a
/// capped screen in bounded memory, and a terminal that cannot address the cursor is refused.
@Suite("Hardening end to end (tmux)", .serialized, .enabled(if: ExternalTool.shouldRun("tmux")))
struct HardeningEndToEndTests {
    /// The line the console prints when it crashes (CrashGuard.userLine).
    static let crashLine = "eduioc: the console stopped on an internal error"

    @Test func crashShowsOneLineAndLogsDetailsForTheAdministrator() throws {
        let scratch = try TestScratch.makeDirectory("crash")
        let log = scratch.appendingPathComponent("crash.log")
        // An interactive backtracer asked for by the environment must still be turned off by the program itself.
        let session = try ConsoleSession(arguments: ["--crash-log", log.path],
                                         environment: ["EDUIOC_TEST_CRASH": "sigusr2",
                                                       "SWIFT_BACKTRACE": "enable=yes,interactive=yes"])
        try session.tmux.waitFor("the dashboard") { $0.contains("Chuyên cần") && presentFigure(in: $0) != nil }
        let console = try ConsoleProcess.find(in: session.tmux)
        let environment = try String(contentsOfFile: "/proc/\(console.pid)/environ", encoding: .utf8)
            .split(separator: "\0").map(String.init)
        #expect(environment.contains("SWIFT_BACKTRACE=enable=no"), "the running console's SWIFT_BACKTRACE: \(environment.filter { $0.hasPrefix("SWIFT") })")
        try console.send(SIGUSR2)

        let end = try session.tmux.waitFor(text: " END")
        #expect(end.contains(Self.crashLine), "the one crash line")
        for prompt in ["Press space", "interact", "debug", "Crash", "Thread 0", "Fatal error", "Backtrace"] {
            #expect(!end.contains(prompt), "\"\(prompt)\" reached the screen:\n\(end)")
        }
        #expect(end.contains("EXIT:132"), "ended by SIGILL (128+4)")
        let modes = end.components(separatedBy: "MODES:").last?.components(separatedBy: "END").first ?? ""
        let words = Set(modes.split(separator: " ").map(String.init))
        #expect(words.contains("icanon") && words.contains("echo"), "terminal modes after the crash: \(modes)")
        let details = try String(contentsOf: log, encoding: .utf8)
        #expect(details.contains("eduioc crash: signal 4 pid \(console.pid)"), "crash log: \(details)")
        #expect(details.split(separator: "\n").count > 3, "a backtrace in the crash log: \(details)")
    }

    @Test func theTestCrashTriggerNeedsItsVariable() throws {
        let session = try ConsoleSession()
        try session.tmux.waitFor("the dashboard") { $0.contains("Chuyên cần") && presentFigure(in: $0) != nil }
        let console = try ConsoleProcess.find(in: session.tmux)
        try console.send(SIGUSR2)
        let end = try session.tmux.waitFor(text: " END")
        #expect(!end.contains(Self.crashLine), "SIGUSR2 without EDUIOC_TEST_CRASH must not be turned into a crash")
        #expect(end.contains("EXIT:140"), "SIGUSR2's default action ends it (128+12)")
    }

    @Test func aHugeWindowDrawsTheCappedScreenInBoundedMemory() throws {
        let session = try ConsoleSession(columns: 1600, rows: 700)  // larger than the cap from the start
        let tmux = session.tmux
        try tmux.waitFor("the capped dashboard") { $0.contains("Chuyên cần") && presentFigure(in: $0) != nil }
        let console = try ConsoleProcess.find(in: tmux)
        func hintRow(_ screen: String) -> Int? {
            screen.components(separatedBy: "\n").lastIndex { $0.contains("q Thoát") }
        }
        let start = try tmux.screen()
        #expect(hintRow(start) == 299, "the key hints on the 300th row (the cap), not the window's last")
        #expect(start.components(separatedBy: "\n").allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.count <= 500 },
                "nothing drawn right of column 500")
        try tmux.resize(columns: 4000, rows: 4000)
        usleep(1_500_000)
        try tmux.resize(columns: 100, rows: 30)
        try tmux.waitFor("the dashboard at 100×30") { hintRow($0) == 29 && $0.contains("Chuyên cần") }
        try tmux.resize(columns: 4000, rows: 4000)
        try tmux.waitFor("the capped dashboard again") { hintRow($0) == 299 }
        let resident = try console.residentKiB()
        #expect(resident < 150 * 1024, "resident memory at 4000×4000: \(resident) KiB (target ≤ 150 MB)")
        try tmux.send("q")
        let end = try tmux.waitFor(text: " END", timeout: 30)
        #expect(end.contains("EXIT:0"))
    }

    @Test func aTerminalThatCannotMoveTheCursorIsRefused() throws {
        let session = try ConsoleSession(environment: ["TERM": "dumb"])
        let end = try session.tmux.waitFor(text: " END")
        #expect(end.contains("this terminal cannot move the cursor"), "screen: \(end)")
        #expect(end.contains("EXIT:1"))
    }
}
