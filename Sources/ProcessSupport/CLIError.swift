/// An error for the person at the command line: printed as one line, `eduioc: <message>`.
public struct CLIError: Error, CustomStringConvertible {
    /// The one line, without the `eduioc: ` prefix.
    public let description: String
    /// Creates the error with its one line.
    public init(_ description: String) { self.description = description }
}
