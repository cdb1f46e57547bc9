import Foundation
import GRDB
import SectorData

/// Generates a deterministic, realistic sample province snapshot (schema version 1).
///
/// Same options (seed and `now` included) give the same database content. The file is built beside
/// the target under a temporary name (journal off, one transaction, raw prepared inserts in primary-key
/// order, secondary indexes after the bulk load), switched to DELETE journal mode, fsynced and then
/// renamed over the target, so the target path never holds a half-written snapshot.
public struct SampleGenerator: Sendable {
    /// What to generate.
    public let options: SampleOptions

    /// Creates a generator for `options`.
    public init(options: SampleOptions) {
        self.options = options
    }

    /// Writes the snapshot to `target` (replacing any file there), reporting progress; returns row counts.
    public func generate(to target: URL, progress: (SampleProgress) -> Void = { _ in }) throws -> SampleSummary {
        try options.validate()
        let names = try SampleNameLists(directory: options.sampleDataDirectory)
        let directory = target.deletingLastPathComponent()
        try checkTarget(target, directory: directory)

        progress(SampleProgress(phase: .structure, phaseFraction: 0))
        let nowSeconds = Int(options.now.timeIntervalSince1970.rounded(.down))
        let calendar = SchoolCalendar(today: CivilTime.provinceDay(unixSeconds: nowSeconds),
                                      forceSchoolDayToday: options.forceSchoolDayToday)
        let blueprint = ProvinceBlueprint(options: options, names: names, calendar: calendar, nowSeconds: nowSeconds)

        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).partial")
        let counts: [String: Int]
        do {
            counts = try build(at: temporary, blueprint: blueprint, calendar: calendar, nowSeconds: nowSeconds, progress: progress)
            try Self.synchronize(temporary)
            guard rename(temporary.path, target.path) == 0 else {
                throw SampleError.cannotPublish(path: target.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            try? FileManager.default.removeItem(atPath: temporary.path + "-journal")
            if let sampleError = error as? SampleError { throw sampleError }
            throw SampleError.database(String(describing: error))
        }
        progress(SampleProgress(phase: .finishing, phaseFraction: 1))

        let attributes = try? FileManager.default.attributesOfItem(atPath: target.path)
        let bytes = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        return SampleSummary(
            tables: SnapshotSchema.requiredColumns.map { SampleSummary.TableCount(table: $0.table, rows: counts[$0.table] ?? 0) },
            file: target,
            fileBytes: bytes,
            schoolYear: calendar.schoolYearLabel,
            today: CivilTime.dateText(day: calendar.today),
            isSchoolDayToday: calendar.isSchoolDayToday
        )
    }

    /// The days that get attendance: the last `historyDays` school days before today, then today if it is one.
    static func attendanceDays(calendar: SchoolCalendar, historyDays: Int) -> [Int] {
        calendar.pastSchoolDays(count: historyDays) + (calendar.isSchoolDayToday ? [calendar.today] : [])
    }

    private func checkTarget(_ target: URL, directory: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SampleError.cannotPublish(path: target.path, reason: "folder \(directory.path) does not exist")
        }
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw SampleError.cannotPublish(path: target.path, reason: "it is a directory")
        }
    }

    private func build(at url: URL, blueprint: ProvinceBlueprint, calendar: SchoolCalendar, nowSeconds: Int,
                       progress: (SampleProgress) -> Void) throws -> [String: Int] {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        configuration.label = "SampleGenerator"
        let queue = try DatabaseQueue(path: url.path, configuration: configuration)
        var counts: [String: Int] = [:]
        try queue.inDatabase { db in
            guard let connection = db.sqliteConnection else { throw SampleError.database("no connection") }
            try db.execute(sql: """
                PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;
                PRAGMA temp_store = MEMORY; PRAGMA threads = 2
                """)
            for ddl in SnapshotSchema.tablesDDL { try db.execute(sql: ddl) }
            try db.execute(sql: "BEGIN")
            let structure = try StructureWriter(blueprint: blueprint, calendar: calendar, options: options, nowSeconds: nowSeconds)
                .write(connection: connection)
            for entry in structure { counts[entry.table] = entry.rows }
            progress(SampleProgress(phase: .structure, phaseFraction: 1))

            let days = Self.attendanceDays(calendar: calendar, historyDays: options.historyDays)
            let attendance = AttendanceSynthesizer(blueprint: blueprint, days: days, today: calendar.today,
                                                   nowSeconds: nowSeconds, seed: options.seed)
            counts["attendance"] = try attendance.write(connection: connection) { fraction in
                progress(SampleProgress(phase: .attendance, phaseFraction: fraction))
            }
            counts["devices"] = try DeviceSynthesizer(blueprint: blueprint, nowSeconds: nowSeconds, seed: options.seed)
                .write(connection: connection)
            progress(SampleProgress(phase: .infrastructure, phaseFraction: 0.5))
            counts["connectivity_probes"] = try ProbeSynthesizer(blueprint: blueprint, nowSeconds: nowSeconds, seed: options.seed)
                .write(connection: connection)
            try db.execute(sql: "COMMIT")
            progress(SampleProgress(phase: .infrastructure, phaseFraction: 1))

            let indexes = SnapshotSchema.requiredIndexes
            for (offset, index) in indexes.enumerated() {
                try db.execute(sql: index.ddl)
                progress(SampleProgress(phase: .indexes, phaseFraction: Double(offset + 1) / Double(indexes.count)))
            }
            for statement in ChangeTokens.ddl(initial: { Self.initialToken($0, options: options) }) {
                try db.execute(sql: statement)
            }
            try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE")
            progress(SampleProgress(phase: .finishing, phaseFraction: 0.3))
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
        }
        try queue.close()
        return counts
    }

    /// A change token's first value, derived from every option that shapes the content (FNV-1a): the same
    /// options give the same content and the same tokens; other options give unrelated ones.
    static func initialToken(_ name: String, options: SampleOptions) -> Int64 {
        let text = "\(name)|\(options.seed)|\(options.schools)|\(options.historyDays)|\(options.now.timeIntervalSince1970)|"
            + "\(options.forceSchoolDayToday)|\(options.provinceName)|\(options.provinceCode)|\(options.schoolCodePrefix)"
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int64(bitPattern: hash)
    }

    /// Flushes the finished file to disk before it is renamed into place.
    private static func synchronize(_ url: URL) throws {
        let handle = try FileHandle(forUpdating: url)
        defer { try? handle.close() }
        try handle.synchronize()
    }
}
