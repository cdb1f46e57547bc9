import Foundation
import SectorData
import GRDB
import ReportModel

extension AnalyticsEngine {
    /// What every report needs from the snapshot before computing: meta, time zone, the scoped tree, the day.
    struct Context {
        let tree: ProvinceTree
        let zone: TimeZone
        let day: ReportDay
        let publishedAt: Date?
        /// The data's lead over as-of and the instant freshness and today's rows are judged at.
        let skew: ClockSkew
        /// The snapshot's change tokens, read when a cache is in use (nil: none, or no cache).
        let tokens: ChangeTokens?

        /// The `meta` table as of this transaction (SectorData's one reader of it): `published_at` moves with
        /// every publication, so a report reads it in its own transaction rather than from the opened snapshot.
        static func meta(_ db: Database) throws -> [String: String] {
            try SnapshotMetadata.readValues(db)
        }

        /// `trees`: a cache that keeps the scoped tree while the admin units' and schools' change tokens stand.
        /// `serverClock`: as-of is this server's clock (not a chosen replay instant), so a data time ahead of it is
        /// clock skew (`ClockSkew`): the day and today's rows are then taken at the data's time.
        static func load(_ db: Database, scope: Scope?, asOf: Date, trees: RosterCache? = nil,
                         serverClock: Bool = false) throws -> Context {
            let meta = try meta(db)
            guard let zoneName = meta["timezone"] else {
                throw AnalyticsError.invalidSnapshot("meta.timezone is missing")
            }
            guard let zone = TimeZone(identifier: zoneName) else {
                throw AnalyticsError.invalidSnapshot("meta.timezone \"\(zoneName)\" is not a known time zone")
            }
            let tokens = trees == nil ? nil : try ChangeTokens.read(db)
            let tree = try trees?.tree(db, tokens: tokens, provinceCode: meta["province_code"], scope: scope)
                ?? ProvinceTree.load(db, provinceCode: meta["province_code"], scope: scope)
            let publishedAt = meta["published_at"].flatMap(SnapshotTime.parse)
            let skew = serverClock ? try ClockSkew.measure(db, asOf: asOf, zone: zone, publishedAt: publishedAt)
                                   : ClockSkew.none(asOf)
            let day = try ReportDay.resolve(db, asOf: skew.judgeAt, zone: zone, publishedAt: publishedAt)
            return Context(tree: tree, zone: zone, day: day, publishedAt: publishedAt, skew: skew, tokens: tokens)
        }

        /// A builder judging at `skew.judgeAt` (as-of, or the data's time when it is ahead of this server's clock).
        func builder(_ db: Database, config: AnalyticsConfig) -> ReportBuilder {
            ReportBuilder(db: db, tree: tree, config: config, day: day, zone: zone, asOf: skew.judgeAt,
                          publishedAt: publishedAt)
        }
    }
}
