import Analytics
import Foundation
import ReportModel
import Testing

/// Issue 14: the access file and --config are read with limits: no anchors or aliases (an alias bomb is refused
/// at once), a size cap, bounded nesting, and errors that name a line, never the file's text.
@Suite struct SafeYAMLTests {
    /// A 374-byte-class alias bomb: nine levels of nine aliases each (9^9 leaves if expanded).
    static let aliasBomb: String = {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
            previous = name
        }
        lines.append("users: { eve: { units: *i } }")
        return lines.joined(separator: "\n")
    }()

    @Test func anAliasBombIsRefusedAtOnce() throws {
        let started = Date()
        #expect(throws: AccessPolicyError.invalid(file: "access.yaml", key: "",
                                                  reason: "uses YAML anchors or aliases (& or *), which are not accepted")) {
            try AccessPolicy.parse(yaml: Self.aliasBomb, file: "access.yaml")
        }
        #expect(Date().timeIntervalSince(started) < 1, "refused in \(Date().timeIntervalSince(started)) s")
        #expect(throws: AnalyticsError.invalidConfiguration("uses YAML anchors or aliases (& or *), which are not accepted")) {
            try AnalyticsConfig.load(yaml: Self.aliasBomb)
        }
    }

    @Test func aSingleAnchorIsRefusedToo() throws {
        let yaml = """
            groups:
              leaders: &leaders
                scope: province
            users:
              lan: *leaders
            """
        #expect(throws: AccessPolicyError.self) { try AccessPolicy.parse(yaml: yaml, file: "access.yaml") }
        // Without the anchor the same file is accepted.
        let plain = yaml.replacingOccurrences(of: " &leaders", with: "").replacingOccurrences(of: "lan: *leaders", with: "lan: { scope: province }")
        #expect(try AccessPolicy.parse(yaml: plain, file: "access.yaml").users["lan"] != nil)
    }

    @Test func sizeAndNestingAreCapped() throws {
        let big = "users:\n  lan:\n    scope: province\n# " + String(repeating: "x", count: 70 * 1024) + "\n"
        #expect(throws: AccessPolicyError.invalid(file: "f", key: "", reason: "is \(big.utf8.count) bytes, more than the 65536 accepted")) {
            try AccessPolicy.parse(yaml: big, file: "f")
        }
        let deep = "users: { lan: { units: " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + " } }"
        #expect(throws: AccessPolicyError.invalid(file: "f", key: "", reason: "nests [ ] or { } more than 32 deep")) {
            try AccessPolicy.parse(yaml: deep, file: "f")
        }
    }

    @Test func invalidYAMLNamesTheLineNotTheText() throws {
        let secret = "users:\n  lan: [unclosed, SECRET-CODE-4242\n"
        do {
            _ = try AccessPolicy.parse(yaml: secret, file: "access.yaml")
            Issue.record("invalid YAML was accepted")
        } catch {
            let message = String(describing: error)
            #expect(message.hasPrefix("access file access.yaml: not valid YAML (line "), "\(message)")
            #expect(!message.contains("SECRET") && !message.contains("unclosed"), "the error quotes the file: \(message)")
        }
    }
}
