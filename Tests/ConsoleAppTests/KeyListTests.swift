import ConsoleApp
import Foundation
import Testing

/// The README's key table and the help overlay come from, or are checked against, the one key map.
@Suite("Key list")
struct KeyListTests {
    /// The README's "## Keys" section.
    static func readmeKeys() throws -> String {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: "## Keys"), "README has no Keys section")
        let rest = text[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test func everyBoundKeyIsInTheReadmeAndEveryReadmeKeyIsBound() throws {
        let section = try Self.readmeKeys()
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| `") }
        let firstColumns = rows.map { $0.split(separator: "|", omittingEmptySubsequences: true).first.map(String.init) ?? "" }
        let documented = Set(firstColumns.flatMap { column in
            column.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        })
        for binding in KeyMap.standard.bindings {
            let keys = binding.label == "/" ? ["/"] : binding.label.split(separator: "/").map(String.init)
            for key in keys {
                #expect(documented.contains(key), "README's Keys table lacks `\(key)` (\(binding.command))")
            }
        }
        let bound = Set(KeyMap.standard.bindings.flatMap { $0.label == "/" ? ["/"] : $0.label.split(separator: "/").map(String.init) })
        let aliases: Set<String> = ["Backspace", "←", "→"]  // further keys of bindings whose label names the first
        for key in documented where !bound.contains(key) && !aliases.contains(key) {
            Issue.record("README documents `\(key)`, which the key map does not bind")
        }
        #expect(KeyMap.standard.command(for: .backspace) == .goUp && KeyMap.standard.command(for: .left) == .goUp)
        #expect(KeyMap.standard.command(for: .right) == .drillDown)
    }

    @Test func theCommandLineHelpListsEveryBinding() {
        let summary = KeyMap.standard.summary(.en)
        for binding in KeyMap.standard.bindings {
            #expect(summary.contains(binding.label), "--help lacks \(binding.label)")
            #expect(summary.contains(binding.description.in(.en)), "--help lacks \(binding.command)")
        }
    }
}
