import Foundation

/// A real terminal for end-to-end tests: a detached tmux session on a private socket.
///
/// Drive it with `send`, read it with `screen`, and wait with `waitFor`, which polls with a timeout and
/// fails with the whole screen printed so a failure explains itself.
public final class TmuxSession {
    private let tmux: String
    private let socket: String
    /// The session name.
    public let name: String

    /// Starts `command` (run by /bin/sh) in a new `columns`×`rows` terminal. The pane stays after the
    /// command exits, so its exit status and the restored terminal can be read.
    public init(columns: Int, rows: Int, command: String, environment: [String: String] = [:]) throws {
        tmux = try ExternalTool.require("tmux")
        socket = "eduioc-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        name = "t"
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color"]
        for (key, value) in environment { env[key] = value }
        let exports = env.sorted { $0.key < $1.key }.map { "export \($0.key)=\(Self.quote($0.value));" }.joined(separator: " ")
        _ = try run(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)",
                     "\(exports) exec /bin/sh -c \(Self.quote(command))"])
        _ = try run(["set-option", "-t", name, "remain-on-exit", "on"])
        _ = try run(["set-option", "-t", name, "-g", "default-terminal", "xterm-256color"])
    }

    deinit { close() }

    /// Ends the session and its server; an output recording is stopped first so its `cat` does not linger.
    public func close() {
        _ = try? run(["pipe-pane", "-t", name])
        _ = try? run(["kill-server"])
    }

    /// Sends keys, in tmux `send-keys` syntax (e.g. "Enter", "Escape", "C-c"), each as its own key.
    public func send(_ keys: String...) throws {
        for key in keys { _ = try run(["send-keys", "-t", name, key]) }
    }

    /// Types literal text.
    public func type(_ text: String) throws {
        _ = try run(["send-keys", "-t", name, "-l", text])
    }

    /// The visible screen as text.
    public func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", name]).stdout
    }

    /// The visible screen with escape sequences for attributes (to check what reached the terminal).
    public func screenWithEscapes() throws -> String {
        try run(["capture-pane", "-p", "-e", "-t", name]).stdout
    }

    /// Copies every byte the program writes to the terminal into `file` (tmux pipe-pane), to check raw output.
    public func recordOutput(to file: URL) throws {
        _ = try run(["pipe-pane", "-o", "-t", name, "cat >> \(Self.quote(file.path))"])
    }

    /// Resizes the terminal.
    public func resize(columns: Int, rows: Int) throws {
        _ = try run(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// A tmux format value for the pane, e.g. "#{pane_dead}" or "#{pane_pid}".
    public func paneValue(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", name, format]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the command in the pane has exited.
    public var isDead: Bool { (try? paneValue("#{pane_dead}")) == "1" }

    /// Polls the screen every 100 ms until `condition` holds; after `timeout` seconds prints the screen and throws.
    @discardableResult
    public func waitFor(_ what: String, timeout: TimeInterval = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? ""
            if condition(last) { return last }
            usleep(100_000)
        }
        // The top again after the whole screen: a CI log that keeps only the lines before the failure still shows it.
        let top = last.split(separator: "\n", omittingEmptySubsequences: false).prefix(8).joined(separator: "\n")
        print("── screen while waiting for \(what) ──\n\(last)\n── its top again ──\n\(top)\n── end of screen ──")
        throw WaitError(what: what, timeout: timeout, screen: last)
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    public func waitFor(text: String, timeout: TimeInterval = 15) throws -> String {
        try waitFor("screen to show \"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// A wait that timed out; its description includes the screen.
    public struct WaitError: Error, CustomStringConvertible {
        public let what: String
        public let timeout: TimeInterval
        public let screen: String
        /// One line; the screen itself is printed to the test output when the wait fails.
        public var description: String { "timed out after \(Int(timeout)) s waiting for \(what) (screen printed above)" }
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> ProcessRunner.Result {
        let result = try ProcessRunner.run(tmux, ["-L", socket] + arguments, timeout: 20)
        if result.status != 0 && arguments.first != "kill-server" {
            throw TmuxError(arguments: arguments, stderr: result.stderr)
        }
        return result
    }

    /// A tmux command failed.
    public struct TmuxError: Error, CustomStringConvertible {
        public let arguments: [String]
        public let stderr: String
        public var description: String { "tmux \(arguments.joined(separator: " ")) failed: \(stderr)" }
    }

    /// Quotes `text` for /bin/sh.
    public static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
