import Foundation

/// Runs the system `sqlite3` command-line shell on a database file: the independent source of truth for tests
/// (it shares no code with the project) and a simple way to build fixture files from SQL text.
public enum SQLiteCLI {
    /// Where the shell is expected.
    public static let executable = "/usr/bin/sqlite3"

    /// A failure of the shell, with its standard error.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, including the shell's stderr.
        public let description: String
    }

    /// Runs `sql` read-only against the file and returns the rows, each as its column texts ("NULL" for null).
    public static func rows(_ path: String, _ sql: String) throws -> [[String]] {
        let output = try run(path, script: sql, extraArguments: ["-readonly"])
        return output.split(separator: "\u{1E}", omittingEmptySubsequences: true)
            .map { line in
                line.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            }
            .filter { !($0.count == 1 && $0[0].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty) }
    }

    /// Runs a query that returns one integer (e.g. `SELECT count(*) …`); throws if the result is not one.
    public static func int(_ path: String, _ sql: String) throws -> Int {
        let result = try rows(path, sql)
        guard result.count == 1, result[0].count == 1, let value = Int(result[0][0]) else {
            throw Failure(description: "expected one integer from \(sql), got \(result)")
        }
        return value
    }

    /// Runs a query that returns one optional number (NULL → nil).
    public static func double(_ path: String, _ sql: String) throws -> Double? {
        let result = try rows(path, sql)
        guard result.count == 1, result[0].count == 1 else {
            throw Failure(description: "expected one value from \(sql), got \(result)")
        }
        return result[0][0] == "NULL" ? nil : Double(result[0][0])
    }

    /// Runs a query whose rows are (text key, integer count) pairs.
    public static func counts(_ path: String, _ sql: String) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try rows(path, sql) {
            guard row.count == 2, let n = Int(row[1]) else {
                throw Failure(description: "expected (key, count) rows from \(sql), got \(row)")
            }
            result[row[0]] = n
        }
        return result
    }

    /// Executes a script (DDL, inserts) read-write, creating the file if needed.
    public static func execute(_ path: String, script: String) throws {
        _ = try run(path, script: script, extraArguments: [])
    }

    private static func run(_ path: String, script: String, extraArguments: [String]) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw Failure(description: "\(executable) not found: install the sqlite3 package")
        }
        let arguments = ["-batch", "-bail", "-noheader", "-separator", "\u{1F}", "-newline", "\u{1E}",
                         "-nullvalue", "NULL"] + extraArguments + [path]
        let result = try ProcessRunner.run(executable, arguments, stdin: script)
        let stderr = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0, stderr.isEmpty else {
            throw Failure(description: "sqlite3 exited \(result.status): \(stderr)")
        }
        return result.stdout
    }
}
