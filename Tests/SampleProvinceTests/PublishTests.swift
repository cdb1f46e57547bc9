import Foundation
import Testing
import TestSupport
@testable import SampleProvince

/// The target path only ever holds a complete snapshot; failures leave it untouched.
@Suite("Publishing the file")
struct PublishTests {
    private func options(schools: Int = 12, directory: URL = SampleFixtures.sampleDataDirectory) -> SampleOptions {
        SampleOptions(now: SampleFixtures.mondayMorning, sampleDataDirectory: directory, schools: schools, seed: 1, historyDays: 2)
    }

    private func leftovers(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != "target.sqlite" }
    }

    @Test func replacesAnExistingFileWithACompleteSnapshotAndLeavesNoTemporaryFiles() throws {
        let directory = try SampleFixtures.makeTemporaryDirectory()
        let target = directory.appendingPathComponent("target.sqlite")
        try Data("old contents".utf8).write(to: target)
        var phases: [SampleProgress] = []
        let summary = try SampleGenerator(options: options()).generate(to: target) { phases.append($0) }
        #expect(try SQLiteShell.value(target, "SELECT value FROM meta WHERE key = 'schema_version';") == "1")
        #expect(try leftovers(in: directory).isEmpty)
        #expect(summary.fileBytes > 100_000)
        #expect(summary.today == "2026-11-23" && summary.isSchoolDayToday && summary.schoolYear == "2026-2027")
        for table in ["schools", "students", "attendance", "connectivity_probes", "devices", "teachers", "intake_plans"] {
            #expect(summary.rows(in: table) == (try SQLiteShell.integer(target, "SELECT count(*) FROM \(table);")), "\(table)")
        }
        let fractions = phases.map(\.overallFraction)
        #expect(fractions == fractions.sorted())
        #expect(fractions.last == 1)
        #expect(Set(phases.map(\.phase)) == Set(SampleProgress.Phase.allCases))
    }

    @Test func failuresLeaveTheTargetUntouched() throws {
        let directory = try SampleFixtures.makeTemporaryDirectory()
        let target = directory.appendingPathComponent("target.sqlite")
        let old = Data("old contents".utf8)
        try old.write(to: target)
        #expect(throws: SampleError.invalidOption("schools must be between 1 and 5000, got 0")) {
            _ = try SampleGenerator(options: options(schools: 0)).generate(to: target)
        }
        #expect(throws: SampleError.self) {
            _ = try SampleGenerator(options: options(directory: directory.appendingPathComponent("missing"))).generate(to: target)
        }
        #expect(try Data(contentsOf: target) == old)
        #expect(try leftovers(in: directory).isEmpty)
    }

    @Test func refusesADirectoryOrAMissingFolderAsTarget() throws {
        let directory = try SampleFixtures.makeTemporaryDirectory()
        #expect(throws: SampleError.self) { _ = try SampleGenerator(options: options()).generate(to: directory) }
        let nowhere = directory.appendingPathComponent("no/such/folder/x.sqlite")
        do {
            _ = try SampleGenerator(options: options()).generate(to: nowhere)
            Issue.record("expected an error")
        } catch let error as SampleError {
            #expect(error.description.contains("does not exist"))
        }
    }
}
