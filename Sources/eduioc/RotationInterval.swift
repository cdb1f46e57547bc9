import ArgumentParser

/// `--rotate 20s`: how long each wall page stays, in whole seconds ("20", "20s", "2m"; 0 = no rotation).
struct RotationInterval: ExpressibleByArgument, Hashable {
    /// Seconds per page; 0 = no rotation.
    let seconds: Int

    /// The longest interval accepted (an hour).
    static let maximumSeconds = 3600

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        var digits = Substring(text), factor = 1
        if text.hasSuffix("s") {
            digits = text.dropLast()
        } else if text.hasSuffix("m") {
            digits = text.dropLast()
            factor = 60
        }
        guard let value = Int(digits), value >= 0, value * factor <= Self.maximumSeconds else { return nil }
        seconds = value * factor
    }
}
