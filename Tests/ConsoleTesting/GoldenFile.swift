import ConsoleCore
import Foundation

/// A golden file on disk that rendered text is compared with.
///
/// A missing file or any difference throws a `GoldenFile.Mismatch` whose description is a readable line diff.
/// With `EDUIOC_RECORD_GOLDENS=1` in the environment, `verify` writes (or rewrites) the file *and still fails*,
/// with the diff against what was there (as swift-argument-parser's snapshot tests do): a recording run can never
/// pass, so a changed screen is always read by someone before it is committed. Test-only (ConsoleTesting).
public struct GoldenFile: Sendable {
    /// Why a golden check failed.
    public struct Mismatch: Error, CustomStringConvertible, Sendable {
        /// A readable form for logs and test failures.
        public var description: String
    }

    /// The file's path.
    public var path: String

    /// A golden at `path`.
    public init(path: String) { self.path = path }

    /// A golden named `name` for the test file at `testFile` (pass `#filePath`): for
    /// `…/Tests/ConsoleAppTests/ScreenTests.swift` that is `…/Tests/Goldens/ConsoleAppTests/name`.
    /// Goldens live outside the test target's folder so SwiftPM does not treat them as unhandled resources.
    public init(_ name: String, testFile: String) {
        let url = URL(fileURLWithPath: testFile)
        let parts = url.pathComponents
        if let testsIndex = parts.lastIndex(of: "Tests"), testsIndex + 1 < parts.count - 1 {
            let root = NSString.path(withComponents: Array(parts[...testsIndex]))
            self.path = URL(fileURLWithPath: root).appendingPathComponent("Goldens")
                .appendingPathComponent(parts[testsIndex + 1]).appendingPathComponent(name).path
        } else {
            self.path = url.deletingLastPathComponent().appendingPathComponent("Goldens").appendingPathComponent(name).path
        }
    }

    /// Whether the environment asks for goldens to be recorded.
    public static func isRecording(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        environment["EDUIOC_RECORD_GOLDENS"] == "1"
    }

    /// Compares `actual` with the file; when `record` is true, writes it and throws a `Mismatch` saying what changed
    /// (so a recording run fails). Throws `Mismatch`.
    public func verify(_ actual: String, record: Bool = GoldenFile.isRecording()) throws {
        let text = actual.hasSuffix("\n") ? actual : actual + "\n"
        let expected = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        if record {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
            let what: String
            if let expected {
                what = expected == text ? "unchanged" : GoldenFile.diff(expected: expected, actual: text)
            } else {
                what = "new file"
            }
            throw Mismatch(description: "recorded golden (EDUIOC_RECORD_GOLDENS=1): \(path)\n\(what)\n"
                + "read the change, then run again without EDUIOC_RECORD_GOLDENS to pass.")
        }
        guard let expected else {
            throw Mismatch(description: "golden file missing: \(path)\nrecord it with: EDUIOC_RECORD_GOLDENS=1 swift test --filter <the test>\nthen review and commit it.")
        }
        guard expected != text else { return }
        throw Mismatch(description: "golden mismatch: \(path)\n" + GoldenFile.diff(expected: expected, actual: text)
            + "\nif the change is intended, re-record with EDUIOC_RECORD_GOLDENS=1 and review the diff.")
    }

    /// Verifies every golden against its text before reporting, then throws one `Mismatch` naming all that differ
    /// (or were recorded), so one failing size or language never hides another.
    public static func verifyAll(_ checks: [(golden: GoldenFile, actual: String)],
                                 record: Bool = GoldenFile.isRecording()) throws {
        var failures: [String] = []
        for check in checks {
            do {
                try check.golden.verify(check.actual, record: record)
            } catch let mismatch as Mismatch {
                failures.append(mismatch.description)
            }
        }
        guard !failures.isEmpty else { return }
        throw Mismatch(description: "\(failures.count) of \(checks.count) goldens failed:\n\n" + failures.joined(separator: "\n\n"))
    }

    /// A readable line diff: each differing line as `-expected` / `+actual`, with two lines of context,
    /// at most `limit` differing lines.
    public static func diff(expected: String, actual: String, context: Int = 2, limit: Int = 12) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let count = max(e.count, a.count)
        let differing = (0..<count).filter { i in (i < e.count ? e[i] : nil) != (i < a.count ? a[i] : nil) }
        var out: [String] = ["\(differing.count) line(s) differ (expected \(e.count) lines, got \(a.count)):"]
        var lastPrinted = -1
        for i in differing.prefix(limit) {
            let from = max(lastPrinted + 1, i - context)
            if from > lastPrinted + 1 && lastPrinted >= 0 { out.append("  ...") }
            for j in from..<i where j < e.count { out.append(String(format: "%5d  ", j + 1) + e[j]) }
            if i < e.count { out.append(String(format: "%5d -", i + 1) + e[i]) }
            if i < a.count { out.append(String(format: "%5d +", i + 1) + a[i]) }
            lastPrinted = i
        }
        if differing.count > limit { out.append("  ... and \(differing.count - limit) more") }
        return out.joined(separator: "\n")
    }
}
