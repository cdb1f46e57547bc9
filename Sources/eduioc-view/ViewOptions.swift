import ConsoleApp
import ProcessSupport

/// The thin client's command line, parsed by hand (ArgumentParser is not linked here, to keep the process small).
struct ViewOptions: Equatable {
    /// The server's socket (`--connect`).
    var socket = ""
    /// `--lang`: vi (default) or en.
    var language = Language.vi
    /// `--theme`: a theme name from the themes folder.
    var theme = "default"
    /// `--themes-dir`: where the theme files are (default: Themes/ beside the program).
    var themesDirectory: String?
    /// `--no-color`.
    var noColor = false
    /// `--ascii`.
    var ascii = false
    /// `--crash-log`: where a crash's details go (must exist and not be readable by the account).
    var crashLog: String?
    /// `--wall`: start on the wall (big tiles and pages; `w` switches).
    var wall = false
    /// `--rotate`: seconds each wall page stays (implies `--wall`); 0 = no rotation.
    var rotateSeconds: Int?
    /// `--help`: print the help and stop.
    var help = false
    /// Hidden `--bench`: the data path only, no terminal, for `eduioc bench --viewers`.
    var bench = false
    /// Hidden `--timeout`: seconds the bench mode waits for the server's change.
    var benchTimeout = 120.0

    /// The usage line every refusal ends with.
    static let usage = "usage: eduioc-view --connect SOCKET [--lang vi|en] [--theme NAME] [--themes-dir DIR] "
        + "[--wall] [--rotate 20s] [--no-color] [--ascii] [--crash-log FILE] (see --help)"

    /// Parses `arguments` (without the program name); a refusal is a `CLIError` naming the argument.
    static func parse(_ arguments: [String]) throws -> ViewOptions {
        var options = ViewOptions()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            var name = argument
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            func value() throws -> String {
                if let inline { return inline }
                guard let next = rest.popFirst(), !next.hasPrefix("--") else {
                    throw CLIError("\(name) needs a value; \(usage)")
                }
                return next
            }
            switch name {
            case "--connect": options.socket = try value()
            case "--lang":
                let text = try value()
                guard let language = Language(rawValue: text) else {
                    throw CLIError("--lang: '\(text)' is not a language (vi or en)")
                }
                options.language = language
            case "--theme": options.theme = try value()
            case "--themes-dir": options.themesDirectory = try value()
            case "--crash-log": options.crashLog = try value()
            case "--timeout":
                let text = try value()
                guard let seconds = Double(text), seconds > 0 else { throw CLIError("--timeout: '\(text)' is not a number of seconds") }
                options.benchTimeout = seconds
            case "--rotate":
                let text = try value()
                guard let seconds = WallState.rotateSeconds(parsing: text) else {
                    throw CLIError("--rotate: '\(text)' is not a duration (e.g. 20s, 1m; 0 = never; at most an hour)")
                }
                options.rotateSeconds = seconds
            case "--wall" where inline == nil: options.wall = true
            case "--no-color" where inline == nil: options.noColor = true
            case "--ascii" where inline == nil: options.ascii = true
            case "--bench" where inline == nil: options.bench = true
            case "--help" where inline == nil, "-h" where inline == nil: options.help = true
            default: throw CLIError("unknown argument '\(argument)'; \(usage)")
            }
        }
        if !options.help && options.socket.isEmpty { throw CLIError("--connect SOCKET is required; \(usage)") }
        return options
    }

    /// `--help`.
    static let helpText = """
        eduioc-view — the officials' console over `eduioc serve` (terminal, state and rendering only).

        The dashboard comes from the server at SOCKET, which knows the account from the kernel and sends only its
        area; this process never opens the snapshot. If the server goes away the screen keeps its last data with
        "reconnecting…" and reconnects by itself; started while the server is down, it says so and exits 1.
        `eduioc console --connect SOCKET` runs this program when it sits beside `eduioc` (sshd's ForceCommand).

        \(usage)

        Options:
          --connect SOCKET     The server's Unix socket (required).
          --lang vi|en         Language: vi (Tiếng Việt, default) or en.
          --theme NAME         Theme from the themes folder: default, light, accessible, mono.
          --themes-dir DIR     Folder of theme files (default: Themes/ beside the program).
          --wall               Start on the wall: big tiles and pages (w switches to the console).
          --rotate DURATION    Wall pages rotate every DURATION (e.g. 20s, 1m; 0 = never; implies --wall).
          --no-color           Draw without colour (also when NO_COLOR is set).
          --ascii              Draw with ASCII borders and glyphs only.
          --crash-log FILE     Where a crash's details go (default: /var/log/eduioc/crash.log); it must exist and
                               not be readable by the account.
          -h, --help           Show this help.

        Keys (as in the console's ? help): \(KeyMap.standard.summary(.en)).

        Exit status: 0 after q; 1 when refused or unusable (64 for a bad command line); 128+N when ended by signal N.

        """
}
