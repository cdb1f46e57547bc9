/// A theme file that could not be read or is invalid: names the file, the key path and what is wrong.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file (or source name) the theme came from.
    public var file: String
    /// The key path inside the file, e.g. `roles.warn.fg`; empty for whole-file problems.
    public var keyPath: String
    /// What is wrong.
    public var message: String
    /// Creates an error.
    public init(file: String, keyPath: String, message: String) {
        self.file = file
        self.keyPath = keyPath
        self.message = message
    }
    /// `Themes/light.yaml: roles.warn.fg: unknown palette colour 'orang'`.
    public var description: String { keyPath.isEmpty ? "\(file): \(message)" : "\(file): \(keyPath): \(message)" }
}
