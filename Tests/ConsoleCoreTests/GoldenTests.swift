import Foundation
import ConsoleTesting
import Testing
@testable import ConsoleCore

@Suite struct GoldenTests {
    @Test func goldenTextShowsTextAndStyleRuns() {
        var b = CellBuffer(size: Size(columns: 12, rows: 2))
        b.put("Hải Dương", at: Point(x: 0, y: 0), style: CellStyle(.header, bold: true))
        b.put("中", at: Point(x: 10, y: 1), style: CellStyle(.crit, reverse: true))
        #expect(GoldenText.render(b) == """
        size 12x2
          0|Hải Dương   |
          1|          中|
        styles
          0: [0-8 header,bold] [9-11 normal]
          1: [0-9 normal] [10-11 crit,reverse]

        """)
    }

    @Test func testBackendRecordsFramesAndDiffCounts() {
        let backend = TestBackend(size: Size(columns: 10, rows: 2), events: [.key(.down)])
        var frame = CellBuffer(size: backend.size)
        backend.present(frame, theme: Theme(name: "default"))
        backend.present(frame, theme: Theme(name: "default"))
        frame.put("ab", at: Point(x: 3, y: 1))
        backend.present(frame, theme: Theme(name: "default"))
        #expect(backend.cellsWritten == [20, 0, 2])
        #expect(backend.nextEvent(timeoutMilliseconds: 10) == .key(.down))
        #expect(backend.nextEvent(timeoutMilliseconds: 10) == nil)
        #expect(backend.timeouts == 1)
        backend.resize(to: Size(columns: 5, rows: 5))
        #expect(backend.nextEvent(timeoutMilliseconds: 0) == .resize(Size(columns: 5, rows: 5)))
        #expect(backend.golden().hasPrefix("size 10x2\n"))
    }

    @Test func goldenFileRecordsComparesAndFailsWhenMissing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eduioc-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let golden = GoldenFile(path: dir.appendingPathComponent("screen.txt").path)
        #expect(throws: GoldenFile.Mismatch.self) { try golden.verify("a\nb\n", record: false) }
        do {
            try golden.verify("x", record: false)
        } catch let error as GoldenFile.Mismatch {
            #expect(error.description.contains("EDUIOC_RECORD_GOLDENS=1"))
        }
        #expect(throws: GoldenFile.Mismatch.self, "recording a new file fails") {
            try golden.verify("line1\nline2\nline3\n", record: true)
        }
        try golden.verify("line1\nline2\nline3\n", record: false)
        // Recording a change writes the file and still fails, with the diff against what was there.
        do {
            try golden.verify("line1\nCHANGED\nline3\n", record: true)
            Issue.record("a recording run passed")
        } catch let error as GoldenFile.Mismatch {
            #expect(error.description.contains("    2 -line2") && error.description.contains("    2 +CHANGED"), "\(error)")
        }
        try golden.verify("line1\nCHANGED\nline3\n", record: false)
        #expect(throws: GoldenFile.Mismatch.self, "recording an unchanged file fails too") {
            try golden.verify("line1\nCHANGED\nline3\n", record: true)
        }
        try Data("line1\nline2\nline3\n".utf8).write(to: URL(fileURLWithPath: golden.path))
        do {
            try golden.verify("line1\nLINE2\nline3\n", record: false)
            Issue.record("expected a mismatch")
        } catch let error as GoldenFile.Mismatch {
            #expect(error.description.contains("    2 -line2"))
            #expect(error.description.contains("    2 +LINE2"))
            #expect(error.description.contains("    1  line1"))
        }
        #expect(GoldenFile.isRecording(["EDUIOC_RECORD_GOLDENS": "1"]))
        // Every golden of a group is compared before the failure is reported.
        let other = GoldenFile(path: dir.appendingPathComponent("other.txt").path)
        try Data("x\n".utf8).write(to: URL(fileURLWithPath: other.path))
        do {
            try GoldenFile.verifyAll([(golden, "first wrong\n"), (other, "second wrong\n")], record: false)
            Issue.record("expected both mismatches")
        } catch let error as GoldenFile.Mismatch {
            #expect(error.description.contains("2 of 2 goldens failed"))
            #expect(error.description.contains("+first wrong") && error.description.contains("+second wrong"))
        }
        #expect(!GoldenFile.isRecording([:]))
    }
}

@Suite struct GoldenPathTests {
    @Test func goldensLiveBesideTestTargets() {
        #expect(GoldenFile("a.txt", testFile: "/r/Tests/ConsoleAppTests/Screens/X.swift").path == "/r/Tests/Goldens/ConsoleAppTests/a.txt")
        #expect(GoldenFile("a.txt", testFile: "/r/other/X.swift").path == "/r/other/Goldens/a.txt")
    }
}
