import ConsoleApp
import ConsoleWire
import Foundation
import ProcessSupport

/// `eduioc-view --bench` (hidden): the console's data path without a terminal, for `eduioc bench --viewers` to time
/// from the outside. Prints one JSON line after the first complete dashboard, then waits for the server's next
/// change, reloads, prints a second line and exits.
struct BenchProbe {
    /// The parsed command line (socket and timeout).
    let options: ViewOptions

    /// Runs the probe; returns 0, or throws when the server refuses or no change comes within the timeout.
    func run() throws -> Int32 {
        let source: RemoteDataSource
        do {
            source = try RemoteDataSource(socketPath: options.socket)
        } catch let error as RemoteError {
            throw CLIError(error.description)
        }
        _ = try source.report(for: nil, asOf: Date())
        emit(phase: "first", bytes: source.bytesReceived)
        let before = source.bytesReceived
        let deadline = Date().addingTimeInterval(options.benchTimeout)
        var last = SnapshotPoll.unchanged
        while last != .changed {
            guard Date() < deadline else {
                throw CLIError("no change pushed within \(Int(options.benchTimeout)) s (last: \(last))")
            }
            usleep(20_000)
            last = source.pollForChange()
        }
        _ = try source.report(for: nil, asOf: Date())
        emit(phase: "refresh", bytes: source.bytesReceived - before)
        source.close()
        return 0
    }

    /// One line `{"bytes":N,"peak_kb":N,"phase":"…"}` (keys sorted, as the bench reads it).
    private func emit(phase: String, bytes: Int) {
        let peak = ProcessMemory.kilobytes("VmHWM") ?? 0
        let line = Array("{\"bytes\":\(bytes),\"peak_kb\":\(peak),\"phase\":\"\(phase)\"}\n".utf8)
        _ = line.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }  // POSIX: no FileHandle to load
    }
}
