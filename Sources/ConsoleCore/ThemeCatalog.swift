import Foundation

/// The themes available in a directory (`NAME.yaml`), `default` first then alphabetical, for the `t` key to cycle.
public struct ThemeCatalog: Hashable, Sendable {
    /// The directory searched.
    public var directory: String
    /// Theme names, `default` first.
    public var names: [String]

    /// Lists the `.yaml` files in `directory` (an unreadable directory gives an empty catalog).
    public init(directory: String) {
        self.directory = directory
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        self.names = ThemeCatalog.order(files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) })
    }

    /// `names` sorted with `default` first.
    public static func order(_ names: [String]) -> [String] {
        names.sorted { a, b in
            if a == "default" { return b != "default" }
            if b == "default" { return false }
            return a < b
        }
    }

    /// The path of theme `name`.
    public func path(for name: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent(name + ".yaml").path
    }

    /// The theme after `name` (wrapping around); the first when `name` is not listed; nil when empty.
    public func next(after name: String) -> String? {
        guard let i = names.firstIndex(of: name) else { return names.first }
        return names[(i + 1) % names.count]
    }

    /// Loads theme `name` from the directory.
    public func load(_ name: String) throws -> Theme {
        guard names.contains(name) else {
            throw ThemeError(file: path(for: name), keyPath: "", message: "no such theme (available: \(names.joined(separator: ", ")))")
        }
        return try ThemeLoader.load(path: path(for: name))
    }
}
