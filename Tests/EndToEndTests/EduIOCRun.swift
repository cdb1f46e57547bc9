import Foundation

/// Runs the built `eduioc` binary and captures what it prints.
struct EduIOCRun {
    let status: Int32
    let standardOutput: String
    let standardError: String

    /// The package root, three levels above this file (Tests/EndToEndTests/EduIOCRun.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `.build/debug/eduioc`, which `swift test` builds because EndToEndTests depends on the product.
    static var binary: URL { packageRoot.appendingPathComponent(".build/debug/eduioc") }

    /// Runs `eduioc` with `arguments`, optionally as another user through `setpriv` (when running as root).
    static func run(_ arguments: [String], asUser user: (uid: Int, gid: Int)? = nil) throws -> EduIOCRun {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw MissingBinary(path: binary.path)
        }
        let process = Process()
        if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", binary.path]
                + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes before waiting, so a large report cannot block the child.
        let errorData = DataCollector(errors.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return EduIOCRun(status: process.terminationStatus,
                         standardOutput: String(decoding: outputData, as: UTF8.self),
                         standardError: String(decoding: errorData.wait(), as: UTF8.self))
    }

    /// Non-empty lines of standard error.
    var errorLines: [String] { standardError.split(separator: "\n").map(String.init) }

    /// Thrown when the binary has not been built.
    struct MissingBinary: Error, CustomStringConvertible {
        let path: String
        var description: String { "eduioc binary not found at \(path); run `swift build` (or `swift test`) first" }
    }

    /// Reads a pipe to its end on a background thread.
    final class DataCollector: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()

        init(_ handle: FileHandle) {
            DispatchQueue.global().async {
                self.data = handle.readDataToEndOfFile()
                self.done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
