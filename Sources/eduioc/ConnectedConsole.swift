import Analytics
import ArgumentParser
import ConsoleApp
import ConsoleServer
import ConsoleWire
import Foundation
import NcursesBackend
import ProcessSupport
import Synchronization

/// `eduioc console --connect SOCKET`: the officials' thin console. Terminal, state and rendering only; the data
/// comes from `eduioc serve` through `RemoteDataSource`, cut to the account's scope by the server.
extension ConsoleCommand {
    /// The thin client's file name; `console --connect` runs it when it sits beside this program.
    static let thinClientName = "eduioc-view"

    func runConnected(socket: String) throws {
        // The officials' ForceCommand: become the thin client (same process, a fraction of the memory) when it is
        // installed beside this program; otherwise run the same console in-process.
        execThinClient(socket: socket)
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
        let noColour = noColor || ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } == true
        let terminal = try NcursesTerminal(noColor: noColour, asciiOnly: ascii)
        var state = AppState(language: lang, themeNames: catalog.names, themeIndex: catalog.names.firstIndex(of: theme) ?? 0,
                             size: terminal.size, now: Date(), timeZone: source.timeZone, scopeLabel: welcome.scopeLabel)
        state.exportDirectory = welcome.exportDirectory
        state.apply(welcome.settings)  // the server's --config: the same colours and stale limit as the ops centre
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

    /// Replaces this process with `eduioc-view` beside the executable, with the same options; returns only when there
    /// is none (or it cannot be run), so the caller falls back to the in-process console.
    private func execThinClient(socket: String) {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return }
        let thin = URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent(Self.thinClientName).path
        guard FileManager.default.isExecutableFile(atPath: thin) else { return }
        // `--name=value`: a value that starts with "--" stays a value.
        var arguments = [thin, "--connect=\(socket)", "--lang=\(lang.rawValue)", "--theme=\(theme)"]
        if let themesDir { arguments.append("--themes-dir=\(themesDir)") }
        if let crashLog = access.crashLog { arguments.append("--crash-log=\(crashLog)") }
        if noColor { arguments.append("--no-color") }
        if ascii { arguments.append("--ascii") }
        var pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        execv(thin, &pointers)
        // execv returned: the thin client could not be run; the in-process console below does the same job.
    }
}
