import Foundation
import Testing
import TestSupport
@testable import SampleProvince

/// Loading the name lists, including the errors (finding the folder: EndToEndTests/DataFolderLocatorTests).
@Suite("Sample data")
struct SampleDataTests {
    private func copyOfSampleData() throws -> URL {
        let copy = try SampleFixtures.makeTemporaryDirectory().appendingPathComponent("SampleData")
        try FileManager.default.copyItem(at: SampleFixtures.sampleDataDirectory, to: copy)
        return copy
    }

    private func expectSampleError(_ body: () throws -> Void, matching predicate: (SampleError) -> Bool) {
        do {
            try body()
            Issue.record("expected a SampleError")
        } catch let error as SampleError {
            #expect(predicate(error), "unexpected: \(error.description)")
            #expect(!error.description.contains("\n"))
        } catch {
            Issue.record("unexpected error type: \(error)")
        }
    }

    @Test func bundledListsLoadWithVietnameseDiacritics() throws {
        let lists = try SampleNameLists(directory: SampleFixtures.sampleDataDirectory)
        #expect(lists.communesAndWards.count >= 90)
        #expect(lists.communesAndWards.contains("Phường Nguyễn Trãi"))
        #expect(lists.communesAndWards.contains("Xã Thanh Hà"))
        #expect(lists.famousPeople.contains("Chu Văn An"))
        #expect(lists.preschoolNames.contains("Hoa Sen"))
        let all = lists.communesAndWards + lists.localities + lists.famousPeople + lists.preschoolNames
        #expect(all.allSatisfy { $0 == $0.precomposedStringWithCanonicalMapping && !$0.hasPrefix("#") && !$0.isEmpty })
    }

    @Test func decomposedInputIsNormalisedToNFC() throws {
        let directory = try copyOfSampleData()
        let file = directory.appendingPathComponent("communes_wards.txt")
        let decomposed = try String(contentsOf: file, encoding: .utf8).decomposedStringWithCanonicalMapping
        try decomposed.write(to: file, atomically: true, encoding: .utf8)
        let lists = try SampleNameLists(directory: directory)
        #expect(lists.communesAndWards.contains("Xã Thanh Hà"))
    }

    @Test func missingFolderShortListAndBadPrefixAreClearErrors() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/SampleData")
        expectSampleError({ _ = try SampleNameLists(directory: missing) }) {
            $0 == .folderNotFound("SampleData", searched: [missing.path], option: "--sample-data") && $0.description.contains("--sample-data")
        }
        let short = try copyOfSampleData()
        try "Xã Một\nXã Hai\n".write(to: short.appendingPathComponent("communes_wards.txt"), atomically: true, encoding: .utf8)
        expectSampleError({ _ = try SampleNameLists(directory: short) }) {
            $0.description.contains("communes_wards.txt") && $0.description.contains("needs at least")
        }
        let badPrefix = try copyOfSampleData()
        let file = badPrefix.appendingPathComponent("communes_wards.txt")
        try (try String(contentsOf: file, encoding: .utf8) + "Huyện Cũ\n").write(to: file, atomically: true, encoding: .utf8)
        expectSampleError({ _ = try SampleNameLists(directory: badPrefix) }) { $0.description.contains("Huyện Cũ") }
        let noFile = try copyOfSampleData()
        try FileManager.default.removeItem(at: noFile.appendingPathComponent("famous_people.txt"))
        expectSampleError({ _ = try SampleNameLists(directory: noFile) }) { $0.description.contains("famous_people.txt") }
    }
}
