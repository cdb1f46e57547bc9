import Foundation
import SectorData
import GRDB

extension AnalyticsEngine {
    /// What every report needs from the snapshot before computing: meta, time zone, the scoped tree, the day.
    struct Context {
        let tree: ProvinceTree
        let zone: TimeZone
        let day: ReportDay
        let publishedAt: Date?
        /// The snapshot's change tokens, read when a cache is in use (nil: none, or no cache).
        let tokens: ChangeTokens?

        static func meta(_ db: Database) throws -> [String: String] {
            var meta: [String: String] = [:]
            for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT key, value FROM meta")) {
                guard let key = row.checkedText(0), meta[key] == nil else { continue }
                meta[key] = row.checkedText(1)
            }
            return meta
        }

        /// `trees`: a cache that keeps the scoped tree while the admin units' and schools' change tokens stand.
        static func load(_ db: Database, scope: Scope?, asOf: Date, trees: RosterCache? = nil) throws -> Context {
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
            let day = try ReportDay.resolve(db, asOf: asOf, zone: zone, publishedAt: publishedAt)
            return Context(tree: tree, zone: zone, day: day, publishedAt: publishedAt, tokens: tokens)
        }

        func builder(_ db: Database, config: AnalyticsConfig, asOf: Date) -> ReportBuilder {
            ReportBuilder(db: db, tree: tree, config: config, day: day, zone: zone, asOf: asOf, publishedAt: publishedAt)
        }
    }
}
