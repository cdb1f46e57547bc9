import Foundation
import TestSupport

/// A generated sample snapshot plus the real `eduioc` console running on it in tmux.
final class ConsoleSession {
    let directory: URL
    let snapshot: URL
    let tmux: TmuxSession
    let binary: String

    /// Generates a small sample (unless `snapshot` is given) and starts the console in a `columns`×`rows` terminal.
    /// The shell line after the console prints its exit status and the terminal modes, so tests can check both.
    /// With `recordRawOutput`, the console starts only once every byte it writes is being logged to `rawLog`.
    init(columns: Int = 100, rows: Int = 30, schools: Int = 24, arguments: [String] = [], snapshot: URL? = nil,
         environment: [String: String] = [:], recordRawOutput: Bool = false) throws {
        binary = PackagePaths.eduiocBinary.path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw ConsoleSessionError("eduioc binary not found at \(binary); run `swift build` first")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("eduioc-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let snapshot {
            self.snapshot = snapshot
        } else {
            self.snapshot = directory.appendingPathComponent("sample.sqlite")
            try Self.generate(binary: binary, to: self.snapshot, schools: schools)
        }
        let console = ([binary, "console", "--snapshot", self.snapshot.path] + arguments).map(TmuxSession.quote)
            .joined(separator: " ")
        let gate = directory.appendingPathComponent("go").path
        let wait = recordRawOutput ? "while [ ! -e \(TmuxSession.quote(gate)) ]; do sleep 0.05; done; " : ""
        let modes = "stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '"
        let command = wait + "\(console); echo \"EXIT:$?\"; echo \"MODES: $(\(modes)) END\"; sleep 600"
        // The console's own cache (summaries between runs) stays in this session's folder, not in $HOME.
        var environment = environment
        if environment["XDG_CACHE_HOME"] == nil { environment["XDG_CACHE_HOME"] = directory.appendingPathComponent("cache").path }
        tmux = try TmuxSession(columns: columns, rows: rows, command: command, environment: environment)
        if recordRawOutput {
            try tmux.recordOutput(to: rawLog)
            _ = FileManager.default.createFile(atPath: gate, contents: nil)
        }
    }

    /// Where the raw terminal output goes when recorded.
    var rawLog: URL { directory.appendingPathComponent("raw-output.log") }

    deinit {
        tmux.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Generates a sample province with the real binary, valid for now (today forced to a school day).
    static func generate(binary: String, to url: URL, schools: Int, seed: Int = 7) throws {
        let result = try ProcessRunner.run(binary, ["sample", "generate", "--out", url.path, "--schools", "\(schools)",
                                                    "--seed", "\(seed)", "--history-days", "12", "--force-school-day"],
                                           timeout: 300)
        guard result.status == 0 else {
            throw ConsoleSessionError("sample generate failed (\(result.status)): \(result.stderr)")
        }
    }

    /// Runs SQL on the snapshot with the sqlite3 CLI (independent of the code under test); one row per line.
    func sql(_ query: String) throws -> [String] {
        let sqlite = try ExternalTool.require("sqlite3")
        let result = try ProcessRunner.run(sqlite, ["-readonly", snapshot.path, query])
        guard result.status == 0 else { throw ConsoleSessionError("sqlite3 failed: \(result.stderr)") }
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// Changes the snapshot with the sqlite3 CLI, as a replicator writing in place would.
    func sqlWrite(_ statement: String) throws {
        let sqlite = try ExternalTool.require("sqlite3")
        let result = try ProcessRunner.run(sqlite, [snapshot.path, statement])
        guard result.status == 0 else { throw ConsoleSessionError("sqlite3 failed: \(result.stderr)") }
    }
}

/// A setup problem in an end-to-end test.
struct ConsoleSessionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Accent folding written independently of the product's code, for building test queries.
func testFold(_ text: String) -> String {
    text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
        .applyingTransform(.stripDiacritics, reverse: false)?.lowercased() ?? text.lowercased()
}
