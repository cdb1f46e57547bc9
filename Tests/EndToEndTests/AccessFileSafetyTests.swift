import Foundation
import TestSupport
import Testing

/// Issue 14: `--ssh` holds the access file to sshd's StrictModes (owned by root, not writable by group or others,
/// nor any directory above it) and refuses an alias bomb at once — checked with the real binary as root.
@Suite("Access file safety (real binary)", .serialized, .enabled(if: getuid() == 0 || ExternalTool.inCI))
struct AccessFileSafetyTests {
    /// A root-owned 0755 folder outside /tmp's sticky rules is not needed: /tmp is root's and sticky.
    let folder: URL
    let snapshot: URL

    init() throws {
        folder = try TestScratch.makeDirectory("access-safety")
        chmod(folder.path, 0o755)
        snapshot = folder.appendingPathComponent("s.sqlite")
        try SnapshotFiles.createSnapshot(at: snapshot)
    }

    func write(_ text: String, mode: mode_t = 0o644, name: String = "access.yaml", in directory: URL? = nil) throws -> URL {
        let url = (directory ?? folder).appendingPathComponent(name)
        try text.write(to: url, atomically: false, encoding: .utf8)
        chmod(url.path, mode)
        return url
    }

    func report(_ access: URL) throws -> EduIOCRun {
        try EduIOCRun.run(["report", "--ssh", "--snapshot", snapshot.path, "--access-file", access.path])
    }

    static let rootEntry = "users:\n  root:\n    scope: province\n"

    @Test func aSafeFileIsUsed() throws {
        let run = try report(try write(Self.rootEntry))
        #expect(run.status == 0, "\(run.standardError)")
    }

    @Test func aGroupWritableFileIsRefused() throws {
        let run = try report(try write(Self.rootEntry, mode: 0o664))
        #expect(run.status == 1)
        #expect(run.errorLines == ["eduioc: access file \(folder.path)/access.yaml is writable by group or others; it must be writable only by root (chmod 644)"])
    }

    @Test func aFileOwnedByAnotherAccountIsRefused() throws {
        let file = try write(Self.rootEntry, mode: 0o444)
        chown(file.path, 65534, 65534)
        let run = try report(file)
        #expect(run.status == 1)
        #expect(run.standardError.contains("must be owned by root (it is owned by uid 65534)"), "\(run.standardError)")
    }

    @Test func aWritableDirectoryAboveIsRefused() throws {
        let open = folder.appendingPathComponent("open")
        try FileManager.default.createDirectory(at: open, withIntermediateDirectories: false)
        chmod(open.path, 0o777)
        let run = try report(try write(Self.rootEntry, in: open))
        #expect(run.status == 1)
        #expect(run.standardError.contains("the directory \(open.path) above it is writable by group or others"), "\(run.standardError)")
    }

    @Test func anAliasBombIsRefusedInUnderASecond() throws {
        var lines = ["a: &a [x,x,x,x,x,x,x,x,x]"]
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
            previous = name
        }
        lines.append("users: { root: { units: *i } }")
        let file = try write(lines.joined(separator: "\n"))
        let started = Date()
        let run = try report(file)
        let elapsed = Date().timeIntervalSince(started)
        #expect(run.status == 1)
        #expect(run.standardError.contains("uses YAML anchors or aliases"), "\(run.standardError)")
        #expect(elapsed < 1, "refused after \(elapsed) s")
    }
}
