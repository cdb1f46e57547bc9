#if canImport(Glibc)
import Glibc
#endif

/// What an official's console needs of its terminal (`console --ssh`, `eduioc-view`): a real one on stdin and stdout,
/// and terminfo only from the system (the environment's TERMINFO, TERMINFO_DIRS and TERMCAP are dropped).
public enum OfficialTerminal {
    /// Throws a one-line `CLIError` without a terminal; otherwise drops the terminfo overrides.
    public static func require() throws {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            throw CLIError("the console needs a terminal: connect with ssh -t")
        }
        for name in ["TERMINFO", "TERMINFO_DIRS", "TERMCAP"] { unsetenv(name) }
    }
}
