import Foundation
import SampleProvince
import SectorData

/// The sample province the console opens when no snapshot is given: generated for *today* (a school day even
/// on Sunday or during Tết) into the user's cache directory on first use, then reused until the day changes.
enum BundledSample {
    /// Schools in the bundled sample: a realistic province (DESIGN §1).
    static let schools = SampleOptions.defaultSchools

    /// The cache folder: `$XDG_CACHE_HOME/eduioc`, else `~/.cache/eduioc`.
    static var cacheDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("eduioc")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/eduioc")
    }

    /// The path of today's sample, generating it first (with a progress bar on stderr) if needed.
    static func ensureForToday(sampleData: URL, now: Date = Date()) throws -> URL {
        let directory = cacheDirectory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let day = localDay(now)
        let target = directory.appendingPathComponent("sample-\(day).sqlite")
        if FileManager.default.fileExists(atPath: target.path) {
            if followsContract(target) { return target }
            // Built today by an earlier version: it would open, but every refresh would take the slow paths.
            let note = "eduioc: today's sample lacks indexes or change tokens this version needs; building it again\n"
            FileHandle.standardError.write(Data(note.utf8))
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: target.path + suffix) }
        }
        removeOldSamples(in: directory, keeping: target)
        FileHandle.standardError.write(Data("eduioc: building today's sample province (\(schools) schools) in \(directory.path)…\n".utf8))
        let options = SampleOptions(now: now, sampleDataDirectory: sampleData, schools: schools, forceSchoolDayToday: true)
        var display = ProgressDisplay(isTerminal: isatty(STDERR_FILENO) != 0)
        _ = try SampleGenerator(options: options).generate(to: target) { display.show($0) }
        display.finish()
        return target
    }

    /// Whether the file opens as a snapshot with every index and change-token trigger of this version's contract.
    private static func followsContract(_ url: URL) -> Bool {
        guard let snapshot = try? Snapshot.open(at: url) else { return false }
        return !snapshot.warnings.contains(where: \.isMissingSpeedContract)
    }

    /// 'YYYY-MM-DD' of `date` in the sample province's timezone.
    private static func localDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// Removes earlier days' samples (each is hundreds of megabytes).
    private static func removeOldSamples(in directory: URL, keeping target: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix("sample-") && name != target.lastPathComponent {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }
}
