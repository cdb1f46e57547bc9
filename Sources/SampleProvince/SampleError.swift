import Foundation

/// Why sample generation failed; `description` is one line an operator can act on.
public enum SampleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An option is out of range.
    case invalidOption(String)
    /// The `SampleData/` folder could not be found; lists the places searched.
    case sampleDataNotFound(searched: [String])
    /// A name list is missing, unreadable or too short.
    case badNameList(file: String, reason: String)
    /// SQLite reported an error while writing.
    case database(String)
    /// The finished file could not be moved to the target path.
    case cannotPublish(path: String, reason: String)

    /// One line describing the problem.
    public var description: String {
        switch self {
        case .invalidOption(let message):
            return "invalid option: \(message)"
        case .sampleDataNotFound(let searched):
            return "sample data folder not found (looked in: \(searched.joined(separator: ", "))); pass --sample-data DIR"
        case .badNameList(let file, let reason):
            return "sample data file \(file): \(reason)"
        case .database(let message):
            return "SQLite error while generating: \(message)"
        case .cannotPublish(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
