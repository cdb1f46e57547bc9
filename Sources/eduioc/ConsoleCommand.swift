import Analytics
import ArgumentParser
import ConsoleApp
import ConsoleCore
import Foundation
import NcursesBackend
import SampleProvince

/// `eduioc console` (the default): the live dashboard.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "The live dashboard: attendance, enrollment, devices and connectivity, province → class.",
        discussion: """
            Without --snapshot it opens the bundled sample province, generated for today on first use into
            the cache directory ($XDG_CACHE_HOME/eduioc or ~/.cache/eduioc).

            Keys: ↑↓/jk PgUp PgDn Home End move · Enter drill · Esc up · / filter (accents optional) ·
            : jump (:school CODE, :unit NAME) · s/S sort · a alerts · t theme · L language · r refresh ·
            p pause · ? help · q quit. Mouse: click selects, double-click drills, wheel scrolls.

            Exit status: 0 after q; 128+N when ended by signal N (SIGHUP 129, SIGINT 130, SIGTERM 143).
            """
    )

    @Option(name: .long, help: "Snapshot file to watch (default: the bundled sample province for today).")
    var snapshot: String?

    @Option(name: .long, help: "Theme name from the themes folder: default, light, accessible, mono.")
    var theme: String = "default"

    @Option(name: .long, help: "Language: vi (Tiếng Việt, default) or en.")
    var lang: Language = .vi

    @Option(name: .long, help: "Limit everything to these admin-unit codes (comma-separated).")
    var scope: String?

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

    func run() throws {
        let themeFolder = try locate(.themes, explicit: themesDir)
        let catalog = ThemeCatalog(directory: themeFolder.path)
        guard catalog.names.contains(theme) else {
            throw ValidationError("no theme '\(theme)' in \(themeFolder.path) (available: \(catalog.names.joined(separator: ", ")))")
        }
        let themes = try catalog.names.map { try catalog.load($0) }
        let analyticsConfig = try config.map { try AnalyticsConfig.load(contentsOf: URL(fileURLWithPath: $0)) } ?? AnalyticsConfig()
        let userScope = ScopeArgument.parse(scope)
        let snapshotURL = try snapshot.map { URL(fileURLWithPath: $0) } ?? BundledSample.ensureForToday(
            sampleData: try locate(.sampleData, explicit: sampleData))
        let source = try SnapshotDataSource(url: snapshotURL, config: analyticsConfig, scope: userScope)

        let noColour = noColor || ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } == true
        let terminal = try NcursesTerminal(noColor: noColour, asciiOnly: ascii)
        var state = AppState(language: lang, themeNames: catalog.names, themeIndex: catalog.names.firstIndex(of: theme) ?? 0,
                             size: terminal.size, now: Date(), timeZone: source.timeZone,
                             scopeLabel: userScope.map { $0.unitCodes.sorted().joined(separator: ", ") })
        state.attendanceBands = RateBands(ok: analyticsConfig.attendance.rateWarn, warn: analyticsConfig.attendance.rateCritical)
        let runtime = ConsoleRuntime(backend: terminal, source: source, themes: themes, state: state)
        let stop = runtime.stopRequester
        let trap = SignalTrap { _ in stop() }
        runtime.run()
        terminal.shutdown()
        let status = trap.exitStatus()
        if status != 0 { throw ExitCode(status) }
    }

    private func locate(_ folder: DataFolderLocator.Folder, explicit: String?) throws -> URL {
        try DataFolderLocator(folder, explicitDirectory: explicit.map { URL(fileURLWithPath: $0, isDirectory: true) },
                              environment: ProcessInfo.processInfo.environment, executableURL: Bundle.main.executableURL,
                              currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
            .locate()
    }
}

extension Language: ExpressibleByArgument {}
