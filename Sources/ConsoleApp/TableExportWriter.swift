import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a `TableExport` as a new CSV file inside its directory, and nowhere else.
///
/// The directory must already exist (it is never created). The file is created with `O_CREAT | O_EXCL |
/// O_NOFOLLOW` and mode 0640 (less the umask): an existing file or a planted symlink is never followed or
/// overwritten; a second export in the same minute gets `-2`, `-3`… before `.csv`.
public enum TableExportWriter {
    /// Why nothing was written.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// One line naming the directory or file.
        public let description: String
    }

    /// Writes the file and returns its full path.
    public static func write(_ request: TableExport) throws -> String {
        guard let resolved = realpath(request.directory, nil) else {
            throw Failure(description: "\(request.directory): \(String(cString: strerror(errno)))")
        }
        let directory = String(cString: resolved)
        free(resolved)
        var info = stat()
        guard stat(directory, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw Failure(description: "\(request.directory): not a directory")
        }
        let data = Array(request.csv.utf8)
        let base = String(request.fileName.dropLast(4))
        for attempt in 1...99 {
            let name = attempt == 1 ? base + ".csv" : base + "-\(attempt).csv"
            let path = (directory == "/" ? "" : directory) + "/" + name
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o640)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw Failure(description: "\(path): \(String(cString: strerror(errno)))")
            }
            defer { close(fd) }
            var written = 0
            while written < data.count {
                let n = data[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    let reason = String(cString: strerror(errno))
                    unlink(path)
                    throw Failure(description: "\(path): \(reason)")
                }
                written += n
            }
            return path
        }
        throw Failure(description: "\(directory): too many exports named \(base)")
    }
}
