import Analytics
import ArgumentParser
import ConsoleApp
import ConsoleCore
import Foundation
import NcursesBackend
import ProcessSupport
import SampleProvince
import SnapshotSource

/// `eduioc console` (the default): the live dashboard.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "The live dashboard: attendance, enrollment, devices and connectivity, province → class.",
        discussion: """
            Without --snapshot it opens the bundled sample province, generated for today on first use into
            the cache directory ($XDG_CACHE_HOME/eduioc or ~/.cache/eduioc).

            Keys (from the key map, as in the console's ? help): \(KeyMap.standard.summary(.en)).
            Mouse: click selects, double-click drills, wheel scrolls.

            e writes the table on screen (filtered and sorted) to eduioc-<code>-<YYYYmmdd-HHMM>.csv in the export \
            directory: --export-dir, else the current directory; in SSH mode only the directory the access file \
            gives the account (none: export is refused).

            SSH mode (--ssh, for sshd's ForceCommand): the account is the one the operating system says runs the \
            program (real user id, its groups); its entry in the access file (--access-file, default \
            /etc/eduioc/access.yaml) decides what it sees and where it may export. An account without an entry is \
            refused (exit 1). --snapshot is required; --scope and --export-dir are refused; theme and sample \
            folders are not taken from the environment.

            Server mode (--connect SOCKET, the officials' ForceCommand when `eduioc serve` runs): the dashboard comes \
            from the server, which knows the account from the kernel and sends only its area; this process never \
            opens the snapshot. If the server goes away the screen keeps its last data with "reconnecting…" and \
            reconnects by itself; started while the server is down, it says so and exits 1. --snapshot, --ssh, \
            --scope and --export-dir are refused with it. This process becomes eduioc-view (the thin client, \
            installed beside eduioc) with --lang, --theme, --themes-dir, --wall, --rotate, --crash-log, --no-color and \
            --ascii passed on.

            Exit status: 0 after q; 1 when refused or unusable; 128+N when ended by signal N (SIGHUP 129, \
            SIGINT 130, SIGTERM 143).
            """
    )

    @Option(name: .long, help: "Snapshot file to watch (default: the bundled sample province for today).")
    var snapshot: String?

    @Option(name: .long, help: ArgumentHelp("Take the data from `eduioc serve` at this Unix socket (officials' ForceCommand).",
                                            valueName: "socket"))
    var connect: String?

    @Option(name: .long, help: "Theme name from the themes folder: default, light, accessible, mono.")
    var theme: String = "default"

    @Option(name: .long, help: "Language: vi (Tiếng Việt, default) or en.")
    var lang: Language = .vi

    @Option(name: .long, help: "Limit everything to these admin-unit codes (comma-separated).")
    var scope: String?

    @OptionGroup var access: AccessOptions

    @Option(name: .customLong("export-dir"), help: ArgumentHelp("Where e writes CSV exports (default: the current directory; not with --ssh).", valueName: "dir"))
    var exportDir: String?

    @Option(name: .long, help: "Analytics configuration file (thresholds, benchmark profile); see docs/analytics.example.yaml.")
    var config: String?

    @Option(name: .long, help: "Folder of theme files (default: Themes/ beside the program, or $EDUIOC_THEMES).")
    var themesDir: String?

    @Option(name: .long, help: "Folder of sample name lists (default: SampleData/ beside the program, or $EDUIOC_SAMPLE_DATA).")
    var sampleData: String?

    @Flag(name: .long, help: "Draw without colour (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .long, help: "Draw with ASCII borders and glyphs only.")
    var ascii = false

    @Flag(name: .long, help: "Start on the operations-centre wall: big tiles and pages (w switches to the console).")
    var wall = false

    @Option(name: .long, help: ArgumentHelp("Wall pages rotate every DURATION (e.g. 20s, 1m; 0 = never; implies --wall).",
                                            valueName: "duration"))
    var rotate: RotationInterval?

    @Flag(name: .customLong("no-summary-cache"), help: ArgumentHelp(
        "Do not keep summaries of past school days between runs (in <cache>/summaries; see docs/PERFORMANCE.md)."))
    var noSummaryCache = false

    func validate() throws {
        try access.validate(scope: scope, exportDirectory: exportDir)
        if connect != nil {
            for (given, name) in [(snapshot != nil, "--snapshot"), (access.ssh, "--ssh"), (scope != nil, "--scope"),
                                  (exportDir != nil, "--export-dir"), (sampleData != nil, "--sample-data"),
                                  (config != nil, "--config")] where given {
                throw ValidationError("\(name) cannot be combined with --connect: the server decides what the account sees")
            }
        }
        if access.ssh && snapshot == nil { throw ValidationError("--ssh needs --snapshot (the bundled sample is never built in SSH mode)") }
    }

    /// The theme catalog and every theme in it, the chosen one checked.
    func loadThemes() throws -> (ThemeCatalog, [Theme]) {
        let themeFolder = try locate(.themes, explicit: themesDir)
        let catalog = ThemeCatalog(directory: themeFolder.path)
        guard catalog.names.contains(theme) else {
            throw ValidationError("no theme '\(theme)' in \(themeFolder.path) (available: \(catalog.names.joined(separator: ", ")))")
        }
        return (catalog, try catalog.names.map { try catalog.load($0) })
    }

    func run() throws {
        if let connect { return try runConnected(socket: connect) }
        let crashLog = try access.prepareForCrashes()
        let grant = try access.resolveGrant()
        if access.ssh { try OfficialTerminal.require() }
        let (catalog, themes) = try loadThemes()
        let analyticsConfig = try config.map { try AnalyticsConfig.load(contentsOf: URL(fileURLWithPath: $0)) } ?? AnalyticsConfig()
        let userScope = access.ssh ? grant?.scope : ScopeArgument.parse(scope)
        let snapshotURL = try snapshot.map { URL(fileURLWithPath: $0) } ?? BundledSample.ensureForToday(
            sampleData: try locate(.sampleData, explicit: sampleData))
        let store = noSummaryCache ? nil : try summaryStore(user: grant?.user)
        let source = try SnapshotDataSource(url: snapshotURL, config: analyticsConfig, scope: userScope, store: store)

        let noColour = noColor || ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } == true
        let terminal = try NcursesTerminal(noColor: noColour, asciiOnly: ascii)
        var state = AppState(language: lang, themeNames: catalog.names, themeIndex: catalog.names.firstIndex(of: theme) ?? 0,
                             size: terminal.size, now: Date(), timeZone: source.timeZone,
                             scopeLabel: grant.map(Self.scopeLabel)
                                ?? userScope.map { $0.unitCodes.sorted().joined(separator: ", ") })
        state.exportDirectory = access.ssh ? grant?.exportDirectory : (exportDir ?? FileManager.default.currentDirectoryPath)
        state.attendanceBands = .attendance(analyticsConfig.attendance)
        state.completenessBands = .completeness(analyticsConfig.attendance)
        state.staleAfterMinutes = analyticsConfig.snapshot.staleAfterMinutes
        state.wallRotateSeconds = rotate?.seconds
        if wall || rotate != nil { state.wall = WallState(rotateSeconds: rotate?.seconds, now: state.now) }
        let runtime = ConsoleRuntime(backend: terminal, source: source, themes: themes, state: state)
        let stop = runtime.stopRequester
        let trap = SignalTrap { _ in stop() }
        let testTrigger = CrashGuard.armTestTrigger()
        // SSH mode: the access file is read again every 2 s; a revoked grant ends the session, a changed one applies
        // in place (the data source answers for the new scope; the runtime's next poll starts the screen again).
        let accessWatch = grant.map {
            AccessWatch(options: access, grant: $0, onNewGrant: { new in
                source.changeScope(to: new.scope, label: Self.scopeLabel(new), exportDirectory: new.exportDirectory)
            }, onChange: stop)
        }
        // While the screen is ncurses', a runtime error message goes to the crash log (SSH: or nowhere), never
        // over the official's screen.
        let savedError = (access.ssh || crashLog != nil) ? CrashGuard.divertStandardError(to: crashLog) : nil
        runtime.run()
        terminal.shutdown()
        CrashGuard.restoreStandardError(savedError)
        testTrigger?.cancel()
        accessWatch?.cancel()
        if let reason = accessWatch?.endReason { throw CLIError(reason) }
        let status = trap.exitStatus()
        if status != 0 { throw ExitCode(status) }
    }

    /// The status line's description of an official's grant: "hoa: X01, S0003" ("*" for the whole province).
    private static func scopeLabel(_ grant: AccessGrant) -> String { "\(grant.user): \(grant.scopeCodes ?? "*")" }

    /// The warm-start file's folder: `<cache>/summaries`, the cache folder being the account's own
    /// (`~/.cache/eduioc` from the password database in SSH mode, never from the environment).
    private func summaryStore(user: String?) throws -> SummaryStore? {
        guard access.ssh else { return SummaryStore(directory: BundledSample.cacheDirectory.appendingPathComponent("summaries")) }
        guard let user else { return nil }
        return SummaryStore(directory: FileManager.default.homeDirectory(forUser: user)
            .map { $0.appendingPathComponent(".cache/eduioc/summaries") } ?? URL(fileURLWithPath: "/nonexistent"))
    }

    private func locate(_ folder: DataFolderLocator.Folder, explicit: String?) throws -> URL {
        try DataFolderLocator(folder, explicitDirectory: explicit.map { URL(fileURLWithPath: $0, isDirectory: true) },
                              environment: access.ssh || connect != nil ? [:] : ProcessInfo.processInfo.environment, executableURL: Bundle.main.executableURL,
                              currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
            .locate()
    }
}

extension Language: ExpressibleByArgument {}
