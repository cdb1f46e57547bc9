import Foundation
import SectorData
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

@Suite("eduioc check, run as a real process")
struct CheckCommandTests {
    private static let nobody = (uid: 65534, gid: 65534)

    @Test("the binary exists where the tests look for it")
    func binaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: EduIOCRun.binary.path),
                "eduioc binary not found at \(EduIOCRun.binary.path); run `swift build` first")
    }

    @Test("a valid snapshot: exit 0, schema version, province, age and row counts", arguments: [
        SnapshotFiles.JournalMode.delete, .wal,
    ])
    func validSnapshot(mode: SnapshotFiles.JournalMode) throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("live.sqlite")
            let published = Date().addingTimeInterval(-180)
            try SnapshotFiles.createSnapshot(at: url, options: .init(journalMode: mode, publishedAt: published))
            let before = try SnapshotFiles.contents(of: url)

            let result = try EduIOCRun.run(["check", url.path])

            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardError.isEmpty)
            let output = result.standardOutput
            #expect(output.contains("schema version 1 (this build reads version 1)"), "\(output)")
            #expect(output.contains("30 Hải Dương"))
            #expect(output.contains("Asia/Ho_Chi_Minh (+07)"))
            #expect(output.contains("3 min ago"))
            #expect(output.contains("[\(SnapshotTime.format(published))]"))
            #expect(output.contains("integrity      ok (quick_check)"))
            let rowLines = output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            #expect(rowLines.contains(["students", "12"]))
            #expect(rowLines.contains(["attendance", "36"]))
            #expect(rowLines.contains(["admin_units", "3"]))
            #expect(output.hasSuffix("problems\n  none\n"))
            #expect(try SnapshotFiles.contents(of: url) == before)
        }
    }

    @Test("--json reports the same facts in machine-readable form")
    func jsonReport() throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("live.sqlite")
            try SnapshotFiles.createSnapshot(at: url, options: .init(includesIndexes: false))
            let result = try EduIOCRun.run(["check", "--json", "--no-integrity-check", url.path])
            #expect(result.status == 0)
            let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
            #expect(object?["schemaVersion"] as? Int == 1)
            #expect(object?["usable"] as? Bool == true)
            #expect(object?["integrityProblems"] == nil)
            #expect((object?["warnings"] as? [String])?.count == SnapshotSchema.requiredIndexes.count)
            let counts = object?["rowCounts"] as? [[String: Any]]
            #expect(counts?.first { $0["table"] as? String == "schools" }?["rows"] as? Int == 2)
        }
    }

    @Test("bad input: exit 1 and exactly one line on stderr naming the file and the problem", arguments: [
        "missing", "text", "schema_version 2", "truncated", "corrupt page",
    ])
    func badInput(kind: String) throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("bad.sqlite")
            let expected: String
            switch kind {
            case "missing":
                expected = "no such file"
            case "text":
                try Data("this is not a database\n".utf8).write(to: url)
                expected = "not an SQLite database (file is text)"
            case "schema_version 2":
                try SnapshotFiles.createSnapshot(at: url, options: .init(metaOverrides: ["schema_version": "2"]))
                expected = "schema_version is 2, this build reads version 1"
            case "corrupt page":
                // A page in the middle is overwritten: the header and schema are fine, the data is not.
                try SnapshotFiles.createSnapshot(at: url, options: .init(studentsPerClass: 60, schoolDays: 20))
                var bytes = try Data(contentsOf: url)
                let page = bytes.count / 2 / 4096 * 4096
                bytes.replaceSubrange(page ..< page + 4096, with: Data(repeating: 0x55, count: 4096))
                try bytes.write(to: url)
                expected = "file is truncated or corrupt ("
            default:
                let whole = directory.appendingPathComponent("whole.sqlite")
                try SnapshotFiles.createSnapshot(at: whole, options: .init(studentsPerClass: 60, schoolDays: 20))
                let bytes = try Data(contentsOf: whole)
                try bytes.prefix(bytes.count / 2).write(to: url)
                expected = "file is truncated or corrupt ("
            }
            let before = try? Data(contentsOf: url)

            let result = try EduIOCRun.run(["check", url.path])

            #expect(result.status == 1)
            #expect(result.errorLines.count == 1, "\(result.standardError)")
            #expect(result.standardError.hasPrefix("eduioc: \(url.path): \(expected)"), "\(result.standardError)")
            #expect(!result.standardError.contains("Fatal error"))
            #expect((try? Data(contentsOf: url)) == before)
        }
    }

    @Test("no read permission, for real: run as 'nobody' on a chmod 000 file")
    func permissionDenied() throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("secret.sqlite")
            try SnapshotFiles.createSnapshot(at: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: url.path)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
            let user = getuid() == 0 ? Self.nobody : nil
            try #require(user == nil || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                         "running as root needs /usr/bin/setpriv to drop privileges for this test")

            let result = try EduIOCRun.run(["check", url.path], asUser: user)

            #expect(result.status == 1)
            #expect(result.standardError == "eduioc: \(url.path): permission denied\n")
        }
    }

    @Test("a WAL-mode snapshot in a read-only directory without its -shm: a clear line, not a crash")
    func walWithoutSharedMemoryFile() throws {
        try SnapshotFiles.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("live.sqlite")
            try SnapshotFiles.createSnapshot(at: url, options: .init(journalMode: .wal))
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
            let user = getuid() == 0 ? Self.nobody : nil
            try #require(user == nil || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"))

            let result = try EduIOCRun.run(["check", url.path], asUser: user)

            #expect(result.status == 1)
            #expect(result.standardError.hasPrefix(
                "eduioc: \(url.path): WAL-mode snapshot, but 'live.sqlite-shm' does not exist"), "\(result.standardError)")
            #expect(result.errorLines.count == 1)
        }
    }

    @Test("--help explains what is checked")
    func help() throws {
        let result = try EduIOCRun.run(["check", "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("schema_version"))
        #expect(result.standardOutput.contains("Exit status"))
    }
}
