import Foundation
import Analytics

/// Parses `--scope CODE,CODE` into an analytics scope; empty or absent means province-wide.
enum ScopeArgument {
    /// The scope named by a comma-separated list of admin-unit codes, or nil for province-wide.
    static func parse(_ text: String?) -> Scope? {
        let codes = (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return codes.isEmpty ? nil : Scope(unitCodes: Set(codes))
    }
}
