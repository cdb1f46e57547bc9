import Foundation
import ReportModel
import Testing
@testable import Analytics

/// Alert messages format shares without `String(format:)` (it costs microseconds per alert); the text must stay
/// what printf's `%.0f%%` gives, ties to even included.
@Suite struct AlertPercentTests {
    @Test func matchesPrintfForEveryShareInSteps() {
        var mismatches: [String] = []
        for step in 0...20_000 {
            let value = Double(step) / 20_000
            let expected = String(format: "%.0f%%", value * 100)
            if AlertRules.percent(value) != expected { mismatches.append("\(value): \(AlertRules.percent(value)) ≠ \(expected)") }
        }
        for (n, d) in [(1, 8), (5, 8), (17, 40), (1, 200), (3, 200), (85, 200)] {
            let value = Double(n) / Double(d)
            let expected = String(format: "%.0f%%", value * 100)
            if AlertRules.percent(value) != expected { mismatches.append("\(n)/\(d): \(AlertRules.percent(value)) ≠ \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
