import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One scratch folder per test process, `eduioc-tests-<pid>` under the system temporary directory, removed when the
/// process exits. Folders left by test processes that died without exiting are removed on first use, so repeated
/// test runs do not fill the disk (a run writes about 850 MB of generated samples).
public enum TestScratch {
    /// Prefix of every per-process scratch folder.
    static let prefix = "eduioc-tests-"

    /// This process's scratch folder (created, and stale folders of dead processes swept, on first use).
    public static let root: URL = {
        sweepFoldersOfDeadProcesses()
        let root = folder(forProcess: getpid())
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { SnapshotFiles.removeTree(TestScratch.folder(forProcess: getpid())) }
        return root
    }()

    /// A new, uniquely named empty folder inside this process's scratch folder.
    public static func makeDirectory(_ label: String = "dir") throws -> URL {
        let directory = root.appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// The scratch folder a process with this id uses.
    static func folder(forProcess pid: pid_t) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)\(pid)", isDirectory: true)
    }

    /// Removes scratch folders whose process no longer runs (a crashed or killed test run).
    static func sweepFoldersOfDeadProcesses() {
        let temporary = FileManager.default.temporaryDirectory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporary.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                SnapshotFiles.removeTree(temporary.appendingPathComponent(name, isDirectory: true))
            }
        }
    }
}
