import Foundation

/// The sample province the console opens when no snapshot is given (being built).
enum BundledSample {
    /// The path of today's sample, generating it first if needed.
    static func ensureForToday(sampleData: URL) throws -> URL {
        throw CLIError("no bundled sample yet; pass --snapshot FILE")
    }
}
