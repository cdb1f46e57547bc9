import Analytics
import ArgumentParser
import ConsoleCore
import Foundation
import ReportModel
import SectorData

/// `eduioc check FILE`: validates a snapshot and prints what an operator needs to know about it.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a snapshot file and show its province, age, row counts and problems.",
        discussion: """
            Opens FILE read-only (it is never modified) and checks, in order: that it exists and is a \
            readable regular file; that it is an SQLite database that is not empty or truncated; that \
            meta.schema_version is \(SnapshotSchema.version); that every table and column of the snapshot \
            contract exists; that the meta keys are present and valid (timezone is an IANA zone, \
            published_at is UTC YYYY-MM-DDTHH:MM:SSZ). It then counts the rows of every table and runs \
            SQLite's quick_check, which reads every page (skip it on very large files with \
            --no-integrity-check).

            Missing indexes are reported as warnings: the snapshot is usable, but some screens will be slow. So \
            are change-token triggers whose statement differs from the contract's (they are compared, not only \
            named).

            Every attendance row is then checked against the contract's rules (docs/SNAPSHOT.md, "Which rows \
            count"): rows of unknown students, rows naming another school than the student's, rows of pupils not \
            enrolled that day and invalid values are left out of every figure; check counts them by reason with \
            the schools that wrote most, and names duplicated unit and school codes (warnings: the file is usable).

            Exit status: 0 when the snapshot is usable (warnings allowed); 1 when it is not, with one line \
            on standard error saying which file and what is wrong. The contract is in docs/SNAPSHOT.md.
            """)

    @Argument(help: "The snapshot file to check.")
    var file: String

    @Flag(help: "Print the report as JSON on standard output.")
    var json = false

    @Flag(inversion: .prefixedNo, help: "Run SQLite's quick_check over every page.")
    var integrityCheck = true

    func run() throws {
        let snapshot: Snapshot
        do {
            snapshot = try Snapshot.open(at: URL(fileURLWithPath: file))
        } catch {
            if json { printJSON(Report(file: file, error: error.description)) }
            throw error
        }
        var report: Report
        do {
            let now = Date()
            report = try Report(snapshot: snapshot, integrityCheck: integrityCheck, now: now)
            if isatty(STDERR_FILENO) == 1 {
                FileHandle.standardError.write(Data("eduioc: checking every attendance row against the contract…\n".utf8))
            }
            report.add(try AnalyticsEngine(snapshot: snapshot).dataQuality(asOf: now, wholeFile: true))
        } catch {
            let explained = snapshot.explain(error)
            if json { printJSON(Report(file: file, error: explained.description)) }
            throw explained
        }
        if json {
            printJSON(report)
        } else {
            print(report.text(), terminator: "")
        }
        if let problem = report.integrityProblems?.first {
            throw SnapshotError.truncatedOrCorrupt(path: snapshot.path, detail: "quick_check: \(problem)")
        }
    }

    private func printJSON(_ report: Report) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if let data = try? encoder.encode(report) {
            print(String(decoding: data, as: UTF8.self))
        }
    }
}

extension CheckCommand {
    /// Everything `check` reports, as text or JSON.
    struct Report: Encodable {
        struct TableCount: Encodable {
            let table: String
            let rows: Int
        }

        let file: String
        let usable: Bool
        var error: String?
        var schemaVersion: Int?
        var provinceCode: String?
        var provinceName: String?
        var schoolYear: String?
        var timeZone: String?
        var utcOffset: String?
        var publishedAt: String?
        var publishedLocal: String?
        var ageSeconds: Int?
        var age: String?
        var journalMode: String?
        var fileBytes: Int64?
        var rowCounts: [TableCount] = []
        /// nil when the check was skipped; empty when it passed.
        var integrityProblems: [String]?
        var warnings: [String] = []
        /// Attendance rows left out of every figure, in all and per reason (`AttendanceRowProblem`).
        var rowsLeftOut = 0
        var rowsLeftOutByReason: [String: Int] = [:]
        /// Unit and school codes written more than once.
        var duplicateCodes: [String] = []

        /// Adds what the data-quality pass found, as warnings naming reasons, schools and examples.
        mutating func add(_ quality: DataQualityReport) {
            rowsLeftOut = quality.rowsLeftOut
            rowsLeftOutByReason = Dictionary(uniqueKeysWithValues: quality.rowsByProblem.map { ($0.key.rawValue, $0.value) })
            duplicateCodes = quality.duplicateCodes.map(Self.printable)
            if quality.rowsLeftOut > 0 {
                let reasons = AttendanceRowProblem.allCases.compactMap { reason in
                    quality.rowsByProblem[reason].map { "\(reason.rawValue) \(Self.grouped($0))" }
                }
                warnings.append("\(Self.grouped(quality.rowsLeftOut)) attendance rows are left out of every figure "
                                + "(\(reasons.joined(separator: ", "))); see docs/SNAPSHOT.md, Which rows count")
                for entry in quality.entries.prefix(5) {
                    let school = entry.school.map { "\($0.code) \($0.name)" } ?? "school id \(entry.schoolID) (not in the tree)"
                    let example = entry.exampleStudent.map { ", e.g. student \($0)" } ?? ""
                    let rows = entry.rows == 1 ? "row" : "rows"
                    warnings.append(Self.printable("  \(school): \(Self.grouped(entry.rows)) \(rows) \(entry.problem.rawValue) "
                                                   + "(\(entry.firstDay) … \(entry.lastDay)\(example))"))
                }
                if quality.entries.count > 5 { warnings.append("  … and \(quality.entries.count - 5) more schools and reasons") }
            }
            for code in duplicateCodes {
                warnings.append("code '\(code)' is written on more than one unit or school: it cannot be opened by code "
                                + "nor granted in an access file")
            }
        }

        init(file: String, error: String) {
            self.file = file
            usable = false
            self.error = error
        }

        init(snapshot: Snapshot, integrityCheck: Bool, now: Date) throws {
            let counts = try snapshot.rowCounts()
            let unusable = try snapshot.valueFindings()
            let problems = integrityCheck
                ? try ElapsedNote.run("eduioc: checking integrity (quick_check)") { try snapshot.quickCheck() } : nil
            let zone = snapshot.timeZone
            file = snapshot.path
            usable = problems?.isEmpty ?? true
            schemaVersion = snapshot.metadata.schemaVersion
            provinceCode = Self.printable(snapshot.provinceCode)
            provinceName = Self.printable(snapshot.provinceName)
            schoolYear = Self.printable(snapshot.schoolYear)
            timeZone = zone.identifier
            utcOffset = SnapshotTime.offsetDescription(seconds: zone.secondsFromGMT(for: snapshot.publishedAt))
            publishedAt = SnapshotTime.format(snapshot.publishedAt)
            publishedLocal = SnapshotTime.formatLocalMinute(snapshot.publishedAt, in: zone)
            ageSeconds = Int(now.timeIntervalSince(snapshot.publishedAt).rounded(.down))
            age = SnapshotTime.describeAge(of: snapshot.publishedAt, now: now)
            journalMode = snapshot.journalMode.rawValue
            fileBytes = snapshot.identity.size
            rowCounts = counts.map { TableCount(table: $0.table, rows: $0.count) }
            integrityProblems = problems.map { $0.map(Self.printable) }
            warnings = snapshot.warnings.map(\.description)
                + counts.filter { $0.count == 0 }.map { "table '\($0.table)' has no rows" }
                + unusable.map(\.description)
            if let ahead = ageSeconds.map({ -$0 }), ahead > 5 * 60 {
                warnings.append("published_at is \(ahead / 60) min after this machine's clock: a wrong value or a clock "
                                + "out of step (the data's age and staleness cannot be judged)")
            }
        }

        /// The human-readable report.
        func text() -> String {
            var lines = ["snapshot \(Self.printable(file))"]
            func field(_ name: String, _ value: String) {
                lines.append("  " + name.padding(toLength: 15, withPad: " ", startingAt: 0) + value)
            }
            field("schema version", "\(schemaVersion ?? 0) (this build reads version \(SnapshotSchema.version))")
            field("province", "\(provinceCode ?? "?") \(provinceName ?? "?")")
            field("school year", schoolYear ?? "?")
            field("time zone", "\(timeZone ?? "?") (\(utcOffset ?? "?"))")
            field("published", "\(publishedLocal ?? "?"), \(age ?? "?")  [\(publishedAt ?? "?")]")
            let delivery = journalMode == SnapshotJournalMode.wal.rawValue ? "in place" : "publish-by-rename"
            field("journal", "\(journalMode ?? "?") (suits \(delivery) delivery)")
            field("file size", Self.byteCount(fileBytes ?? 0))
            switch integrityProblems {
            case nil: field("integrity", "not checked (--no-integrity-check)")
            case .some(let problems) where problems.isEmpty: field("integrity", "ok (quick_check)")
            case .some(let problems): field("integrity", "FAILED: \(problems.count) problem(s) found by quick_check")
            }
            lines.append("rows")
            let width = rowCounts.map(\.table.count).max() ?? 0
            for count in rowCounts {
                let number = Self.grouped(count.rows)
                let padding = String(repeating: " ", count: max(0, width - count.table.count + 12 - number.count))
                lines.append("  \(count.table)\(padding)\(number)")
            }
            lines.append("problems")
            let problems = (integrityProblems ?? []).map { "  error: \($0)" } + warnings.map { "  warning: \($0)" }
            lines += problems.isEmpty ? ["  none"] : problems
            return lines.joined(separator: "\n") + "\n"
        }

        /// Makes control characters visible so text from the file cannot drive the terminal.
        /// `text` with every character the one sanitiser (`TextSanitizer`) would not let through shown as
        /// `\u{…}`: `check` names what the data holds rather than dropping it, by the same rule.
        static func printable(_ text: String) -> String {
            String(String.UnicodeScalarView(text.unicodeScalars.flatMap { scalar -> [Unicode.Scalar] in
                TextSanitizer.isUnsafe(scalar) ? Array("\\u{\(String(scalar.value, radix: 16))}".unicodeScalars) : [scalar]
            }))
        }

        static func grouped(_ value: Int) -> String {
            let digits = String(value)
            var result = ""
            for (index, digit) in digits.enumerated() {
                if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
                result.append(digit)
            }
            return result
        }

        static func byteCount(_ bytes: Int64) -> String {
            let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
            var value = Double(bytes)
            var unit = 0
            while value >= 1024, unit < units.count - 1 {
                value /= 1024
                unit += 1
            }
            guard unit > 0 else { return "\(bytes) bytes" }
            return String(format: "%.1f", value) + " \(units[unit]) (\(grouped(Int(bytes))) bytes)"
        }
    }
}
