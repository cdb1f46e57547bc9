#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a snapshot path holds before SQLite touches it: file kind, identity, and the 100-byte SQLite header.
///
/// Reading the file ourselves first turns "missing / directory / empty / text / truncated" into
/// precise messages instead of SQLite's generic ones. It opens the file read-only and never writes.
struct SnapshotFileProbe: Sendable {
    /// The file inspected (from `fstat` on the descriptor that was read, so it is the same file).
    let identity: FileIdentity
    /// The journal mode recorded in the header.
    let journalMode: SnapshotJournalMode

    private static let headerLength = 100
    private static let sampleLength = 512
    private static let magic: [UInt8] = Array("SQLite format 3".utf8) + [0]

    /// Inspects `path`; throws the ``SnapshotError`` an operator should see when it cannot be a snapshot.
    static func inspect(path: String) throws(SnapshotError) -> SnapshotFileProbe {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw SnapshotError.fromErrno(errno, path: path) }
        defer { close(descriptor) }

        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw SnapshotError.fromErrno(errno, path: path) }
        let fileType = info.st_mode & S_IFMT
        if fileType == S_IFDIR { throw SnapshotError.isDirectory(path: path) }
        guard fileType == S_IFREG else {
            throw SnapshotError.notRegularFile(path: path, kind: describe(fileType: fileType))
        }
        let identity = FileIdentity(info)

        if identity.size == 0 {
            // A brand-new WAL database can have all its pages in the -wal file still; let SQLite judge that.
            if let wal = try? FileIdentity.current(atPath: path + "-wal"), wal.size > 0 {
                return SnapshotFileProbe(identity: identity, journalMode: .wal)
            }
            throw SnapshotError.fileEmpty(path: path)
        }

        let sample = try readPrefix(descriptor: descriptor, count: sampleLength, path: path)
        let header = Array(sample.prefix(headerLength))
        guard header.starts(with: magic.prefix(min(header.count, magic.count))) else {
            throw SnapshotError.notSQLite(path: path, detail: describeForeignContent(sample))
        }
        guard header.count == headerLength else {
            throw SnapshotError.truncatedOrCorrupt(
                path: path, detail: "only \(header.count) bytes, shorter than the 100-byte SQLite header")
        }
        let pageSize = decodePageSize(header)
        guard let pageSize else {
            throw SnapshotError.truncatedOrCorrupt(path: path, detail: "header has an invalid page size")
        }
        let journalMode: SnapshotJournalMode
        switch (header[18], header[19]) {
        case (1, 1): journalMode = .rollback
        case (2, 2): journalMode = .wal
        default:
            throw SnapshotError.sqlite(
                path: path, message: "unsupported file format version \(header[18]).\(header[19])")
        }
        if journalMode == .rollback {
            try checkLength(header: header, pageSize: pageSize, fileSize: identity.size, path: path)
        }
        return SnapshotFileProbe(identity: identity, journalMode: journalMode)
    }

    /// In a rollback-journal file nothing lives outside the main file, so a short file has lost pages.
    ///
    /// (WAL-mode files are left to SQLite: pages may legitimately still be in the -wal file.)
    private static func checkLength(header: [UInt8], pageSize: Int, fileSize: Int64, path: String) throws(SnapshotError) {
        let pageCount = Int64(bigEndian32(header, at: 28))
        let headerCountIsValid = pageCount > 0 && bigEndian32(header, at: 24) == bigEndian32(header, at: 92)
        if headerCountIsValid, pageCount * Int64(pageSize) > fileSize {
            throw SnapshotError.truncatedOrCorrupt(
                path: path,
                detail: "header says \(pageCount) pages of \(pageSize) bytes = \(pageCount * Int64(pageSize)) bytes, "
                    + "file has \(fileSize)")
        }
        if fileSize % Int64(pageSize) != 0 {
            throw SnapshotError.truncatedOrCorrupt(
                path: path, detail: "file size \(fileSize) is not a whole number of \(pageSize)-byte pages")
        }
    }

    private static func readPrefix(descriptor: Int32, count: Int, path: String) throws(SnapshotError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let result = buffer.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress.map { $0 + filled }, count - filled, off_t(filled))
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw SnapshotError.fromErrno(errno, path: path)
            }
            if result == 0 { break }
            filled += result
        }
        return Array(buffer.prefix(filled))
    }

    private static func decodePageSize(_ header: [UInt8]) -> Int? {
        let raw = Int(header[16]) << 8 | Int(header[17])
        let size = raw == 1 ? 65_536 : raw
        guard size >= 512, size <= 65_536, size & (size - 1) == 0 else { return nil }
        return size
    }

    private static func bigEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset ..< offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func describe(fileType: mode_t) -> String {
        switch fileType {
        case S_IFIFO: return "FIFO"
        case S_IFSOCK: return "socket"
        case S_IFCHR: return "character device"
        case S_IFBLK: return "block device"
        default: return "special file"
        }
    }

    /// Names what a non-SQLite file looks like: text, a known compressed format, or its first bytes.
    static func describeForeignContent(_ sample: [UInt8]) -> String {
        if sample.starts(with: [0x1F, 0x8B]) { return "file is gzip-compressed" }
        if sample.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) { return "file is zstd-compressed" }
        if sample.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return "file is xz-compressed" }
        if sample.starts(with: Array("PK".utf8) + [3, 4]) { return "file is a zip archive" }
        if sample.starts(with: Array("SQLite format".utf8)) { return "unsupported SQLite format header" }
        if looksLikeText(sample) { return "file is text" }
        let hex = sample.prefix(8).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        return "file starts with bytes " + hex.joined(separator: " ")
    }

    private static func looksLikeText(_ sample: [UInt8]) -> Bool {
        let allowedControls: Set<UInt8> = [0x09, 0x0A, 0x0C, 0x0D]
        guard sample.allSatisfy({ $0 >= 0x20 && $0 != 0x7F || allowedControls.contains($0) }) else { return false }
        // Valid UTF-8, allowing one character cut off at the end of the sample.
        return (0...3).contains { dropped in dropped <= sample.count && isValidUTF8(sample.dropLast(dropped)) }
    }

    private static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
