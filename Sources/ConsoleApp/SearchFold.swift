// TEMPORARY: replaced by Analytics.SearchKey when the analytics branch lands.
import Foundation

enum SearchFold {
    static func fold(_ s: String) -> String {
        let lowered = s.lowercased().replacingOccurrences(of: "đ", with: "d")
        let stripped = lowered.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            !(0x0300...0x036F).contains($0.value)
        }
        return String(String.UnicodeScalarView(stripped))
    }
}
