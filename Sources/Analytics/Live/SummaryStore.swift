import Foundation

/// The summaries' warm-start file, kept in the user's cache folder (never inside the snapshot): a new console
/// process starts from the summaries an earlier one computed instead of re-reading a school year of rows.
///
/// Nothing in it is trusted: restored summaries are keyed by the snapshot's lineage and checked on the first
/// report like any refresh — change tokens for the roster, each past day's `max(recorded_at)`, today's rows
/// written since the saved mark — so a file from another snapshot, an older state or a bad write only costs the
/// recomputation. Only summaries keyed by lineage are saved (a snapshot without change tokens has nothing a
/// later process could check). One file per snapshot path, written to a temporary name and renamed, mode 0600.
public struct SummaryStore: Sendable {
    /// The folder holding the files (created on first save, mode 0700).
    public let directory: URL

    private static let magic = "EDUIOC-SUMMARIES"
    private static let formatVersion: Int64 = 5

    /// A store in `directory`.
    public init(directory: URL) {
        self.directory = directory
    }

    /// The file for a snapshot path: `summaries-<hash of the absolute path>.bin`.
    public func fileURL(forSnapshot path: String) -> URL {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in absolute.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return directory.appendingPathComponent("summaries-\(String(hash, radix: 16)).bin")
    }

    /// Loads the file for `snapshotPath` into `summaries`; false when there is none or it cannot be read
    /// (then nothing is changed).
    @discardableResult
    public func restore(_ summaries: LiveCaches, snapshotPath: String) -> Bool {
        let descriptor = open(fileURL(forSnapshot: snapshotPath).path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var reader = BinaryReader(fileDescriptor: descriptor)
        do {
            guard try reader.string() == Self.magic, try reader.int() == Self.formatVersion,
                  try reader.string() == URL(fileURLWithPath: snapshotPath).standardizedFileURL.path else { return false }
            let restored = try LiveCaches.decode(from: &reader)
            guard try reader.isAtEnd() else { return false }
            summaries.install(restored)
            return true
        } catch {
            return false
        }
    }

    /// Writes `summaries` for `snapshotPath`; false when they are not worth keeping (keyed by file identity).
    @discardableResult
    public func save(_ summaries: LiveCaches, snapshotPath: String) throws -> Bool {
        guard summaries.isKeyedByLineage else { return false }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let target = fileURL(forSnapshot: snapshotPath)
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).partial")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        do {
            var writer = BinaryWriter(fileDescriptor: descriptor)
            writer.string(Self.magic)
            writer.int(Self.formatVersion)
            writer.string(URL(fileURLWithPath: snapshotPath).standardizedFileURL.path)
            guard summaries.encode(into: &writer) else {
                close(descriptor)
                try? FileManager.default.removeItem(at: temporary)
                return false
            }
            try writer.finish()
            close(descriptor)
            if rename(temporary.path, target.path) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            close(descriptor)
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        removeStaleFiles(keeping: target)
        return true
    }

    /// Files for other snapshots untouched for a week go (yesterday's bundled sample, a moved snapshot).
    private func removeStaleFiles(keeping target: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let cutoff = Date().addingTimeInterval(-7 * 86_400)
        for name in names where name.hasPrefix("summaries-") && name != target.lastPathComponent {
            let file = directory.appendingPathComponent(name)
            let modified = (try? FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate]) as? Date
            if let modified, modified < cutoff { try? FileManager.default.removeItem(at: file) }
        }
    }
}
