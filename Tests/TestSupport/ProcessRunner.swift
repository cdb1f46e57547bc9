import Foundation
import ProcessSupport
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion and captures its output: the one way tests start real processes.
///
/// Built on `posix_spawn` and `waitpid` rather than Foundation's `Process`, whose exit detection on Linux
/// waits for a socket that daemons (the tmux server) inherit and keep open.
public struct ProcessRunner {
    /// What a finished process left behind.
    public struct Result: Sendable {
        /// The exit status, or 128 + N when killed by signal N.
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `executable` with `arguments` (and extra `environment`), waiting at most `timeout` seconds.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           stdin: String? = nil, timeout: TimeInterval = 120) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("eduioc-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inPath = scratch.appendingPathComponent("stdin").path
        let outPath = scratch.appendingPathComponent("stdout").path
        let errPath = scratch.appendingPathComponent("stderr").path
        try Data((stdin ?? "").utf8).write(to: URL(fileURLWithPath: inPath))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let (spawned, pid) = CleanSpawn.spawn(executable, argv: argv, envp: envp, actions: &actions)
        guard spawned == 0 else { throw RunError.cannotStart(executable, String(cString: strerror(spawned))) }

        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() >= deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw RunError.timedOut("\(executable) \(arguments.joined(separator: " "))", timeout)
            }
            usleep(10_000)
        }
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Result(status: code, stdout: out, stderr: err)
    }

    /// A process could not be started or did not finish in time.
    public enum RunError: Error, CustomStringConvertible {
        case cannotStart(String, String)
        case timedOut(String, TimeInterval)
        public var description: String {
            switch self {
            case .cannotStart(let command, let reason): return "cannot start \(command): \(reason)"
            case .timedOut(let command, let seconds): return "timed out after \(Int(seconds)) s: \(command)"
            }
        }
    }
}
