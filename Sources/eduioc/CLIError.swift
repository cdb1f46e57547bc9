/// An error for the person at the command line: printed as one line, `eduioc: <message>`.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
