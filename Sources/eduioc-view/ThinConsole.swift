import ConsoleApp
import ConsoleCore
import ConsoleWire
import Foundation
import NcursesBackend
import ProcessSupport
import ReportModel
import Synchronization

/// The full-screen console over `RemoteDataSource`: what `eduioc console --connect` did in-process, with the same
/// hardening (no core files, not dumpable, crash log, stderr diverted while the screen is ncurses').
struct ThinConsole {
    /// The parsed command line.
    let options: ViewOptions

    /// Runs until q, a signal or the end of the session; returns the exit status (128 + N after signal N).
    func run() throws -> Int32 {
        try CrashGuard.hardenForSSH()
        let crashLog = CrashGuard.openLog(path: options.crashLog, ssh: true)  // exists, not readable by the account
        try OfficialTerminal.require()
        let (catalog, themes) = try loadThemes()
        let stopper = Mutex<(@Sendable () -> Void)?>(nil)
        let source: RemoteDataSource
        do {
            source = try RemoteDataSource(socketPath: options.socket, onEnded: { _ in stopper.withLock { $0 }?() },
                                          afterLargeAnswer: MallocTuning.releaseFreeMemory)
        } catch let error as RemoteError {
            throw CLIError(error.description)
        }
        let welcome = source.welcome
        let noColour = options.noColor || ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } == true
        let terminal = try NcursesTerminal(noColor: noColour, asciiOnly: options.ascii)
        var state = AppState(language: options.language, themeNames: catalog.names,
                             themeIndex: catalog.names.firstIndex(of: options.theme) ?? 0,
                             size: terminal.size, now: Date(), timeZone: source.timeZone, scopeLabel: welcome.scopeLabel)
        state.exportDirectory = welcome.exportDirectory
        state.apply(welcome.settings)  // the server's --config: the same colours and stale limit as the ops centre
        if options.wall || options.rotateSeconds != nil {
            state.wallRotateSeconds = options.rotateSeconds
            state.wall = WallState(rotateSeconds: options.rotateSeconds, now: state.now)
        }
        let runtime = ConsoleRuntime(backend: terminal, source: source, themes: themes, state: state)
        let stop = runtime.stopRequester
        stopper.withLock { $0 = stop }
        let trap = SignalTrap { _ in stop() }
        let testTrigger = CrashGuard.armTestTrigger()
        let savedError = CrashGuard.divertStandardError(to: crashLog)
        runtime.run()
        terminal.shutdown()
        CrashGuard.restoreStandardError(savedError)
        testTrigger?.cancel()
        if let reason = source.endReason { throw CLIError(reason) }
        return trap.exitStatus()
    }

    /// The theme catalog and every theme in it, the chosen one checked. Never from the environment.
    func loadThemes() throws -> (ThemeCatalog, [Theme]) {
        let folder = try DataFolderLocator(.themes, explicitDirectory: options.themesDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) },
                                           environment: [:], executableURL: Bundle.main.executableURL,
                                           currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath,
                                                                 isDirectory: true)).locate()
        let catalog = ThemeCatalog(directory: folder.path)
        guard catalog.names.contains(options.theme) else {
            throw CLIError("no theme '\(options.theme)' in \(folder.path) (available: \(catalog.names.joined(separator: ", ")))")
        }
        return (catalog, try catalog.names.map { try catalog.load($0) })
    }
}
