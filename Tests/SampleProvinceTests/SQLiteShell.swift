import Foundation
import TestSupport

/// The sqlite3 command-line shell as an independent source of truth about generated files.
enum SQLiteShell {
    /// Where Debian installs the shell.
    static let executable = URL(fileURLWithPath: "/usr/bin/sqlite3")

    /// A failed shell run.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `sql` (statements or dot-commands) read-only against `database`; returns the output lines.
    static func lines(_ database: URL, _ sql: String) throws -> [String] {
        let result = try ProcessRunner.run(executable.path, ["-readonly", "-batch", "-noheader", database.path], stdin: sql)
        guard result.status == 0, result.stderr.isEmpty else {
            throw Failure(description: "sqlite3 failed (\(result.status)): \(result.stderr) for: \(sql)")
        }
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// The single value `sql` returns.
    static func value(_ database: URL, _ sql: String) throws -> String {
        let result = try lines(database, sql)
        guard result.count == 1 else { throw Failure(description: "expected one row, got \(result.count) for: \(sql)") }
        return result[0]
    }

    /// The single integer `sql` returns.
    static func integer(_ database: URL, _ sql: String) throws -> Int {
        let text = try value(database, sql)
        guard let number = Int(text) else { throw Failure(description: "not an integer: '\(text)' for: \(sql)") }
        return number
    }

    /// The single real `sql` returns.
    static func real(_ database: URL, _ sql: String) throws -> Double {
        let text = try value(database, sql)
        guard let number = Double(text) else { throw Failure(description: "not a number: '\(text)' for: \(sql)") }
        return number
    }
}
