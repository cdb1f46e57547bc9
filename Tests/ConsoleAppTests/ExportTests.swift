@testable import Analytics
@testable import ConsoleApp
import ConsoleCore
import Foundation
import ReportModel
import Testing

/// Export of the table on screen: the CSV text, the file written, and the update transitions.
@Suite("CSV export")
struct ExportTests {
    private func loadedState(exportDirectory: String?) -> AppState {
        var state = AppState(size: Size(columns: 100, rows: 30), now: ReportFixtures.asOf)
        state.exportDirectory = exportDirectory
        _ = state.requestLoad()
        _ = state.update(.reportLoaded(generation: 1, ReportFixtures.provinceReport()))
        return state
    }

    @Test func csvKeepsNumbersNumericAndNamesIntact() {
        var rows = ReportFixtures.provinceReport().children
        rows[0].node.name = "Xã \"Đông\", Hà"
        rows[1].node.name = "=HYPERLINK(\"x\")"
        rows[2].enrollment.enrolled = 12_345
        rows[2].attendance.rate = nil
        let text = CSVTable.text(level: .unit, rows: rows, language: .vi)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.count == 5 && lines[4].isEmpty, "header, three rows, CRLF after each")
        #expect(lines[0].hasPrefix("Mã,Tên,Trường,Học sinh,"))
        #expect(lines[0].contains("Tỉ lệ đi học (%)"))
        #expect(lines[1].hasPrefix("10507,\"Xã \"\"Đông\"\", Hà\",1,100,87,1,1,1,10,97.8,90.0,1,5,10,10.0,1,0,0,0"),
                "\(lines[1])")
        #expect(lines[2].hasPrefix("10510,\"'=HYPERLINK(\"\"x\"\")\","), "a formula is defused: \(lines[2])")
        #expect(lines[3].contains(",12345,"), "no thousands separator: \(lines[3])")
        #expect(lines[3].contains(",,"), "an undefined rate is an empty cell: \(lines[3])")
        let english = CSVTable.text(level: .unit, rows: rows, language: .en)
        #expect(english.hasPrefix("Code,Name,Schools,Students,"))
    }

    @Test func classRowsCarryAttendanceOnly() {
        let rows = ReportFixtures.schoolReport().children
        let header = CSVTable.text(level: .class, rows: rows, language: .en).components(separatedBy: "\r\n")[0]
        #expect(header == "Code,Name,Students,Present,Late,Excused,Unexcused,Not reported,Attendance rate (%),Completeness (%)")
    }

    @Test func fileNameIsSafeAndInProvinceTime() {
        let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current
        let request = TableExport(directory: "/x", node: NodeRef(level: .school, code: "../HD/6A1", name: ""),
                                  level: .class, rows: [], language: .vi, timeZone: zone, at: ReportFixtures.asOf)
        #expect(request.fileName == "eduioc-_.._HD_6A1-20261123-1400.csv")
    }

    @Test func writerCreatesNewFilesOnlyInTheDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("eduioc-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = ReportFixtures.provinceReport()
        let request = TableExport(directory: directory.path, node: report.figures.node, level: .unit, rows: report.children,
                                  language: .vi, timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current,
                                  at: ReportFixtures.asOf)
        let first = try TableExportWriter.write(request)
        let second = try TableExportWriter.write(request)
        #expect(first == directory.path + "/eduioc-30-20261123-1400.csv")
        #expect(second == directory.path + "/eduioc-30-20261123-1400-2.csv", "never overwrites")
        let text = try String(contentsOfFile: first, encoding: .utf8)
        #expect(text.contains("Phường Nguyễn Trãi"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 2)
        var missing = request
        missing.directory = directory.path + "/absent"
        #expect(throws: TableExportWriter.Failure.self) { try TableExportWriter.write(missing) }
    }

    @Test func exportKeyAsksForTheFilteredSortedTable() throws {
        var state = loadedState(exportDirectory: "/srv/exports")
        _ = state.update(.key(.character("/")))
        for c in "xa" { _ = state.update(.key(.character(c))) }
        _ = state.update(.key(.enter))
        let effects = state.update(.key(.character("e")))
        guard case .export(let request)? = effects.first, effects.count == 1 else {
            Issue.record("expected one export effect, got \(effects)")
            return
        }
        #expect(request.directory == "/srv/exports")
        #expect(request.rows.map(\.node.name) == state.table.rows.map(\.node.name))
        #expect(request.rows.map(\.node.name) == ["Xã Đắk Lắk", "Xã Thanh Hà"])
        #expect(request.node.code == "30")
        _ = state.update(.exportFinished(.written(path: "/srv/exports/eduioc-30-20261123-1400.csv", rows: 2)))
        #expect(state.message == "Đã xuất 2 dòng: /srv/exports/eduioc-30-20261123-1400.csv")
        _ = state.update(.exportFinished(.failed("/srv/exports: Permission denied")))
        #expect(state.message == "Không xuất được tệp: /srv/exports: Permission denied")
    }

    @Test func exportIsRefusedWithoutADirectoryOrRows() {
        var state = loadedState(exportDirectory: nil)
        state.language = .en
        #expect(state.update(.key(.character("e"))).isEmpty)
        #expect(state.message == "Export is not allowed for this account")
        var empty = AppState(size: Size(columns: 100, rows: 30), now: ReportFixtures.asOf)
        empty.exportDirectory = "/tmp"
        #expect(empty.update(.key(.character("e"))).isEmpty, "nothing loaded yet")
        #expect(empty.message == UIText.exportEmpty.in(.vi))
    }

    @Test func exportKeyIsInTheKeyMapAndHelp() {
        let binding = KeyMap.standard.bindings.first { $0.command == .export }
        #expect(binding?.keys == [.character("e")])
        #expect(binding?.description.in(.en) == "Export the table to a CSV file")
    }
}
