import Foundation

/// Writes connectivity probes: one every 5 minutes per probed school over the 24 hours before now.
///
/// Each school has its own phase within the 5-minute cycle. Good links sit above 20 Mbps (dipping in
/// school hours), slow ones below; offline schools have failed probes (NULL measurements) since their
/// outage began; some schools had a short outage earlier in the day; never-probed schools have no rows.
struct ProbeSynthesizer {
    let blueprint: ProvinceBlueprint
    let nowSeconds: Int
    let seed: UInt64

    /// Seconds between probes.
    static let interval = 300
    /// Probes per school in 24 hours.
    static let probesPerDay = 86_400 / interval

    /// Inserts the probes; returns rows written.
    func write(connection: OpaquePointer) throws -> Int {
        let statement = try SQLiteBulkStatement(connection: connection, sql: """
            INSERT INTO connectivity_probes (school_id, measured_at, download_mbps, upload_mbps, latency_ms)
            VALUES (?, ?, ?, ?, ?)
            """)
        var random = SeededRandom(seed: seed, stream: 3)
        for school in blueprint.schools {
            let meanDownload: Double
            let isSlow: Bool
            var outage: Range<Int>?
            switch school.connectivity {
            case .neverProbed:
                continue
            case .good(let mean):
                (meanDownload, isSlow) = (mean, false)
            case .slow(let mean):
                (meanDownload, isSlow) = (mean, true)
            case .offline(let since, let mean):
                (meanDownload, isSlow) = (mean, false)
                outage = since..<(nowSeconds + 1)
            }
            if outage == nil && random.chance(0.06) {
                let start = nowSeconds - random.int(in: 2 * 3_600...22 * 3_600)
                outage = start..<(start + random.int(in: 15 * 60...120 * 60))
            }
            let phase = random.int(in: 0...(Self.interval - 1))
            statement.bind(1, school.id)
            for step in stride(from: Self.probesPerDay - 1, through: 0, by: -1) {
                let measuredAt = nowSeconds - phase - step * Self.interval
                statement.bind(2, CivilTime.timestampText(unixSeconds: measuredAt))
                let failed = (outage?.contains(measuredAt) ?? false) || random.chance(0.004)
                if failed {
                    statement.bindNull(3)
                    statement.bindNull(4)
                    statement.bindNull(5)
                } else {
                    let localHour = (measuredAt + CivilTime.provinceOffsetSeconds) % 86_400 / 3_600
                    let load = (7..<17).contains(localHour) ? 0.8 : 1.0
                    let download = max(0.5, meanDownload * load * random.double(in: 0.8...1.2))
                    statement.bind(3, Self.tenth(download))
                    statement.bind(4, Self.tenth(download * random.double(in: 0.3...0.6)))
                    statement.bind(5, Self.tenth(isSlow ? random.double(in: 40...220) : random.double(in: 8...45)))
                }
                try statement.insert()
            }
        }
        return statement.rowsInserted
    }

    private static func tenth(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }
}
