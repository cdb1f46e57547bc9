import Foundation

/// Real programs the end-to-end tests drive (tmux, sqlite3, sshd). In CI a missing one is a failure, never a skip.
public enum ExternalTool {
    /// True when running under CI (`CI=true`).
    public static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The absolute path of `name` on PATH (plus /usr/sbin), or nil.
    public static func find(_ name: String) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") + ":/usr/sbin:/sbin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether an end-to-end test needing `name` should run: yes when present, and yes in CI (to fail loudly).
    public static func shouldRun(_ name: String) -> Bool { find(name) != nil || inCI }

    /// The tool's path, or an error saying it is missing (the test then fails; CI installs it via .ci/run).
    public static func require(_ name: String) throws -> String {
        guard let path = find(name) else { throw ToolError.missing(name) }
        return path
    }

    /// A required program is not installed.
    public enum ToolError: Error, CustomStringConvertible {
        case missing(String)
        public var description: String {
            switch self {
            case .missing(let name): return "\(name) is not installed (apt-get install \(name)); .ci/run installs it"
            }
        }
    }
}
