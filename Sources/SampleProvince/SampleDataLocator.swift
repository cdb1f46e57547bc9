import Foundation

/// Finds the `SampleData/` folder: an explicit path, `EDUIOC_SAMPLE_DATA`, or the package root above the
/// executable, the working directory, or this source file.
public struct SampleDataLocator: Sendable {
    /// The folder name looked for.
    public static let folderName = "SampleData"
    /// Environment variable that overrides the search.
    public static let environmentKey = "EDUIOC_SAMPLE_DATA"
    /// A file that marks a real sample data folder.
    static let markerFile = "communes_wards.txt"

    /// The path given by the user (`--sample-data`), if any.
    public let explicitDirectory: URL?
    /// The process environment.
    public let environment: [String: String]
    /// The running executable, whose ancestors are searched (a `.build/…/eduioc` sits under the package root).
    public let executableURL: URL?
    /// The working directory, searched with its ancestors.
    public let currentDirectory: URL

    /// Creates a locator from injected inputs (the CLI passes the real process values).
    public init(explicitDirectory: URL?, environment: [String: String], executableURL: URL?, currentDirectory: URL) {
        self.explicitDirectory = explicitDirectory
        self.environment = environment
        self.executableURL = executableURL
        self.currentDirectory = currentDirectory
    }

    /// The folder to use; throws `SampleError.sampleDataNotFound` listing where it looked.
    public func locate() throws -> URL {
        if let explicitDirectory {
            guard Self.isSampleData(explicitDirectory) else {
                throw SampleError.sampleDataNotFound(searched: [explicitDirectory.path])
            }
            return explicitDirectory
        }
        if let fromEnvironment = environment[Self.environmentKey], !fromEnvironment.isEmpty {
            let url = URL(fileURLWithPath: fromEnvironment, isDirectory: true)
            guard Self.isSampleData(url) else { throw SampleError.sampleDataNotFound(searched: [url.path]) }
            return url
        }
        var searched: [String] = []
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let starts = [executableURL?.resolvingSymlinksInPath().deletingLastPathComponent(), currentDirectory, sourceRoot]
        for start in starts.compactMap({ $0 }) {
            var directory = start.standardizedFileURL
            searched.append(directory.appendingPathComponent(Self.folderName).path + " and above")
            while true {
                let candidate = directory.appendingPathComponent(Self.folderName, isDirectory: true)
                if Self.isSampleData(candidate) { return candidate }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        throw SampleError.sampleDataNotFound(searched: searched)
    }

    static func isSampleData(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(markerFile).path)
    }
}
