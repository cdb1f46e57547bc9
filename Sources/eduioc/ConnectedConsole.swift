import Analytics
import ArgumentParser
import ConsoleApp
import ConsoleServer
import Foundation
import NcursesBackend
import Synchronization

/// `eduioc console --connect SOCKET`: the officials' thin console. Terminal, state and rendering only; the data
/// comes from `eduioc serve` through `RemoteDataSource`, cut to the account's scope by the server.
extension ConsoleCommand {
    func runConnected(socket: String) throws {
        // Same hardening as SSH mode: no core files, not dumpable, no interactive backtracer (re-exec in main).
        try CrashGuard.hardenForSSH()
        let crashLog = CrashGuard.openLog(path: access.crashLog, ssh: true)  // SSH rules: exists, not readable by the account
        try requireTerminal()
        let (catalog, themes) = try loadThemes()
        let stopper = Mutex<(@Sendable () -> Void)?>(nil)
        let source: RemoteDataSource
        do {
            source = try RemoteDataSource(socketPath: socket) { _ in stopper.withLock { $0 }?() }
        } catch let error as RemoteError {
            throw CLIError(error.description)
        }
        let welcome = source.welcome
        let defaults = AnalyticsConfig()
        let noColour = noColor || ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } == true
        let terminal = try NcursesTerminal(noColor: noColour, asciiOnly: ascii)
        var state = AppState(language: lang, themeNames: catalog.names, themeIndex: catalog.names.firstIndex(of: theme) ?? 0,
                             size: terminal.size, now: Date(), timeZone: source.timeZone, scopeLabel: welcome.scopeLabel)
        state.exportDirectory = welcome.exportDirectory
        state.attendanceBands = RateBands(ok: defaults.attendance.rateWarn, warn: defaults.attendance.rateCritical)
        state.staleAfterMinutes = defaults.snapshot.staleAfterMinutes
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
        let status = trap.exitStatus()
        if status != 0 { throw ExitCode(status) }
    }
}
