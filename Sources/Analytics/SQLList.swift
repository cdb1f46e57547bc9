import Foundation

/// A list of values bound as one SQL parameter (`IN (SELECT value FROM json_each(?))`), encoded by a JSON encoder
/// so no value from the snapshot (a day holding `"`, a backslash or a control character) can change the JSON.
enum SQLList {
    /// The JSON array of `values`; an empty array if encoding fails (it cannot for strings and integers).
    static func json<Value: Encodable>(_ values: [Value]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(values), let text = String(data: data, encoding: .utf8) else { return "[]" }
        return text
    }
}
