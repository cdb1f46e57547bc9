import Foundation

/// Finds a data folder that ships beside the code (`SampleData/`, `Themes/`): an explicit path, an environment
/// variable, or the package root above the executable, the working directory, or this source file.
///
/// A concern of the command line (where the binary runs from, its options and environment), so it lives in the
/// executable; the generator and the themes take the folder it found.
public struct DataFolderLocator: Sendable {
    /// What is looked for.
    public struct Folder: Sendable, Equatable {
        /// The folder name, e.g. `SampleData`.
        public let name: String
        /// A file that marks the real folder (not any folder of that name).
        public let markerFile: String
        /// Environment variable that overrides the search.
        public let environmentKey: String
        /// The command-line option that names it, for the error message.
        public let option: String

        /// The name lists of the sample generator.
        public static let sampleData = Folder(name: "SampleData", markerFile: "communes_wards.txt",
                                              environmentKey: "EDUIOC_SAMPLE_DATA", option: "--sample-data")
        /// The console's theme files.
        public static let themes = Folder(name: "Themes", markerFile: "default.yaml",
                                          environmentKey: "EDUIOC_THEMES", option: "--themes-dir")
    }

    /// The folder looked for.
    public let folder: Folder

    /// The path given by the user (`--sample-data`), if any.
    public let explicitDirectory: URL?
    /// The process environment.
    public let environment: [String: String]
    /// The running executable, whose ancestors are searched (a `.build/…/eduioc` sits under the package root).
    public let executableURL: URL?
    /// The working directory, searched with its ancestors.
    public let currentDirectory: URL

    /// Creates a locator from injected inputs (the CLI passes the real process values).
    public init(_ folder: Folder = .sampleData, explicitDirectory: URL?, environment: [String: String], executableURL: URL?,
                currentDirectory: URL) {
        self.folder = folder
        self.explicitDirectory = explicitDirectory
        self.environment = environment
        self.executableURL = executableURL
        self.currentDirectory = currentDirectory
    }

    /// The folder to use; throws a `CLIError` naming where it looked and the option to pass.
    public func locate() throws -> URL {
        if let explicitDirectory {
            guard isMarked(explicitDirectory) else {
                throw notFound(searched: [explicitDirectory.path])
            }
            return explicitDirectory
        }
        if let fromEnvironment = environment[folder.environmentKey], !fromEnvironment.isEmpty {
            let url = URL(fileURLWithPath: fromEnvironment, isDirectory: true)
            guard isMarked(url) else { throw notFound(searched: [url.path]) }
            return url
        }
        var searched: [String] = []
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let starts = [executableURL?.resolvingSymlinksInPath().deletingLastPathComponent(), currentDirectory, sourceRoot]
        for start in starts.compactMap({ $0 }) {
            var directory = start.standardizedFileURL
            searched.append(directory.appendingPathComponent(folder.name).path + " and above")
            while true {
                let candidate = directory.appendingPathComponent(folder.name, isDirectory: true)
                if isMarked(candidate) { return candidate }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        throw notFound(searched: searched)
    }

    /// The folder was not found where it was looked for.
    public func notFound(searched: [String]) -> CLIError {
        CLIError("\(folder.name) folder not found (looked in: \(searched.joined(separator: ", "))); pass \(folder.option) DIR")
    }

    /// Whether `url` holds the marker file.
    public func isMarked(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(folder.markerFile).path)
    }
}
