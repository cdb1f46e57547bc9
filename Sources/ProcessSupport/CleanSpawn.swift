import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `posix_spawn` with a clean signal state: an empty signal mask and default dispositions for the usual signals.
///
/// posix_spawn otherwise passes on the caller's blocked-signal mask, and test processes block many signals on
/// their worker threads; a tmux server or sshd started with SIGHUP and SIGTERM blocked cannot be stopped
/// politely, and neither can the programs it runs (kill-server then leaves them all behind). A freshly copied
/// executable that is momentarily busy (ETXTBSY) is retried for up to 2.5 s.
public enum CleanSpawn {
    /// Spawns `executable` (looked up in PATH with `searchPath`); returns posix_spawn's result (0 on success) and the
    /// child's pid.
    public static func spawn(_ executable: String, argv: [UnsafeMutablePointer<CChar>?], envp: [UnsafeMutablePointer<CChar>?],
                             actions: inout posix_spawn_file_actions_t, searchPath: Bool = false) -> (result: Int32, pid: pid_t) {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGCHLD, SIGUSR1, SIGUSR2, SIGALRM, SIGWINCH] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        func attempt() -> Int32 {
            searchPath ? posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
                       : posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        }
        var result = attempt()
        // A binary just copied may be "busy" for a moment: a child spawned concurrently by another test can
        // still hold the copy's write descriptor until its own exec. Retry briefly, as Go's os/exec does.
        var tries = 0
        while result == ETXTBSY && tries < 50 {
            tries += 1
            usleep(50_000)
            result = attempt()
        }
        return (result, pid)
    }
}
