import Analytics
import ArgumentParser
import ConsoleApp
import Foundation
import ProcessSupport
import ReportModel
import SectorData

/// `eduioc report`: the four indicator families of one node, as text or JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the attendance, enrollment, devices and connectivity figures of a node.",
        discussion: """
            Reports the province (or the root of --scope), an admin unit (--unit) or a school (--school; \
            SCHOOLCODE/CLASSNAME for one class) as of an instant, with its children and alerts. "Today" is the \
            as-of date in the snapshot's time zone; on a day without school the last school day's attendance is \
            shown and labelled. Thresholds come from --config (see docs/analytics.example.yaml; local policy).
            With --json the output is one object carrying every figure the console shows: as_of, published_at, day, \
            is_school_day, before_school_year, path, node, attendance (with chronic_absent and the 30-day trend), \
            enrollment (by level, grade, reason; intake; teachers), devices (by kind and status), connectivity \
            (medians, offline schools since when), alerts, children, and data_quality: the attendance rows left out \
            of every figure per school and reason, and duplicated codes (docs/REPORT-JSON.md; counts are integers, \
            rates fractions 0–1 or null).
            """)

    @Option(name: .long, help: ArgumentHelp("The snapshot database file (opened read-only).", valueName: "file"))
    var snapshot: String

    @Option(name: .customLong("as-of"), help: ArgumentHelp("ISO-8601 instant, e.g. 2025-10-08T09:30:00+07:00 (default: now).", valueName: "instant"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("Report this admin unit.", valueName: "code"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp("Report this school, or SCHOOLCODE/CLASSNAME for a class.", valueName: "code"))
    var school: String?

    @Option(name: .long, help: ArgumentHelp("Limit everything to these admin units (comma-separated codes).", valueName: "codes"))
    var scope: String?

    @Option(name: .long, help: ArgumentHelp("Analytics configuration (YAML).", valueName: "file"))
    var config: String?

    @OptionGroup var access: AccessOptions

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Language of the text report: vi (default) or en (JSON keys stay English).", valueName: "vi|en"))
    var lang: ReportLanguage = .vi

    func validate() throws {
        if unit != nil && school != nil { throw ValidationError("give --unit or --school, not both") }
        try access.validate(scope: scope)
    }

    func run() throws {
        try report()
    }

    private func asOfInstant() throws -> Date {
        guard let asOf else { return Date() }
        guard let parsed = Self.parseInstant(asOf) else {
            throw CLIError("--as-of \"\(asOf)\" is not an ISO-8601 instant (e.g. 2025-10-08T09:30:00+07:00 or 2025-10-08T02:30:00Z)")
        }
        return parsed
    }

    private func report() throws {
        _ = try asOfInstant()  // reject a bad --as-of before opening anything
        _ = try access.prepareForCrashes()
        let grant = try access.resolveGrant()  // SSH mode: refuse an account without an entry before anything else
        let analyticsConfig = try config.map { try AnalyticsConfig.load(contentsOf: URL(fileURLWithPath: $0)) } ?? AnalyticsConfig()
        let opened: Snapshot
        do {
            opened = try Snapshot.open(at: URL(fileURLWithPath: snapshot))
        } catch {
            throw CLIError(error.description)
        }
        let userScope = access.ssh ? grant?.scope : ScopeArgument.parse(scope)
        let engine = AnalyticsEngine(snapshot: opened, config: analyticsConfig, scope: userScope)
        do {
            try render(engine)
        } catch let error as AnalyticsError {
            throw error
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError(opened.explain(error).description)
        }
    }

    private func render(_ engine: AnalyticsEngine) throws {
        let instant = try asOfInstant()
        // Without --as-of the instant is this server's clock: data ahead of it is clock skew, not a replay.
        var engine = engine
        engine.asOfIsServerClock = asOf == nil
        let analyticsConfig = engine.config
        let node: NodeRef? = try (unit ?? school).map { try engine.node(code: $0) }
        if let unit, let node, node.level != .unit, node.level != .province {
            throw CLIError("\(unit) is not an admin unit (use --school)")
        }
        if let school, let node, node.level != .school, node.level != .class {
            throw CLIError("\(school) is not a school (use --unit)")
        }
        // The console's one sanitiser (C0, C1 and bidi controls dropped, NFC) for text and JSON alike.
        let result = ReportSanitizer.clean(try engine.report(for: node, asOf: instant))
        if json {
            var data = try ReportJSON.data(result, dataQuality: ReportSanitizer.clean(try engine.dataQuality(asOf: instant)))
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        } else {
            FileHandle.standardOutput.write(Data(ReportText.render(result, config: analyticsConfig, language: lang).utf8))
        }
    }

    static func parseInstant(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}

extension ReportLanguage: ExpressibleByArgument {}
