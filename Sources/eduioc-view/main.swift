import Foundation
import ProcessSupport

// eduioc-view: the officials' thin client. Same crash rules as `eduioc` (backtracer off through a re-exec, our own
// handler), then the command line, then the console or the hidden bench probe. Every failure is one line on stderr.
CrashGuard.ensureBacktracerOff()
CrashGuard.install()

/// Prints `message` as one `eduioc: …` line on standard error and exits with `status`.
func fail(_ message: String, status: Int32) -> Never {
    let line = message.replacingOccurrences(of: "\n", with: " ")
    FileHandle.standardError.write(Data("eduioc: \(line)\n".utf8))
    exit(status)
}

let options: ViewOptions
do {
    options = try ViewOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    fail(String(describing: error), status: 64)
}
if options.help {
    FileHandle.standardOutput.write(Data(ViewOptions.helpText.utf8))
    exit(0)
}
do {
    let status = options.bench ? try BenchProbe(options: options).run() : try ThinConsole(options: options).run()
    exit(status)
} catch {
    fail(String(describing: error), status: 1)
}
