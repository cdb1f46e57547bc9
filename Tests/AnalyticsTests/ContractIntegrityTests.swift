import Analytics
import Foundation
import ReportModel
import SectorData
import Testing
import TestSupport

/// A snapshot an outside ETL could write from docs/SNAPSHOT.md alone (its DDL read from the page), with the rows
/// real data carries: a leaver's rows after the leave, a pupil's rows before enrolment, a row naming another school,
/// an unknown student, an invalid status, duplicated school codes; and the legitimate cases beside them: a pupil
/// who changed class, one who moved between two schools of the province (two `students` rows, as the contract
/// says), a class whose history differs from its school's. Every figure at province, commune, school and class is
/// checked against the sqlite3 shell, on the SQL path and on the cached path.
@Suite struct ContractIntegrityTests {
    static let days = ContractFixtures.days
    static let today = ContractFixtures.today
    /// 10:00 local on the report day.
    static let asOfText = ContractFixtures.asOfText
    let path: String
    let asOf = AnalyticsFixtures.instant(Self.asOfText)

    init() throws {
        path = AnalyticsFixtures.temporaryPath("contract-integrity.sqlite")
        try ContractFixtures.integrityProvince(publishedAt: Self.asOfText).write(to: path)
    }

    /// The nodes checked: province, commune, schools, classes, with their truth selectors.
    var nodes: [(ref: String?, schools: String, classFilter: String)] {
        [
            (nil, "SELECT id FROM schools WHERE status = 'active'", ""),
            ("C01", Truth.active(underUnit: "C01"), ""),
            ("SA", Truth.school("SA"), ""),
            ("SB", Truth.school("SB"), ""),
            ("SA/6A1", Truth.school("SA"), " AND class_id = 1"),
            ("SA/6A2", Truth.school("SA"), " AND class_id = 2"),
            ("SA/10A1", Truth.school("SA"), " AND class_id = 3"),
        ]
    }

    /// A node's trend from the shell: per day, rows that count (the report day's by as-of) over the pupils enrolled
    /// in the node that day, a pupil's class that day being the one its counted row names, else its class in
    /// `students` (docs/SNAPSHOT.md).
    func truthTrend(schools: String, classFilter: String, asOf: String = Self.asOfText) throws -> [String: (Int, Int, Int)] {
        let classOfRow = classFilter.replacingOccurrences(of: "class_id", with: "a.class_id")
        let classThatDay = classFilter.replacingOccurrences(
            of: "class_id",
            with: "coalesce((SELECT a.class_id FROM attendance a WHERE a.day = d.day AND a.student_id = s.id AND a.recorded_at <= '\(asOf)' AND \(Truth.counts())), s.class_id)")
        var result: [String: (Int, Int, Int)] = [:]
        for row in try SQLiteCLI.rows(path, """
            SELECT d.day,
              (SELECT count(*) FROM attendance a WHERE a.day = d.day AND a.recorded_at <= '\(asOf)' AND \(Truth.counts())
                 AND a.status IN ('present', 'late') AND a.school_id IN (\(schools))\(classOfRow)),
              (SELECT count(*) FROM attendance a WHERE a.day = d.day AND a.recorded_at <= '\(asOf)' AND \(Truth.counts())
                 AND a.school_id IN (\(schools))\(classOfRow)),
              (SELECT count(*) FROM students s WHERE s.school_id IN (\(schools)) AND s.enrolled_on <= d.day
                 AND (s.left_on IS NULL OR s.left_on > d.day)\(classThatDay))
            FROM school_days d WHERE d.day <= '\(Self.today)' ORDER BY d.day
            """) {
            result[row[0]] = (Int(row[1]) ?? -1, Int(row[2]) ?? -1, Int(row[3]) ?? -1)
        }
        return result
    }

    func check(_ engine: AnalyticsEngine, label: String) throws {
        for node in nodes {
            let ref = try node.ref.map { try engine.node(code: $0) }
            let report = try engine.report(for: ref, asOf: asOf)
            let a = report.figures.attendance
            let name = "\(label) \(node.ref ?? "province")"
            let truth = Truth(path: path, day: Self.today, asOf: Self.asOfText, schools: node.schools,
                              classFilter: node.classFilter)
            let statuses = try truth.statuses()
            #expect(a.present == statuses["present", default: 0], "\(name): present")
            #expect(a.late == statuses["late", default: 0], "\(name): late")
            #expect(a.excused == statuses["excused", default: 0], "\(name): excused")
            #expect(a.unexcused == statuses["unexcused", default: 0], "\(name): unexcused")
            #expect(a.chronicAbsent == (try truth.chronic()), "\(name): chronic")
            if node.classFilter.isEmpty {
                #expect(a.enrolled == (try truth.enrolled()), "\(name): enrolled")
                #expect(a.schoolsReporting == (try truth.schoolsReporting()), "\(name): schools reporting")
            }
            #expect((a.completeness ?? 0) <= 1, "\(name): completeness \(a.completeness ?? 0) above 100 %")
            let leftOut = try SQLiteCLI.int(path, """
                SELECT count(*) FROM attendance a WHERE day = '\(Self.today)' AND recorded_at <= '\(Self.asOfText)'
                  AND school_id IN (\(node.schools))\(node.classFilter) AND NOT (\(Truth.counts()))
                """)
            #expect(a.rowsLeftOut == leftOut, "\(name): rows left out today")
            let trend = try truthTrend(schools: node.schools, classFilter: node.classFilter)
            #expect(a.trend.map(\.day) == Self.days, "\(name): trend days")
            for point in a.trend {
                let (attending, reported, enrolled) = trend[point.day] ?? (-1, -1, -1)
                #expect(point.rate == (reported > 0 ? Double(attending) / Double(reported) : nil), "\(name): rate \(point.day)")
                #expect(point.completeness == (enrolled > 0 ? Double(reported) / Double(enrolled) : nil),
                        "\(name): completeness \(point.day)")
                #expect((point.completeness ?? 0) <= 1, "\(name): completeness \(point.day) above 100 %")
            }
        }
    }

    @Test func everyFigureFollowsTheContractsRowRules() throws {
        try check(AnalyticsEngine(snapshot: try Snapshot.open(at: URL(fileURLWithPath: path))), label: "sql")
        // The cached path (the console's) twice: filling the caches, then reading them.
        let cached = AnalyticsEngine(snapshot: try Snapshot.open(at: URL(fileURLWithPath: path)), summaries: PastDaySummaries())
        try check(cached, label: "cached")
        try check(cached, label: "cached again")
    }

    /// The same with the contract's change tokens in the file: the console's caches then keep today's rows, the
    /// roster and the chronic base across refreshes, checked against the held students; a leave dated back later
    /// (the students' token moves) takes the leaver's rows out of every held figure.
    @Test func theCachesFollowTheRulesWithChangeTokens() throws {
        let tokensPath = AnalyticsFixtures.temporaryPath("contract-tokens.sqlite")
        var builder = try ContractFixtures.integrityProvince(publishedAt: Self.asOfText)
        for statement in try ContractDDL.block(after: "## Change tokens") { builder.raw(statement) }
        try builder.write(to: tokensPath)
        let cachedTokens = ContractIntegrityTests(path: tokensPath)
        let summaries = PastDaySummaries()
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: URL(fileURLWithPath: tokensPath)), summaries: summaries)
        try cachedTokens.check(engine, label: "tokens")
        try cachedTokens.check(engine, label: "tokens again")
        try SQLiteCLI.execute(tokensPath, script: """
            UPDATE students SET left_on = '\(Self.days[3])', leave_reason = 'dropout' WHERE id = 5;
            """)
        try cachedTokens.check(engine, label: "after a leave dated back")
        #expect(summaries.rosterStudentLoads >= 2, "the students were read again when their token moved")
    }

    /// A suite value checking another file (the same rows, written another way).
    private init(path: String) {
        self.path = path
    }

    @Test func rowsThatDoNotCountAreLeftOutAndListed() throws {
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: URL(fileURLWithPath: path)))
        let school = try engine.report(for: try engine.node(code: "SA"), asOf: asOf).figures.attendance
        // Today at SA: 1–16, 18, 19 and 23–25 count; 17 (left), 999 (unknown) do not.
        #expect(school.reported == 21)
        let quality = try engine.dataQuality(asOf: asOf)
        let byReason = quality.rowsByProblem
        // Expected from the rows written above, and from the shell for the same rule.
        #expect(byReason[.notEnrolled] == 3 + 1, "17 on three days after leaving, 18 before enrolling")
        #expect(byReason[.otherSchool] == 1)
        #expect(byReason[.unknownStudent] == 1)
        #expect(byReason[.invalidValue] == 1)
        let shell = try SQLiteCLI.int(path, "SELECT count(*) FROM attendance a WHERE NOT (\(Truth.counts()))")
        #expect(quality.rowsLeftOut == shell)
        #expect(quality.entries.first { $0.problem == .unknownStudent }?.school?.code == "SA")
        #expect(quality.duplicateCodes == ["DUP"])
    }

    @Test func aDuplicatedCodeIsNeverResolvedNorGranted() throws {
        let open = { try Snapshot.open(at: URL(fileURLWithPath: path)) }
        #expect(throws: AnalyticsError.self) { try AnalyticsEngine(snapshot: try open()).node(code: "DUP") }
        // An area naming the duplicated code grants nothing and says why; with another code beside it, still nothing
        // of the duplicates is shown.
        let scoped = AnalyticsEngine(snapshot: try open(), scope: Scope(unitCodes: [], schoolCodes: ["DUP"]))
        do {
            _ = try scoped.report(for: nil, asOf: asOf)
            Issue.record("a duplicated code was granted")
        } catch let error as AnalyticsError {
            #expect(error.description.contains("more than one unit or school"), "\(error)")
        }
        // Both schools stay reachable by drilling down from their communes.
        let province = try AnalyticsEngine(snapshot: try open()).report(for: nil, asOf: asOf)
        let c02 = try #require(province.children.first { $0.node.code == "C02" })
        let commune = try AnalyticsEngine(snapshot: try open()).report(for: c02.node, asOf: asOf)
        let dup = try #require(commune.children.first { $0.node.level == .school })
        #expect(dup.node.code.hasPrefix("DUP#"))
        let drilled = try AnalyticsEngine(snapshot: try open()).report(for: dup.node, asOf: asOf)
        #expect(drilled.figures.attendance.enrolled == 1)
    }

    /// A replay at an instant before the snapshot's publication leaves out every row recorded after it, on past
    /// days too: a correction made after as-of does not count.
    @Test func aReplayLeavesOutRowsRecordedAfterAsOfOnEveryDay() throws {
        try SQLiteCLI.execute(path, script: """
            UPDATE attendance SET status = 'excused', recorded_at = '2025-10-10T03:30:00Z'
              WHERE day = '2025-10-07' AND student_id IN (2, 3);
            UPDATE meta SET value = '2025-10-10T04:00:00Z' WHERE key = 'published_at';
            """)
        let engine = AnalyticsEngine(snapshot: try Snapshot.open(at: URL(fileURLWithPath: path)), summaries: PastDaySummaries())
        let replay = try engine.report(for: try engine.node(code: "SA"), asOf: asOf)
        let truth = try truthTrend(schools: Truth.school("SA"), classFilter: "")
        let point = try #require(replay.figures.attendance.trend.first { $0.day == "2025-10-07" })
        let (attending, reported, _) = try #require(truth["2025-10-07"])
        #expect(point.rate == Double(attending) / Double(reported))
        #expect(reported == 22 - 2, "students 2 and 3 left out (corrected after as-of); 18 had no row that day")
        // Live (as-of at publication) the corrections count.
        let live = try engine.report(for: try engine.node(code: "SA"), asOf: AnalyticsFixtures.instant("2025-10-10T04:00:00Z"))
        let livePoint = try #require(live.figures.attendance.trend.first { $0.day == "2025-10-07" })
        let liveTruth = try truthTrend(schools: Truth.school("SA"), classFilter: "", asOf: "2025-10-10T04:00:00Z")
        let (liveAttending, liveReported, _) = try #require(liveTruth["2025-10-07"])
        #expect(livePoint.rate == Double(liveAttending) / Double(liveReported))
        #expect(liveReported == reported + 2)
    }
}
