import Analytics
import Foundation
import ReportModel
import Testing
import TestSupport

@Suite struct ConfigTests {
    @Test func emptyFileGivesDefaults() throws {
        let config = try AnalyticsConfig.load(yaml: "")
        #expect(config == AnalyticsConfig())
        #expect(config.attendance.rateWarn == 0.90 && config.attendance.rateCritical == 0.80)
        #expect(config.attendance.completenessWarn == 0.80 && config.attendance.completenessAfterMinutes == 540)
        #expect(config.chronicAbsence.shareWarn == 0.10)
        #expect(config.snapshot.staleAfterMinutes == 30 && config.connectivity.offlineAfterMinutes == 15)
        #expect(config.connectivity.benchmarkMbps == 20)
    }

    @Test func partialFileKeepsOtherDefaults() throws {
        let config = try AnalyticsConfig.load(yaml: """
            attendance:
              rate_warn: 0.95
            connectivity:
              profile: national
              profiles:
                national: { download_mbps: 100 }
            """)
        #expect(config.attendance.rateWarn == 0.95 && config.attendance.rateCritical == 0.80)
        #expect(config.connectivity.benchmarkMbps == 100)
        #expect(config.connectivity.profiles["giga"]?.downloadMbps == 20)
    }

    @Test func exampleFileLoads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let config = try AnalyticsConfig.load(contentsOf: root.appendingPathComponent("docs/analytics.example.yaml"))
        #expect(config == AnalyticsConfig())  // the example documents the defaults
    }

    @Test func unknownKeysAreNamed() {
        #expect(throws: AnalyticsError.invalidConfiguration("unknown key \"attendance.rate_warm\" (known: rate_warn, rate_critical, min_reported, completeness_warn, completeness_after)")) {
            try AnalyticsConfig.load(yaml: "attendance:\n  rate_warm: 0.9\n")
        }
        #expect(throwsMessage(containing: "\"thresholds\"") { try AnalyticsConfig.load(yaml: "thresholds: {}\n") })
        #expect(throwsMessage(containing: "connectivity.profiles.giga.upload") {
            try AnalyticsConfig.load(yaml: "connectivity:\n  profiles:\n    giga: { download_mbps: 20, upload: 5 }\n")
        })
    }

    @Test func outOfRangeValuesAreExplained() {
        #expect(throwsMessage(containing: "attendance.rate_warn must be between 0 and 1") {
            try AnalyticsConfig.load(yaml: "attendance: { rate_warn: 90 }")
        })
        #expect(throwsMessage(containing: "rate_critical") {
            try AnalyticsConfig.load(yaml: "attendance: { rate_warn: 0.7, rate_critical: 0.8 }")
        })
        #expect(throwsMessage(containing: "completeness_after must be a local time HH:MM") {
            try AnalyticsConfig.load(yaml: "attendance: { completeness_after: '9am' }")
        })
        #expect(throwsMessage(containing: "\"fast\" is not a defined profile") {
            try AnalyticsConfig.load(yaml: "connectivity: { profile: fast }")
        })
        #expect(throwsMessage(containing: "snapshot.stale_after_minutes must be between 1") {
            try AnalyticsConfig.load(yaml: "snapshot: { stale_after_minutes: 0 }")
        })
        #expect(throwsMessage(containing: "attendance.min_reported") {
            try AnalyticsConfig.load(yaml: "attendance: { min_reported: lots }")
        })
    }

    @Test func benchmarkChangesClassification() throws {
        let path = AnalyticsFixtures.temporaryPath("bench.sqlite")
        try AnalyticsFixtures.buildRichProvince(at: path)
        var config = AnalyticsConfig()
        config.connectivity.profile = "national"  // 50 Mbps: S01 (40–50 Mbps) drops to moderate
        let engine = AnalyticsEngine(reader: try AnalyticsEngine.openSnapshot(path: path), config: config)
        let s01 = try engine.report(for: try engine.node(code: "S01"), asOf: AnalyticsFixtures.instant(AnalyticsFixtures.richAsOf))
        #expect(s01.figures.connectivity.status == .moderate)
    }

    func throwsMessage(containing text: String, _ body: () throws -> AnalyticsConfig) -> Bool {
        do {
            _ = try body()
            return false
        } catch let error as AnalyticsError {
            guard case .invalidConfiguration(let message) = error else { return false }
            if !message.contains(text) { Issue.record("message was: \(message)") }
            return message.contains(text)
        } catch {
            Issue.record("unexpected error \(error)")
            return false
        }
    }
}
