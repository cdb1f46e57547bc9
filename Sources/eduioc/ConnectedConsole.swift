import ArgumentParser
import Foundation
import ProcessSupport

/// `eduioc console --connect SOCKET`: the officials' console behind `eduioc serve`, which is `eduioc-view`, the thin
/// client (terminal, state and drawing only; the data comes from the server, cut to the account's scope).
extension ConsoleCommand {
    /// The thin client's file name; it must sit beside this program.
    static let thinClientName = "eduioc-view"

    /// Replaces this process with `eduioc-view` beside the executable (same process, a fraction of the memory), with
    /// the same options. There is one connected console, the thin client's: without it this is a clear error.
    func runConnected(socket: String) throws {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let thin = URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent(Self.thinClientName).path
        guard FileManager.default.isExecutableFile(atPath: thin) else {
            throw CLIError("\(thin) is missing: --connect runs the thin client installed beside eduioc "
                           + "(install both programs, docs/DEPLOYMENT.md)")
        }
        // `--name=value`: a value that starts with "--" stays a value.
        var arguments = [thin, "--connect=\(socket)", "--lang=\(lang.rawValue)", "--theme=\(theme)"]
        if let themesDir { arguments.append("--themes-dir=\(themesDir)") }
        if let crashLog = access.crashLog { arguments.append("--crash-log=\(crashLog)") }
        if wall { arguments.append("--wall") }
        if let rotate { arguments.append("--rotate=\(rotate.seconds)") }
        if noColor { arguments.append("--no-color") }
        if ascii { arguments.append("--ascii") }
        var pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        execv(thin, &pointers)
        throw CLIError("cannot run \(thin): \(String(cString: strerror(errno)))")
    }
}
