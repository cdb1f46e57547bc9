import ArgumentParser
import ConsoleApp
import ConsoleServer
import ConsoleWire
import Foundation
import ProcessSupport

/// `eduioc bench-viewer` (hidden): what `console --connect` does for its data, without a terminal, for
/// `eduioc bench --viewers` to time from the outside. Prints one JSON line after the first complete dashboard, then
/// waits for the server's next change, reloads, prints a second line and exits.
struct BenchViewerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-viewer",
        abstract: "One measured console data path over the server's socket (used by eduioc bench --viewers).",
        shouldDisplay: false)

    @Option(name: .long, help: "The server's socket.")
    var connect: String

    @Option(name: .long, help: "Seconds to wait for the change before giving up.")
    var timeout: Double = 120

    func run() throws {
        let source: RemoteDataSource
        do {
            source = try RemoteDataSource(socketPath: connect)
        } catch let error as RemoteError {
            throw CLIError(error.description)
        }
        _ = try source.report(for: nil, asOf: Date())
        try emit(["phase": "first", "peak_kb": ProcessMemory.kilobytes("VmHWM") ?? 0, "bytes": source.bytesReceived])
        let before = source.bytesReceived
        let deadline = Date().addingTimeInterval(timeout)
        var last = SnapshotPoll.unchanged
        while last != .changed {
            guard Date() < deadline else { throw CLIError("no change pushed within \(Int(timeout)) s (last: \(last))") }
            usleep(20_000)
            last = source.pollForChange()
        }
        _ = try source.report(for: nil, asOf: Date())
        try emit(["phase": "refresh", "peak_kb": ProcessMemory.kilobytes("VmHWM") ?? 0,
                  "bytes": source.bytesReceived - before])
        source.close()
    }

    private func emit(_ object: [String: Any]) throws {
        var line = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        line.append(UInt8(ascii: "\n"))
        FileHandle.standardOutput.write(line)
    }
}
