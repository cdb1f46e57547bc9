import Foundation
import TestSupport
import Testing

/// Issue 14's fuzz test: a small generated snapshot mutated a few hundred ways (NULLs, wrong types, huge and
/// negative numbers, hostile strings in every column, deleted and duplicated rows, views in place of tables).
/// For each, the real binary's `check`, `report` (text or JSON) and the console's data source
/// (`bench-first-dashboard`, which opens the snapshot through `SnapshotDataSource` and reports twice) must end by
/// themselves, never by a signal, in bounded time, with clean output; and `check` must name the table when a
/// value it audits was made unusable.
@Suite("Snapshot fuzz (real binary)", .enabled(if: ExternalTool.shouldRun("sqlite3")))
struct SnapshotFuzzTests {
    static let cases = SnapshotFuzzCase.cases(count: 200)

    /// The base snapshot, generated once per test process by the real binary.
    static let base: Result<URL, any Error> = Result {
        let directory = try TestScratch.makeDirectory("fuzz-base")
        let url = directory.appendingPathComponent("base.sqlite")
        let result = try ProcessRunner.run(PackagePaths.eduiocBinary.path,
                                           ["sample", "generate", "--out", url.path, "--schools", "4", "--seed", "14",
                                            "--history-days", "3", "--force-school-day"], timeout: 120)
        guard result.status == 0 else { throw ConsoleSessionError("sample generate failed: \(result.stderr)") }
        return url
    }

    @Test(arguments: cases)
    func neitherCrashesNorHangs(_ fuzz: SnapshotFuzzCase) throws {
        let base = try Self.base.get()
        let directory = try TestScratch.makeDirectory("fuzz-\(fuzz.number)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("snapshot.sqlite")
        try FileManager.default.copyItem(at: base, to: file)
        let sqlite = try ExternalTool.require("sqlite3")
        let mutation = try ProcessRunner.run(sqlite, [file.path], stdin: fuzz.sql, timeout: 60)
        #expect(mutation.status == 0, "the mutation itself failed: \(mutation.stderr)")
        let changed = Int(mutation.stdout.split(separator: "\n").last ?? "") ?? 0

        let binary = PackagePaths.eduiocBinary.path
        let reportArguments = ["report", "--snapshot", file.path] + (fuzz.number % 2 == 0 ? ["--json"] : [])
        let runs: [(String, [String])] = [
            ("check", ["check", file.path]),
            ("report", reportArguments),
            ("data source", ["bench-first-dashboard", "--snapshot", file.path, "--as-of", Self.now(),
                             "--summaries-dir", directory.appendingPathComponent("summaries").path, "--again", "1"]),
        ]
        var outputs: [String: ProcessRunner.Result] = [:]
        for (name, arguments) in runs {
            let result: ProcessRunner.Result
            do {
                result = try ProcessRunner.run(binary, arguments, timeout: 45)
            } catch {
                Issue.record("\(name) on \(fuzz): \(error)")
                continue
            }
            outputs[name] = result
            #expect(result.status == 0 || result.status == 1,
                    "\(name) on \(fuzz) ended with status \(result.status): \(result.stderr.prefix(400))")
            if result.status == 1 {
                let lines = result.stderr.split(separator: "\n")
                #expect(lines.count == 1, "\(name) on \(fuzz): one error line, got \(lines.count): \(result.stderr.prefix(400))")
            }
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Crash"), "\(name) on \(fuzz): \(result.stderr.prefix(400))")
        }
        if let report = outputs["report"], report.status == 0 {
            let unsafe = report.stdout.unicodeScalars.first { scalar in
                let v = scalar.value
                return (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                    || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
            }
            #expect(unsafe == nil, "report on \(fuzz) printed U+\(String(unsafe?.value ?? 0, radix: 16, uppercase: true))")
        }
        if let table = fuzz.auditedBadValueTable, changed > 0, let check = outputs["check"] {
            #expect(check.status == 1 || (check.stdout.contains("\(table): ") && check.stdout.contains("leaves them out")),
                    "check on \(fuzz) (\(changed) rows changed) names no problem in \(table):\n\(check.stdout)")
        }
        if case .view = fuzz.kind, let check = outputs["check"] {
            #expect(check.status == 1 && check.stderr.contains("is a view, not a table"), "check on \(fuzz): \(check.stderr)")
        }
    }

    /// Now, as the snapshot's timestamps write it.
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
