import Foundation

/// Finds the data folders that ship beside the code (`Themes/`, `SampleData/`) without a global install step:
/// an explicit option first, then an environment variable, then the folders above the executable (a
/// checkout's `.build/…/eduioc`), then the usual shared locations.
enum ResourceLocator {
    /// The folder named `name`, or nil when none of the places has it.
    static func folder(_ name: String, explicit: String?, environment variable: String) -> URL? {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let explicit { candidates.append(URL(fileURLWithPath: explicit)) }
        if let fromEnvironment = ProcessInfo.processInfo.environment[variable], !fromEnvironment.isEmpty {
            candidates.append(URL(fileURLWithPath: fromEnvironment))
        }
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent(name))
            directory.deleteLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: fileManager.currentDirectoryPath).appendingPathComponent(name))
        candidates.append(URL(fileURLWithPath: "/usr/local/share/eduioc").appendingPathComponent(name))
        candidates.append(URL(fileURLWithPath: "/usr/share/eduioc").appendingPathComponent(name))
        if let explicit, !isDirectory(URL(fileURLWithPath: explicit)) { return nil }
        return candidates.first(where: isDirectory)
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &directory) && directory.boolValue
    }
}
