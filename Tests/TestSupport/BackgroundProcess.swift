import Foundation
import ProcessSupport
#if canImport(Glibc)
import Glibc
#endif

/// A long-running program started for a test (a daemon such as sshd), with its output in files.
///
/// posix_spawn based, like `ProcessRunner`; `stop()` (also run by `deinit`) ends it by pid and reaps it.
public final class BackgroundProcess {
    /// The process id.
    public let pid: pid_t
    /// Where its standard output and standard error go.
    public let logFile: URL
    private var reaped = false
    /// The wait status once it has been reaped (see ``exitCode``).
    private var waitStatus: Int32?

    /// Starts `executable` with `arguments`; stdin is /dev/null, stdout and stderr go to `logFile`.
    public init(_ executable: String, _ arguments: [String], logFile: URL) throws {
        self.logFile = logFile
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logFile.path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let (spawned, child) = CleanSpawn.spawn(executable, argv: argv, envp: envp, actions: &actions)
        guard spawned == 0 else {
            throw ProcessRunner.RunError.cannotStart(executable, String(cString: strerror(spawned)))
        }
        pid = child
    }

    deinit { stop() }

    /// Whether it is still running (reaps it if it has exited).
    public var isRunning: Bool {
        guard !reaped else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            reaped = true
            waitStatus = status
        }
        return !reaped
    }

    /// Sends SIGTERM, waits up to `grace` seconds, then SIGKILL; always reaps.
    public func stop(grace: TimeInterval = 3) {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while isRunning && Date() < deadline { usleep(20_000) }
        if isRunning {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
            reaped = true
            waitStatus = status
        }
    }

    /// Its exit status once it has ended by itself or on SIGTERM; nil while running or when a signal ended it.
    public var exitCode: Int32? {
        guard let waitStatus, waitStatus & 0x7f == 0 else { return nil }
        return (waitStatus >> 8) & 0xff
    }

    /// What it has written so far.
    public var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }
}
